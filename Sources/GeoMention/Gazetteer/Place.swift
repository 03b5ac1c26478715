/// One gazetteer entry, copied out of the memory-mapped index.
public struct Place: Hashable, Sendable {
    /// Position of the entry in the index; stable for one index file only.
    public let index: Int
    /// Stable identifier: `gn:<geonameid>`, `iso:<code>`, `fips:<code>`, `ne:<slug>` or `cur:<slug>`.
    public let id: String
    /// GeoNames id, when the place has one.
    public let geonameid: Int?
    public let kind: PlaceKind
    /// English display name.
    public let name: String
    /// ISO 3166-1 alpha-2 code of its country ("" when none).
    public let countryCode: String
    /// Code of its first-level region: ISO 3166-2 where one exists ("UA-46"), else "CC.GN".
    public let admin1Code: String
    /// Name of its second-level unit, when known.
    public let admin2Name: String
    public let latitude: Double
    public let longitude: Double
    public let population: Int
    /// GeoNames feature code or the curated equivalent ("PPLC", "ADM1", "SEA").
    public let featureCode: String
    /// Rough radius of the area in kilometres (0 for point-like places).
    public let radiusKm: Int
    /// Every country the place spans, for regions, seas and rivers.
    public let countries: [String]
    /// How many names the gazetteer knows for it.
    public let nameCount: Int

    /// A capital of a country.
    public var isCapital: Bool { featureCode == "PPLC" }

    /// The seat of a first- or second-level administrative unit.
    public var isAdminSeat: Bool { featureCode == "PPLA" || featureCode == "PPLA2" }
}
