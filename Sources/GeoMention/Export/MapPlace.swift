/// One dot on the SVG map: the located features of one place, merged.
struct MapPlace: Sendable {
    /// Label text: the resolved name (or the mention when unnamed).
    var name: String
    var lon: Double
    var lat: Double
    /// Sum of the features' mention counts.
    var mentions: Int
    /// The event category with the most mentions at this place (palette order breaks ties).
    var category: EventCategory
    /// Kind of place of the first feature, such as `city` or `country`.
    var kind: String

    /// Merges located `features` by GeoNames id, else by name and six-decimal position.
    ///
    /// Sorted by rank: most mentions first, then by name.
    static func merge(_ features: [MapFeature]) -> [MapPlace] {
        var tally = MapPlaceTally()
        for feature in features { tally.add(feature) }
        return tally.places
    }

    /// Symbol radius in pixels, growing with the square root of the mention count.
    var radius: Double {
        min(4 + 2.2 * (Double(max(mentions, 1)) - 1).squareRoot(), 16)
    }
}

/// The features of a layer merged into map places as they arrive, with the counts the SVG map
/// shows; memory grows with the number of places, not of features.
struct MapPlaceTally: Sendable {
    /// How located features are merged: by GeoNames id, else by name and six-decimal position.
    private enum Key: Hashable {
        case geonameid(Int)
        case position(name: String, lon: String, lat: String)
    }

    /// One place being tallied.
    private struct Entry {
        var name: String
        var lon: Double
        var lat: Double
        var kind: String
        var mentions = 0
        /// Mentions per event category, in ``EventCategory/allCases`` order.
        var byCategory = [Int](repeating: 0, count: EventCategory.allCases.count)
    }

    /// Places in first-seen order.
    private var entries: [Entry] = []
    private var index: [Key: Int] = [:]
    /// Number of features added, located or not.
    private(set) var featureCount = 0
    /// Number of features added that have coordinates.
    private(set) var locatedCount = 0
    /// The mentions of the located features, each counting at least one.
    private(set) var locatedMentions = 0
    /// The country codes of all features, located or not.
    private(set) var countryCodes: Set<String> = []

    /// Adds `feature`: to its place when it has coordinates, to the counts in any case.
    mutating func add(_ feature: MapFeature) {
        featureCount += 1
        if !feature.countryCode.isEmpty { countryCodes.insert(feature.countryCode) }
        guard let position = feature.coordinate else { return }
        locatedCount += 1
        let mentions = max(feature.mentions, 1)
        locatedMentions += mentions
        let key = feature.geonameid.map(Key.geonameid)
            ?? .position(name: feature.name, lon: NumberText.fixed(position.longitude) ?? "",
                         lat: NumberText.fixed(position.latitude) ?? "")
        let slot: Int
        if let existing = index[key] {
            slot = existing
        } else {
            slot = entries.count
            index[key] = slot
            entries.append(Entry(name: feature.name.isEmpty ? feature.mention : feature.name,
                                 lon: position.longitude, lat: position.latitude, kind: feature.kind))
        }
        entries[slot].mentions += mentions
        entries[slot].byCategory[Self.categoryIndex[EventCategory(eventType: feature.eventType)]!] += mentions
    }

    private static let categoryIndex = Dictionary(
        uniqueKeysWithValues: EventCategory.allCases.enumerated().map { ($1, $0) })

    /// Number of places.
    var placeCount: Int { entries.count }

    /// The places, ranked: most mentions first, then by name.
    var places: [MapPlace] {
        let places = entries.map { entry in
            // The category with the most mentions; earlier palette entries win ties.
            var best = 0
            for (position, count) in entry.byCategory.enumerated() where count > entry.byCategory[best] {
                best = position
            }
            return MapPlace(name: entry.name, lon: entry.lon, lat: entry.lat, mentions: entry.mentions,
                            category: EventCategory.allCases[best], kind: entry.kind)
        }
        return places.sorted { lhs, rhs in
            lhs.mentions != rhs.mentions ? lhs.mentions > rhs.mentions : lhs.name.localizedStandardOrder(rhs.name)
        }
    }
}
