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
        var order: [String] = []
        var groups: [String: [MapFeature]] = [:]
        for feature in features {
            guard let position = feature.coordinate else { continue }
            let key = feature.geonameid.map { "id:\($0)" }
                ?? "at:\(feature.name)|\(NumberText.fixed(position.longitude) ?? "")|\(NumberText.fixed(position.latitude) ?? "")"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(feature)
        }
        let places = order.compactMap { key -> MapPlace? in
            guard let members = groups[key], let first = members.first, let position = first.coordinate else {
                return nil
            }
            var byCategory: [EventCategory: Int] = [:]
            for member in members {
                byCategory[EventCategory(eventType: member.eventType), default: 0] += max(member.mentions, 1)
            }
            let category = EventCategory.allCases.max { lhs, rhs in
                let l = byCategory[lhs] ?? 0, r = byCategory[rhs] ?? 0
                if l != r { return l < r }
                // Earlier palette entries win ties: treat them as larger.
                return EventCategory.allCases.firstIndex(of: lhs)! > EventCategory.allCases.firstIndex(of: rhs)!
            } ?? .other
            return MapPlace(name: first.name.isEmpty ? first.mention : first.name,
                            lon: position.longitude, lat: position.latitude,
                            mentions: members.reduce(0) { $0 + max($1.mentions, 1) },
                            category: category, kind: first.kind)
        }
        return places.sorted { lhs, rhs in
            lhs.mentions != rhs.mentions ? lhs.mentions > rhs.mentions : lhs.name.localizedStandardOrder(rhs.name)
        }
    }

    /// Symbol radius in pixels, growing with the square root of the mention count.
    var radius: Double {
        min(4 + 2.2 * (Double(max(mentions, 1)) - 1).squareRoot(), 16)
    }
}
