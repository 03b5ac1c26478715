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
        let isListed = { (feature: MapFeature) in
            feature.coordinate != nil || !feature.countryCode.isEmpty || !feature.country.isEmpty
        }
        let listed = features.filter(isListed)
        unresolvedMentions = features.reduce(0) { isListed($1) ? $0 : $0 + max($1.mentions, 1) }
        countries = KMLWriter.groupInInputOrder(listed).map { group in
            let regions = group.regions.map { region in
                let places = Self.places(in: region.features)
                return Region(code: region.code, name: region.name, isCountryLevel: region.isCountryLevel,
                              mentions: places.reduce(0) { $0 + $1.mentions }, places: places)
            }
            return Country(code: group.code, code3: group.code3, name: group.name,
                           mentions: regions.reduce(0) { $0 + $1.mentions },
                           regions: Self.ranked(regions, count: \.mentions, name: \.name))
        }
        countries = Self.ranked(countries, count: \.mentions, name: \.name)
    }

    /// Merges the features of one region into places by GeoNames id, else by name and kind.
    private static func places(in features: [MapFeature]) -> [Place] {
        var order: [String] = []
        var byKey: [String: Place] = [:]
        for feature in features {
            let name = feature.name.isEmpty ? feature.mention : feature.name
            let key = feature.geonameid.map { "id:\($0)" } ?? "name:\(name)|\(feature.kind)"
            if var place = byKey[key] {
                place.mentions += max(feature.mentions, 1)
                byKey[key] = place
            } else {
                order.append(key)
                let position = feature.coordinate
                byKey[key] = Place(name: name, kind: feature.kind, geonameid: feature.geonameid,
                                   latitude: position?.latitude, longitude: position?.longitude,
                                   mentions: max(feature.mentions, 1))
            }
        }
        return ranked(order.compactMap { byKey[$0] }, count: \.mentions, name: \.name)
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
