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
}
