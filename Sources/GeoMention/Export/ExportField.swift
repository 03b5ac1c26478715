/// A scalar value of one exported field.
public enum ExportValue: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A real number; non-finite values are written as null.
    case real(Double)
    /// No value.
    case null

    /// The value as plain text (empty for null), for text formats such as CSV and KML.
    public var plainText: String {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .real(let value): return NumberText.compact(value) ?? ""
        case .null: return ""
        }
    }
}

/// The data type of an exported field.
public enum ExportFieldType: String, Hashable, Sendable {
    /// Text.
    case text
    /// Whole number.
    case integer
    /// Real number.
    case real
}

/// One column of the shared, ordered list of exported fields.
///
/// ``MapFeature/fields`` is the single source of the property names written to GeoJSON
/// properties, KML `ExtendedData` and CSV columns; no exporter lists fields on its own.
public struct ExportField: Sendable {
    /// Field name in GeoJSON and CSV.
    public let name: String
    /// Field name in KML `ExtendedData`; differs from ``name`` where GDAL reserves the name.
    public let kmlName: String
    /// Data type of the field.
    public let type: ExportFieldType
    /// Reads the field from a feature.
    public let value: @Sendable (MapFeature) -> ExportValue

    /// Creates a field definition.
    public init(
        _ name: String,
        kmlName: String? = nil,
        type: ExportFieldType,
        value: @escaping @Sendable (MapFeature) -> ExportValue
    ) {
        self.name = name
        self.kmlName = kmlName ?? name
        self.type = type
        self.value = value
    }
}

extension MapFeature {
    /// The exported fields, in output order.
    ///
    /// Names GDAL's KML drivers reserve (`name`, `end`, ...) get a different ``ExportField/kmlName``.
    public static let fields: [ExportField] = [
        ExportField("name", kmlName: "place_name", type: .text) { .text($0.name) },
        ExportField("mention", type: .text) { .text($0.mention) },
        ExportField("kind", type: .text) { .text($0.kind) },
        ExportField("country_code", type: .text) { .text($0.countryCode) },
        ExportField("country_code3", type: .text) { .text($0.countryCode3) },
        ExportField("country", type: .text) { .text($0.country) },
        ExportField("admin1_code", type: .text) { .text($0.admin1Code) },
        ExportField("admin1", type: .text) { .text($0.admin1) },
        ExportField("geonameid", type: .integer) { $0.geonameid.map(ExportValue.integer) ?? .null },
        ExportField("mentions", type: .integer) { .integer($0.mentions) },
        ExportField("context", type: .text) { .text($0.context) },
        ExportField("event_type", type: .text) { .text($0.eventType) },
        ExportField("trigger", type: .text) { .text($0.trigger) },
        ExportField("role", type: .text) { .text($0.role) },
        ExportField("event_date", type: .text) { $0.eventDate.map(ExportValue.text) ?? .null },
        ExportField("time_precision", type: .integer) {
            $0.timePrecision.map(ExportValue.integer) ?? .null
        },
        ExportField("geo_precision", type: .integer) { $0.geoPrecision.map(ExportValue.integer) ?? .null },
        ExportField("confidence", type: .real) { .real($0.confidence) },
        ExportField("reason", type: .text) { .text($0.reason) },
        ExportField("doc_id", type: .text) { .text($0.docId) },
        ExportField("doc_title", type: .text) { .text($0.docTitle) },
        ExportField("url", type: .text) { .text($0.url) },
        ExportField("doc_date", type: .text) { $0.docDate.map(ExportValue.text) ?? .null },
        ExportField("start", type: .integer) { .integer($0.start) },
        ExportField("end", kmlName: "end_offset", type: .integer) { .integer($0.end) },
    ]

    /// KML element and attribute names GDAL's KML and LIBKML drivers use for built-in fields.
    public static let gdalReservedKMLNames: Set<String> = [
        "name", "description", "timestamp", "begin", "end", "altitudeMode", "tessellate",
        "extrude", "visibility", "icon", "drawOrder", "snippet",
    ]
}
