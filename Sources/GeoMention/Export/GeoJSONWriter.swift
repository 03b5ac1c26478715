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

        /// Appends features already formatted by ``GeoJSONWriter/featuresUTF8(_:)`` (on
        /// another thread, say): `count` features in the UTF-8 `bytes`.
        func add(formatted bytes: [UInt8], count: Int) throws {
            guard count > 0 else { return }
            try sink.write(GeoJSONWriter.separator(before: featureCount))
            try bytes.withUnsafeBytes { try sink.write($0) }
            featureCount += count
        }

        /// Closes the collection.
        ///
        /// - Throws: The sink's error.
        public func finish() throws {
            try sink.write(GeoJSONWriter.footer(featureCount: featureCount))
        }
    }

    /// The UTF-8 bytes of the `Feature` objects of `features`, one per line, without the line
    /// break before the first: a run of the collection that ``Stream/add(formatted:count:)``
    /// takes whole.
    static func featuresUTF8(_ features: [MapFeature]) -> [UInt8] {
        var out = [UInt8]()
        for (index, feature) in features.enumerated() {
            if index > 0 { out.append(contentsOf: separator(before: index).utf8) }
            appendFeature(feature, to: &out)
        }
        return out
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
        var out = [UInt8]()
        appendFeature(feature, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of ``featureText(_:)``.
    static func appendFeature(_ feature: MapFeature, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"type":"Feature","id":"#.utf8)
        TextEscaping.appendJSONString(feature.id, to: &out)
        out.append(contentsOf: #","geometry":"#.utf8)
        appendGeometry(feature, to: &out)
        out.append(contentsOf: #","properties":{"#.utf8)
        for (index, field) in MapFeature.fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Self.propertyKeys[index])
            Self.appendJSONValue(field.value(feature), to: &out)
        }
        out.append(contentsOf: "}}".utf8)
    }

    /// The UTF-8 bytes of the quoted property names of ``MapFeature/fields`` with their
    /// colons, escaped once.
    private static let propertyKeys = MapFeature.fields.map { Array((TextEscaping.jsonString($0.name) + ":").utf8) }

    private static func appendGeometry(_ feature: MapFeature, to out: inout [UInt8]) {
        guard let position = feature.coordinate,
              let lon = NumberText.fixed(position.longitude),
              let lat = NumberText.fixed(position.latitude)
        else { return out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: #"{"type":"Point","coordinates":["#.utf8)
        out.append(contentsOf: lon.utf8)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: lat.utf8)
        out.append(contentsOf: "]}".utf8)
    }

    /// Appends a property value as JSON; non-finite reals become `null`.
    static func appendJSONValue(_ value: ExportValue, to out: inout [UInt8]) {
        switch value {
        case .text(let text): TextEscaping.appendJSONString(text, to: &out)
        case .integer(let number): NumberText.appendInteger(number, to: &out)
        case .real(let number): if !NumberText.appendCompact(number, to: &out) { out.append(contentsOf: "null".utf8) }
        case .null: out.append(contentsOf: "null".utf8)
        }
    }
}
