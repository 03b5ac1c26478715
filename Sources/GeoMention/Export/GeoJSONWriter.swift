import Foundation

/// Writes features as an RFC 7946 GeoJSON `FeatureCollection`.
///
/// Each feature has `type`, its stable `id`, a `Point` geometry `[longitude, latitude]` with
/// exactly six decimals (or `null` when unresolved or not finite) and flat properties named by
/// ``MapFeature/fields``. The collection carries `name`, which GDAL uses as the layer name.
/// No `crs` member is written. Key order is fixed, so equal input gives equal bytes.
///
/// ```swift
/// let data = GeoJSONWriter(layerName: "events").data(for: features)
/// ```
public struct GeoJSONWriter: Sendable {
    /// Name of the collection, shown as the layer name in GIS software.
    public var layerName: String

    /// Creates a writer for a layer called `layerName`.
    public init(layerName: String) {
        self.layerName = layerName
    }

    /// The GeoJSON text for `features`, one feature per line.
    public func text(for features: [MapFeature]) -> String {
        var out = "{\"type\":\"FeatureCollection\",\"name\":\(TextEscaping.jsonString(layerName)),\"features\":["
        for (index, feature) in features.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += featureText(feature)
        }
        out += features.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }

    /// The GeoJSON document for `features` as UTF-8 bytes.
    public func data(for features: [MapFeature]) -> Data {
        Data(text(for: features).utf8)
    }

    /// Writes the GeoJSON document for `features` to `url` atomically.
    ///
    /// - Throws: ``ExportError`` naming the path when the file cannot be written.
    public func write(_ features: [MapFeature], to url: URL) throws {
        try AtomicFileWriter.write(data(for: features), to: url)
    }

    /// One `Feature` object.
    func featureText(_ feature: MapFeature) -> String {
        var out = "{\"type\":\"Feature\",\"id\":\(TextEscaping.jsonString(feature.id)),\"geometry\":"
        out += geometryText(feature)
        out += ",\"properties\":{"
        for (index, field) in MapFeature.fields.enumerated() {
            if index > 0 { out += "," }
            out += TextEscaping.jsonString(field.name) + ":" + Self.jsonValue(field.value(feature))
        }
        out += "}}"
        return out
    }

    private func geometryText(_ feature: MapFeature) -> String {
        guard let position = feature.coordinate,
              let lon = NumberText.fixed(position.longitude),
              let lat = NumberText.fixed(position.latitude)
        else { return "null" }
        return "{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}"
    }

    /// A property value as JSON; non-finite reals become `null`.
    static func jsonValue(_ value: ExportValue) -> String {
        switch value {
        case .text(let text): return TextEscaping.jsonString(text)
        case .integer(let number): return String(number)
        case .real(let number): return NumberText.compact(number) ?? "null"
        case .null: return "null"
        }
    }
}
