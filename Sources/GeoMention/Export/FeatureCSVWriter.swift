import Foundation

/// Writes features as CSV per RFC 4180, one row per feature.
///
/// Columns are `id`, `latitude`, `longitude` (six decimals, empty when unresolved), then every
/// field of ``MapFeature/fields`` by its ``ExportField/name``. Lines end in CRLF; fields with
/// commas, quotes or line breaks are quoted with doubled quotes.
public struct FeatureCSVWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The column names, in order.
    public var header: [String] { ["id", "latitude", "longitude"] + MapFeature.fields.map(\.name) }

    /// The CSV text for `features`, header first.
    public func text(for features: [MapFeature]) -> String {
        var out = header.map(TextEscaping.csvField).joined(separator: ",") + "\r\n"
        for feature in features {
            let position = feature.coordinate
            var row = [feature.id,
                       position.flatMap { NumberText.fixed($0.latitude) } ?? "",
                       position.flatMap { NumberText.fixed($0.longitude) } ?? ""]
            row += MapFeature.fields.map { $0.value(feature).plainText }
            out += row.map(TextEscaping.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Writes the CSV for `features` to `url` atomically.
    ///
    /// - Throws: ``ExportError`` naming the path when the file cannot be written.
    public func write(_ features: [MapFeature], to url: URL) throws {
        try AtomicFileWriter.write(Data(text(for: features).utf8), to: url)
    }
}
