import Foundation
@testable import GeoMention

/// Gazetteers the tests share: the small team-written fixture and the bundled world gazetteer.
enum TestGazetteers {
    /// A fresh copy of `Fixtures/MiniGazetteer` in a temporary folder, so tests may touch its files.
    static func miniCopy() throws -> String {
        let source = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/MiniGazetteer")
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("geomention-mini-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: target)
        return target.path
    }

    /// The fixture gazetteer, loaded once.
    static let mini: Result<Gazetteer, any Error> = Result {
        try Gazetteer.load(locator: GazetteerLocator(explicitPath: try miniCopy(), environment: [:]))
    }

    /// The bundled world gazetteer of this package checkout, loaded once.
    static let world: Result<Gazetteer, any Error> = Result {
        try Gazetteer.load(locator: GazetteerLocator(environment: [:], executablePath: nil))
    }
}
