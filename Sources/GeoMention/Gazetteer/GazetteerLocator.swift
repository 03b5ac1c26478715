import Foundation

/// Finds the gazetteer folder (the one holding `places.tsv`).
///
/// Tried in order: an explicit path (`--gazetteer`), the `GEOMENTION_GAZETTEER` environment
/// variable, a `Gazetteer` folder next to the resolved executable (or in `../share/geomention`),
/// the `Gazetteer` folder of the package checkout the executable was built in, and the package
/// this library was compiled from. `Bundle.module` is deliberately not used: it stops the
/// process when the resource bundle is missing.
public struct GazetteerLocator: Sendable {
    /// The environment variable naming the gazetteer folder.
    public static let environmentVariable = "GEOMENTION_GAZETTEER"

    public var explicitPath: String?
    public var environment: [String: String]
    public var executablePath: String?

    public init(explicitPath: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String? = Bundle.main.executableURL?.path) {
        self.explicitPath = explicitPath
        self.environment = environment
        self.executablePath = executablePath
    }

    /// Every folder that will be tried, in order. An explicit path or environment variable, when
    /// given, is the only candidate: a user who names a folder wants that one or an error.
    public func candidates() -> [String] {
        if let explicitPath, !explicitPath.isEmpty { return [explicitPath] }
        if let named = environment[Self.environmentVariable], !named.isEmpty { return [named] }
        var paths: [String] = []
        if let executablePath {
            let resolved = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
            var folder = resolved.deletingLastPathComponent()
            paths.append(folder.appendingPathComponent("Gazetteer").path)
            paths.append(folder.deletingLastPathComponent().appendingPathComponent("share/geomention/Gazetteer").path)
            // Inside a package checkout (.build/<triple>/<configuration>/geomention): walk up.
            for _ in 0..<6 {
                folder = folder.deletingLastPathComponent()
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                    paths.append(folder.appendingPathComponent("Gazetteer").path)
                    break
                }
            }
        }
        // The package this file was compiled in: Sources/GeoMention/Gazetteer/ → ../../../Gazetteer.
        let source = URL(fileURLWithPath: #filePath)
        paths.append(source.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Gazetteer").path)
        var unique: [String] = []
        for path in paths where !unique.contains(path) { unique.append(path) }
        return unique
    }

    /// The first candidate folder that holds `places.tsv`.
    /// - Throws: ``GazetteerError/notFound(tried:)`` listing every folder tried.
    public func locate() throws -> String {
        let tried = candidates()
        for path in tried where FileManager.default.fileExists(atPath: path + "/places.tsv") {
            return path
        }
        throw GazetteerError.notFound(tried: tried)
    }
}
