import CLibXML2
import Foundation

/// Files and tools the `map` and `regions` tests share.
enum LayerFixtures {
    /// This test target's folder.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The team's fixture dispatch: one dated JSON Lines record.
    static let dispatch = folder.appendingPathComponent("Fixtures/dispatch.jsonl")
    /// The unmodified OGC KML 2.2 schema the library tests carry.
    static let kmlSchema = folder.deletingLastPathComponent()
        .appendingPathComponent("GeoMentionTests/Fixtures/kml22/ogckml22.xsd")

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("geomention-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Whether `file` validates against ``kmlSchema`` with libxml2, network access off.
    static func validatesAgainstKMLSchema(_ file: URL) -> Bool {
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
        guard let parser = xmlSchemaNewParserCtxt(kmlSchema.path) else { return false }
        defer { xmlSchemaFreeParserCtxt(parser) }
        guard let schema = xmlSchemaParse(parser) else { return false }
        defer { xmlSchemaFree(schema) }
        guard let context = xmlSchemaNewValidCtxt(schema) else { return false }
        defer { xmlSchemaFreeValidCtxt(context) }
        return xmlSchemaValidateFile(context, file.path, 0) == 0
    }

    /// The `ogrinfo` executable on the PATH, if any.
    static let ogrinfo: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/ogrinfo" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    /// Set in continuous integration, where a missing `ogrinfo` is a failure rather than a skip.
    static let isCI = ProcessInfo.processInfo.environment["CI"] != nil

    /// Runs `ogrinfo -ro -al [-so]` on `file`, forcing `driver` when given.
    static func ogrinfo(_ executable: String, _ file: URL, driver: String?, summaryOnly: Bool = true) throws -> (Int32, String) {
        var arguments = summaryOnly ? ["-ro", "-al", "-so"] : ["-ro", "-al"]
        if let driver {
            let (_, version) = try execute(executable, ["--version"])
            let numbers = version.split(separator: " ").dropFirst().first?.split(separator: ".")
                .compactMap { Int($0.filter(\.isNumber)) } ?? []
            arguments = (numbers.count >= 2 && (numbers[0], numbers[1]) >= (3, 7))
                ? ["-if", driver] + arguments
                : ["--config", "GDAL_SKIP", driver == "KML" ? "LIBKML" : "KML"] + arguments
        }
        return try execute(executable, arguments + [file.path])
    }

    private static func execute(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
