import Foundation

/// Writes features as a KML 2.2 document grouped into country and region folders.
///
/// The document holds one `Style` pair and `StyleMap` per ``EventCategory``, then one `Folder`
/// per country (sorted by name) with one `Folder` per first-level region (features without a
/// region go in a folder named after the country and ``countryLevelFolderName``, such as
/// "Poland (country level)", so every folder name is unique in a GIS layer list). Each `Placemark` has `name`, an HTML
/// `description` in CDATA, a `TimeStamp` when the date is known, `styleUrl`, `ExtendedData`
/// with a `Data` element per field of ``MapFeature/fields`` (using ``ExportField/kmlName``)
/// and a `Point`. Features without coordinates are left out and counted in ``Result``.
/// The output validates against the OGC KML 2.2 schema.
///
/// ``render(_:)`` builds the document in memory; ``Stream`` builds the same bytes from
/// features added one at a time, in bounded memory.
public struct KMLWriter: Sendable {
    /// The KML 2.2 namespace.
    public static let namespace = "http://www.opengis.net/kml/2.2"
    /// Folder name for features that have a country but no first-level region.
    public static let countryLevelFolderName = "(country level)"
    /// Folder name for features that have no country.
    public static let noCountryFolderName = "(no country)"

    /// Name of the KML `Document`.
    public var documentName: String
    /// Icon image used by every style.
    public var iconURL: String

    /// The document bytes and how many features were left out for lack of coordinates.
    public struct Result: Hashable, Sendable {
        /// The KML document, UTF-8.
        public var data: Data
        /// Number of placemarks written.
        public var placemarkCount: Int
        /// Number of features left out because they have no (finite) coordinates.
        public var skippedWithoutCoordinates: Int
    }

    /// Creates a writer for a document called `documentName`.
    public init(
        documentName: String,
        iconURL: String = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
    ) {
        self.documentName = documentName
        self.iconURL = iconURL
    }

    /// Formats `features` as KML in memory.
    ///
    /// - Throws: ``ExportError/xmlWriterFailed(operation:)`` when libxml2 reports an error.
    public func render(_ features: [MapFeature]) throws -> Result {
        let stream = try Stream(writer: self)
        for feature in features { try stream.add(feature) }
        let sink = MemorySink()
        let summary = try stream.finish(into: sink)
        return Result(data: sink.data, placemarkCount: summary.placemarkCount,
                      skippedWithoutCoordinates: summary.skippedWithoutCoordinates)
    }

    /// Writes the KML for `features` to `url` atomically and returns the document and counts.
    ///
    /// The document is built in memory; ``Stream`` writes one in bounded memory.
    /// - Throws: ``ExportError`` when formatting fails or the file cannot be written.
    @discardableResult
    public func write(_ features: [MapFeature], to url: URL) throws -> Result {
        let result = try render(features)
        try AtomicFileWriter.write(result.data, to: url)
        return result
    }

    /// Writes the document around the placemarks: everything before the first folder, with
    /// the counts in the description.
    func writeHeader(_ xml: XMLDocumentWriter, placemarkCount: Int, skipped: Int) throws {
        try xml.startDocument()
        try xml.startElement("kml", namespace: Self.namespace)
        try xml.startElement("Document")
        try xml.element("name", documentName)
        try xml.element("open", "1")
        try xml.element("description", "\(placemarkCount) placemarks; \(skipped) unlocated mentions not shown")
        for category in EventCategory.allCases {
            try writeStyles(for: category, xml)
        }
    }

    private func writeStyles(for category: EventCategory, _ xml: XMLDocumentWriter) throws {
        for (suffix, scale) in [("normal", "1.0"), ("highlight", "1.4")] {
            try xml.startElement("Style")
            try xml.attribute("id", "\(category.slug)-\(suffix)")
            try xml.startElement("IconStyle")
            try xml.element("color", category.kmlColor())
            try xml.element("scale", scale)
            try xml.startElement("Icon")
            try xml.element("href", iconURL)
            try xml.endElement()
            try xml.endElement()
            try xml.startElement("LabelStyle")
            try xml.element("scale", suffix == "normal" ? "0.8" : "1.0")
            try xml.endElement()
            try xml.endElement()
        }
        try xml.startElement("StyleMap")
        try xml.attribute("id", category.slug)
        for key in ["normal", "highlight"] {
            try xml.startElement("Pair")
            try xml.element("key", key)
            try xml.element("styleUrl", "#\(category.slug)-\(key)")
            try xml.endElement()
        }
        try xml.endElement()
    }

    /// Whether `text` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the forms KML `when` accepts here.
    static func isSchemaDate(_ text: String) -> Bool {
        // ASCII digits and hyphens only, so the check works on the UTF-8 bytes.
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } })
        else { return false }
        func number(_ digits: Substring.UTF8View) -> Int {
            digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        if parts.count >= 2 {
            guard parts[1].count == 2, (1...12).contains(number(parts[1])) else { return false }
        }
        if parts.count == 3 {
            guard parts[2].count == 2, (1...31).contains(number(parts[2])) else { return false }
        }
        return true
    }
}
