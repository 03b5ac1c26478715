import Foundation
@testable import GeoMention

/// Gazetteers the tests share: the small team-written fixture and the bundled world gazetteer.
enum TestGazetteers {
    /// A fresh copy of `Fixtures/MiniGazetteer` in a temporary folder, so tests may touch its files;
    /// the caller removes it.
    static func miniCopy() throws -> String {
        let source = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/MiniGazetteer")
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("geomention-mini-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: target)
        return target.path
    }

    /// The copy behind ``mini``. It stays for the whole test run (layers read files from the
    /// gazetteer folder) and is removed when the test process exits.
    private static let miniFolder: Result<String, any Error> = Result {
        let folder = try miniCopy()
        atexit {
            if case .success(let folder) = TestGazetteers.miniFolder {
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
        return folder
    }

    /// The fixture gazetteer, loaded once.
    static let mini: Result<Gazetteer, any Error> = Result {
        try Gazetteer.load(locator: GazetteerLocator(explicitPath: try miniFolder.get(), environment: [:]))
    }

    /// The bundled world gazetteer of this package checkout, loaded once.
    static let world: Result<Gazetteer, any Error> = Result {
        try Gazetteer.load(locator: GazetteerLocator(environment: [:], executablePath: nil))
    }
}
