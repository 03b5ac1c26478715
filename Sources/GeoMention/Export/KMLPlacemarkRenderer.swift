import Foundation

/// Renders KML placemarks one at a time, each as the exact bytes it has in the document.
///
/// The libxml2 writer indents by nesting depth, so the renderer keeps a writer open at the
/// depth of a placemark: inside `kml`, `Document`, a country `Folder` and a region `Folder`
/// whose `name` is written. Those opening bytes are thrown away; every placemark written
/// afterwards leaves the writer in the state the region folder's `name` left it, which is the
/// state the document writer is in when the placemark's bytes are copied in.
final class KMLPlacemarkRenderer {
    private let xml: XMLDocumentWriter

    /// Creates a renderer.
    ///
    /// - Throws: ``ExportError/xmlWriterFailed(operation:)`` when libxml2 reports an error.
    init() throws {
        xml = try XMLDocumentWriter()
        try xml.startDocument()
        try xml.startElement("kml", namespace: KMLWriter.namespace)
        try xml.startElement("Document")
        try xml.startElement("Folder")
        try xml.element("name", "country")
        try xml.startElement("Folder")
        try xml.element("name", "region")
        try xml.takeOutput(into: MemorySink())
    }

    /// The placemark of `feature`, or `nil` for a feature without (finite) coordinates.
    ///
    /// - Throws: ``ExportError/xmlWriterFailed(operation:)``.
    func placemark(for feature: MapFeature) throws -> Data? {
        let sink = MemorySink()
        return try render(feature, into: sink) ? sink.data : nil
    }

    /// Writes the placemark of `feature` to `sink`; a feature without (finite) coordinates has
    /// none.
    ///
    /// - Returns: Whether a placemark was written.
    /// - Throws: ``ExportError/xmlWriterFailed(operation:)`` or the sink's error.
    @discardableResult
    func render(_ feature: MapFeature, into sink: any ExportSink) throws -> Bool {
        guard let position = feature.coordinate,
              let lon = NumberText.fixed(position.longitude),
              let lat = NumberText.fixed(position.latitude)
        else { return false }
        try xml.startElement("Placemark")
        try xml.element("name", feature.name.isEmpty ? feature.mention : feature.name)
        try xml.startElement("description")
        try xml.cdata(utf8: KMLDescription.utf8HTML(for: feature))
        try xml.endElement()
        if let date = feature.eventDate, KMLWriter.isSchemaDate(date) {
            try xml.startElement("TimeStamp")
            try xml.element("when", date)
            try xml.endElement()
        }
        try xml.element("styleUrl", "#" + EventCategory(eventType: feature.eventType).slug)
        try xml.startElement("ExtendedData")
        for field in MapFeature.fields {
            try xml.startElement("Data")
            try xml.attribute("name", field.kmlName)
            try xml.element("value", field.value(feature).plainText)
            try xml.endElement()
        }
        try xml.endElement()
        try xml.startElement("Point")
        try xml.element("coordinates", "\(lon),\(lat)")
        try xml.endElement()
        try xml.endElement()
        try xml.takeOutput(into: sink)
        return true
    }
}
