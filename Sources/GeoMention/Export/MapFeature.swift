/// One located (or unlocated) place mention, flattened for export.
///
/// `MapFeature` is the record every exporter formats: GeoJSON, KML, CSV, the SVG map and the
/// regions table all read the same values and decide nothing about places themselves. Text
/// fields use the empty string for "unknown"; numeric fields that can be unknown are optional.
///
/// Offsets (`start`, `end`, `highlight`) count Unicode scalars, like the rest of the pipeline.
///
/// ```swift
/// let feature = MapFeature(id: "doc-1#12", latitude: 36.2, longitude: 37.16,
///                          name: "Aleppo", mention: "Aleppo", kind: "city")
/// ```
public struct MapFeature: Hashable, Sendable, Codable {
    /// Stable identifier, such as `"<doc_id>#<place id>"` or `"<doc_id>#<start>"`.
    public var id: String
    /// WGS 84 latitude in degrees; `nil` when the mention could not be located.
    public var latitude: Double?
    /// WGS 84 longitude in degrees; `nil` when the mention could not be located.
    public var longitude: Double?
    /// Resolved place name.
    public var name: String
    /// The name as written in the text.
    public var mention: String
    /// Kind of place: `country`, `admin1`, `admin2`, `city`, `region` or `physical`.
    public var kind: String
    /// ISO 3166-1 alpha-2 country code.
    public var countryCode: String
    /// ISO 3166-1 alpha-3 country code.
    public var countryCode3: String
    /// Country name.
    public var country: String
    /// First-level administrative region code (ISO 3166-2 where one exists).
    public var admin1Code: String
    /// First-level administrative region name.
    public var admin1: String
    /// GeoNames identifier of the resolved place, when known.
    public var geonameid: Int?
    /// How many times the place is mentioned (at least 1).
    public var mentions: Int
    /// The sentence the mention occurs in.
    public var context: String
    /// Unicode scalar offsets of the mention within ``context``, for highlighting.
    public var highlight: Range<Int>?
    /// Event type: battles, explosions/remote violence, violence against civilians, protests,
    /// riots, strategic developments, diplomacy or other.
    public var eventType: String
    /// The word or phrase that signalled the event.
    public var trigger: String
    /// Role of the place in the text: `dateline`, `event` or `mention`.
    public var role: String
    /// Event date as `YYYY-MM-DD`, when known.
    public var eventDate: String?
    /// ACLED-style time precision: 1 day, 2 week, 3 month.
    public var timePrecision: Int?
    /// ACLED-style geographic precision: 1 town, 2 near or part of a region, 3 region, 4 country;
    /// `nil` when the mention could not be located.
    public var geoPrecision: Int?
    /// Confidence of the resolution, from 0 to 1.
    public var confidence: Double
    /// Why this location was chosen.
    public var reason: String
    /// Identifier of the source document.
    public var docId: String
    /// Title of the source document.
    public var docTitle: String
    /// URL of the source document.
    public var url: String
    /// Date of the source document as `YYYY-MM-DD`, when known.
    public var docDate: String?
    /// Unicode scalar offset where the mention starts in its document.
    public var start: Int
    /// Unicode scalar offset just past the mention in its document.
    public var end: Int

    /// Creates a feature; every field but the identifier has a neutral default.
    public init(
        id: String,
        latitude: Double? = nil,
        longitude: Double? = nil,
        name: String = "",
        mention: String = "",
        kind: String = "",
        countryCode: String = "",
        countryCode3: String = "",
        country: String = "",
        admin1Code: String = "",
        admin1: String = "",
        geonameid: Int? = nil,
        mentions: Int = 1,
        context: String = "",
        highlight: Range<Int>? = nil,
        eventType: String = "",
        trigger: String = "",
        role: String = "",
        eventDate: String? = nil,
        timePrecision: Int? = nil,
        geoPrecision: Int? = nil,
        confidence: Double = 0,
        reason: String = "",
        docId: String = "",
        docTitle: String = "",
        url: String = "",
        docDate: String? = nil,
        start: Int = 0,
        end: Int = 0
    ) {
        self.id = id
        self.latitude = latitude
        self.longitude = longitude
        self.name = name
        self.mention = mention
        self.kind = kind
        self.countryCode = countryCode
        self.countryCode3 = countryCode3
        self.country = country
        self.admin1Code = admin1Code
        self.admin1 = admin1
        self.geonameid = geonameid
        self.mentions = mentions
        self.context = context
        self.highlight = highlight
        self.eventType = eventType
        self.trigger = trigger
        self.role = role
        self.eventDate = eventDate
        self.timePrecision = timePrecision
        self.geoPrecision = geoPrecision
        self.confidence = confidence
        self.reason = reason
        self.docId = docId
        self.docTitle = docTitle
        self.url = url
        self.docDate = docDate
        self.start = start
        self.end = end
    }

    /// The position as `(longitude, latitude)` when both are present and finite.
    public var coordinate: (longitude: Double, latitude: Double)? {
        guard let latitude, let longitude, latitude.isFinite, longitude.isFinite else { return nil }
        return (longitude, latitude)
    }
}
