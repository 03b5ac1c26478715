import CLibXML2
import Foundation
@testable import GeoMention

/// Features the export tests share: located places in two countries, an unresolved mention
/// and one feature full of hostile text.
enum ExportSamples {
    static let hostileContext = "Shots near <script>alert('x')</script> & \"Aleppo\" ]]> tail\u{01}\u{1F}bell\u{FFFF}\u{2028}end"

    static var features: [MapFeature] {
        [
            MapFeature(
                id: "doc-1#10", latitude: 36.202_105, longitude: 37.134_260, name: "Aleppo", mention: "Aleppo",
                kind: "city", countryCode: "SY", countryCode3: "SYR", country: "Syria", admin1Code: "SY-02",
                admin1: "Aleppo Governorate", geonameid: 170_063, mentions: 3,
                context: "Heavy clashes broke out in Aleppo on Monday.", highlight: 27..<33,
                eventType: "battles", trigger: "clashes", role: "event", eventDate: "2024-03-04",
                timePrecision: 1, geoPrecision: 1, confidence: 0.92, reason: "largest city with that name",
                docId: "doc-1", docTitle: "Clashes in the north", url: "https://news.example/a?id=1&lang=en",
                start: 120, end: 126),
            MapFeature(
                id: "doc-1#40", latitude: 33.510_2, longitude: 36.291_28, name: "Damascus", mention: "DAMASCUS",
                kind: "city", countryCode: "SY", countryCode3: "SYR", country: "Syria", admin1Code: "SY-13",
                admin1: "Damascus", geonameid: 170_654, mentions: 1,
                context: "DAMASCUS (Reuters) - Talks resumed.", highlight: 0..<8,
                eventType: "diplomacy", trigger: "talks", role: "dateline", eventDate: "2024-03-04",
                timePrecision: 1, geoPrecision: 1, confidence: 0.99, reason: "dateline",
                docId: "doc-1", docTitle: "Clashes in the north", url: "https://news.example/a?id=1&lang=en",
                start: 0, end: 8),
            MapFeature(
                id: "doc-2#5", latitude: 39, longitude: 35, name: "Turkey", mention: "Turkey",
                kind: "country", countryCode: "TR", countryCode3: "TUR", country: "Türkiye", geonameid: 298_795,
                mentions: 2, context: "Turkey condemned the strike.", highlight: 0..<6,
                eventType: "strategic developments", role: "mention", geoPrecision: 4, confidence: 0.8,
                reason: "country name", docId: "doc-2", docTitle: "Reactions", start: 5, end: 11),
            MapFeature(
                id: "doc-2#77", name: "", mention: "Qasr al-Hayr", kind: "", mentions: 1,
                context: "Fighting near Qasr al-Hayr.", highlight: 14..<26, eventType: "battles",
                role: "event", geoPrecision: 1, confidence: 0, reason: "no candidate", docId: "doc-2",
                docTitle: "Reactions", start: 200, end: 212),
            MapFeature(
                id: "doc-3#1 \"<&>\"", latitude: -0.000_000_4, longitude: 1e-5, name: "Null <Island> & \"Co\"",
                mention: "Null Island", kind: "physical", countryCode: "SY", countryCode3: "SYR", country: "Syria",
                admin1Code: "SY-02", admin1: "Aleppo Governorate", mentions: 1, context: hostileContext,
                highlight: 11..<38, eventType: "Riots", trigger: "<b>shots</b>", role: "event",
                eventDate: "2024-13-99", geoPrecision: 2, confidence: 0.5, reason: "it's \"near\" ]]> & <here>",
                docId: "doc-3", docTitle: "Title with ]]> and <i>tags</i>", url: "https://x.example/?a=1&b=<2>",
                start: 1, end: 2),
        ]
    }

    /// A feature whose coordinates are not finite.
    static let nonFinite = MapFeature(id: "bad#1", latitude: .nan, longitude: .infinity, name: "Broken")
}

/// A parsed XML element, for assertions.
struct XMLElement {
    var name: String
    var attributes: [String: String]
    var children: [XMLElement]
    /// Text and CDATA directly inside this element, concatenated.
    var text: String

    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }
    /// All descendants named `name`, in document order.
    func descendants(_ name: String) -> [XMLElement] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }
}

enum XMLTestError: Error { case notWellFormed, schemaUnreadable(String) }

/// libxml2 parsing and schema validation for the tests.
enum XMLTestSupport {
    /// Parses `data` (network access off) into an element tree, or throws when not well-formed.
    static func parse(_ data: Data) throws -> XMLElement {
        guard let doc = readDocument(data) else { throw XMLTestError.notWellFormed }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw XMLTestError.notWellFormed }
        return convert(root)
    }

    /// Validates `data` against the test target's own copy of the OGC KML 2.2 schema.
    static func validatesAgainstKMLSchema(_ data: Data) throws -> Bool {
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
        let xsd = try kmlSchemaURL()
        guard let parserContext = xmlSchemaNewParserCtxt(xsd.path) else { throw XMLTestError.schemaUnreadable(xsd.path) }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        guard let schema = xmlSchemaParse(parserContext) else { throw XMLTestError.schemaUnreadable(xsd.path) }
        defer { xmlSchemaFree(schema) }
        guard let validContext = xmlSchemaNewValidCtxt(schema) else { throw XMLTestError.schemaUnreadable(xsd.path) }
        defer { xmlSchemaFreeValidCtxt(validContext) }
        guard let doc = readDocument(data) else { return false }
        defer { xmlFreeDoc(doc) }
        return xmlSchemaValidateDoc(validContext, doc) == 0
    }

    static func kmlSchemaURL() throws -> URL {
        if let url = Bundle.module.url(forResource: "ogckml22", withExtension: "xsd", subdirectory: "Fixtures/kml22") {
            return url
        }
        let local = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/kml22/ogckml22.xsd")
        guard FileManager.default.fileExists(atPath: local.path) else { throw XMLTestError.schemaUnreadable(local.path) }
        return local
    }

    private static func readDocument(_ data: Data) -> xmlDocPtr? {
        data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, "UTF-8",
                                 Int32(XML_PARSE_NONET.rawValue))
        }
    }

    private static func convert(_ node: xmlNodePtr) -> XMLElement {
        var element = XMLElement(name: String(cString: node.pointee.name), attributes: [:], children: [], text: "")
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var part = current.pointee.children
            while let text = part {
                if let content = text.pointee.content { value += String(cString: content) }
                part = text.pointee.next
            }
            element.attributes[String(cString: current.pointee.name)] = value
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: element.children.append(convert(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { element.text += String(cString: content) }
            default: break
            }
            child = current.pointee.next
        }
        return element
    }
}

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("geomention-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
