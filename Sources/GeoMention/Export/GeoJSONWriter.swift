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
        var out = header
        for (index, feature) in features.enumerated() {
            out += Self.separator(before: index)
            out += Self.featureText(feature)
        }
        out += Self.footer(featureCount: features.count)
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

    /// Writes a collection to a sink feature by feature, so it is never held in memory whole.
    ///
    /// The bytes are those of ``GeoJSONWriter/data(for:)`` for the features added.
    ///
    /// ```swift
    /// let stream = try GeoJSONWriter.Stream(writer: GeoJSONWriter(layerName: "events"), sink: file)
    /// for feature in features { try stream.add(feature) }
    /// try stream.finish()
    /// ```
    public final class Stream {
        /// The writer whose collection this is.
        public let writer: GeoJSONWriter
        /// Number of features added.
        public private(set) var featureCount = 0
        private let sink: any ExportSink

        /// Starts a collection in `sink`.
        ///
        /// - Throws: The sink's error.
        public init(writer: GeoJSONWriter, sink: any ExportSink) throws {
            self.writer = writer
            self.sink = sink
            try sink.write(writer.header)
        }

        /// Appends `feature` to the collection.
        ///
        /// - Throws: The sink's error.
        public func add(_ feature: MapFeature) throws {
            try sink.write(GeoJSONWriter.separator(before: featureCount) + GeoJSONWriter.featureText(feature))
            featureCount += 1
        }

        /// Appends features already formatted by ``GeoJSONWriter/featuresText(_:)`` (on
        /// another thread, say): `count` features in `text`.
        func add(formatted text: String, count: Int) throws {
            guard count > 0 else { return }
            try sink.write(GeoJSONWriter.separator(before: featureCount) + text)
            featureCount += count
        }

        /// Closes the collection.
        ///
        /// - Throws: The sink's error.
        public func finish() throws {
            try sink.write(GeoJSONWriter.footer(featureCount: featureCount))
        }
    }

    /// The `Feature` objects of `features`, one per line, without the line break before the
    /// first: a run of the collection that ``Stream/add(formatted:count:)`` takes whole.
    static func featuresText(_ features: [MapFeature]) -> String {
        features.map(featureText).joined(separator: Self.separator(before: 1))
    }

    /// The text before the first feature.
    var header: String {
        "{\"type\":\"FeatureCollection\",\"name\":\(TextEscaping.jsonString(layerName)),\"features\":["
    }

    /// The text before the feature at `index`: each feature starts a line.
    static func separator(before index: Int) -> String {
        index == 0 ? "\n" : ",\n"
    }

    /// The text after the last of `featureCount` features.
    static func footer(featureCount: Int) -> String {
        featureCount == 0 ? "]}\n" : "\n]}\n"
    }

    /// One `Feature` object.
    static func featureText(_ feature: MapFeature) -> String {
        var out = "{\"type\":\"Feature\",\"id\":\(TextEscaping.jsonString(feature.id)),\"geometry\":"
        out += geometryText(feature)
        out += ",\"properties\":{"
        for (index, field) in MapFeature.fields.enumerated() {
            if index > 0 { out += "," }
            out += Self.propertyKeys[index]
            out += Self.jsonValue(field.value(feature))
        }
        out += "}}"
        return out
    }

    /// The quoted property names of ``MapFeature/fields`` with their colons, escaped once.
    private static let propertyKeys = MapFeature.fields.map { TextEscaping.jsonString($0.name) + ":" }

    private static func geometryText(_ feature: MapFeature) -> String {
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
