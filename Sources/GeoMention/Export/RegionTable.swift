/// Mention counts grouped by country, then first-level region, then place.
///
/// Built from the same ``MapFeature`` values as the maps. Countries, regions and places are
/// sorted by mention count (descending), then by name. Features with neither a country nor
/// coordinates are unresolved: they are counted in ``unresolvedMentions`` and not listed.
/// Formats: ``text()``, ``json()``, ``csv()`` and ``markdown()``.
public struct RegionTable: Hashable, Sendable, Codable {
    /// One place and its total mentions.
    public struct Place: Hashable, Sendable, Codable {
        /// Resolved name (the mention when no name is known).
        public var name: String
        /// Kind of place.
        public var kind: String
        /// GeoNames id, when known.
        public var geonameid: Int?
        /// Latitude in degrees, when located.
        public var latitude: Double?
        /// Longitude in degrees, when located.
        public var longitude: Double?
        /// Total mentions of the place.
        public var mentions: Int
    }

    /// A first-level region (or the country-level places of a country).
    public struct Region: Hashable, Sendable, Codable {
        /// Region code, possibly empty.
        public var code: String
        /// Region name, or `(country level)` for places without a region.
        public var name: String
        /// Whether this entry holds the places that have no first-level region.
        public var isCountryLevel: Bool
        /// Total mentions in the region.
        public var mentions: Int
        /// Places, most mentioned first.
        public var places: [Place]
    }

    /// A country with its regions.
    public struct Country: Hashable, Sendable, Codable {
        /// ISO 3166-1 alpha-2 code, possibly empty.
        public var code: String
        /// ISO 3166-1 alpha-3 code, possibly empty.
        public var code3: String
        /// Country name, or `(no country)`.
        public var name: String
        /// Total mentions in the country.
        public var mentions: Int
        /// Regions, most mentioned first.
        public var regions: [Region]
    }

    /// Countries, most mentioned first.
    public var countries: [Country]
    /// Mentions of features that have neither a country nor coordinates.
    public var unresolvedMentions: Int

    /// Total mentions listed in the table.
    public var totalMentions: Int { countries.reduce(0) { $0 + $1.mentions } }

    /// Groups `features` into countries, regions and places.
    public init(features: [MapFeature]) {
        var tally = RegionTally()
        tally.add(contentsOf: features)
        self = tally.table
    }

    /// The table of the groups and places a ``RegionTally`` collected.
    init(grouping: RegionGrouping, places: [[[Place]]], unresolvedMentions: Int) {
        self.unresolvedMentions = unresolvedMentions
        countries = zip(grouping.countries, places).map { group, placesByRegion in
            let regions = zip(group.regions, placesByRegion).map { region, places in
                Region(code: region.code, name: region.name, isCountryLevel: region.isCountryLevel,
                       mentions: places.reduce(0) { $0 + $1.mentions },
                       places: Self.ranked(places, count: \.mentions, name: \.name))
            }
            return Country(code: group.code, code3: group.code3, name: group.name,
                           mentions: regions.reduce(0) { $0 + $1.mentions },
                           regions: Self.ranked(regions, count: \.mentions, name: \.name))
        }
        countries = Self.ranked(countries, count: \.mentions, name: \.name)
    }

    /// `items` sorted by count (descending), then name.
    private static func ranked<T>(_ items: [T], count: KeyPath<T, Int>, name: KeyPath<T, String>) -> [T] {
        items.sorted { lhs, rhs in
            lhs[keyPath: count] != rhs[keyPath: count]
                ? lhs[keyPath: count] > rhs[keyPath: count]
                : lhs[keyPath: name].localizedStandardOrder(rhs[keyPath: name])
        }
    }
}
