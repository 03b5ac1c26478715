/// What the document as a whole says about where it is: the weight of each country and
/// first-level region among the places chosen so far, and the points of those places.
struct DocumentEvidence {
    private var countries: [UInt16: Double] = [:]
    private var admin1: [Int: Double] = [:]
    /// What all the mentions of one name contribute, so that a name is not its own evidence.
    private var ownCountry: [String: [UInt16: Double]] = [:]
    private var ownAdmin1: [String: [Int: Double]] = [:]
    private var keys: [String] = []
    private var points: [(key: String, latitude: Double, longitude: Double, weight: Double)] = []
    private var closeDistance = 400.0

    init() {}

    init(mentions: [Mention], facts: [[CandidateFacts]], choice: [(Int, Double)], weights: ResolverWeights) {
        closeDistance = weights.closeDistance
        keys = mentions.map(\.evidenceKey)
        for position in mentions.indices {
            let (chosen, confidence) = choice[position]
            guard chosen >= 0 else { continue }
            let key = mentions[position].evidenceKey
            let fact = facts[position][chosen]
            let weight = Self.weight(of: fact) * max(0.2, confidence)
            if fact.country != 0 {
                countries[fact.country, default: 0] += weight
                ownCountry[key, default: [:]][fact.country, default: 0] += weight
            }
            let admin1Weight = fact.kind == .admin1 ? weight : weight * 0.6
            if fact.admin1 >= 0 && fact.kind != .country {
                admin1[fact.admin1, default: 0] += admin1Weight
                ownAdmin1[key, default: [:]][fact.admin1, default: 0] += admin1Weight
            }
            if fact.kind == .city || fact.kind == .admin2 {
                points.append((mentions[position].evidenceKey, fact.latitude, fact.longitude, max(0.2, confidence)))
            }
        }
    }

    /// How much a chosen place says about the document's country: a named country most, a
    /// demonym less, a town less still.
    private static func weight(of fact: CandidateFacts) -> Double {
        switch (fact.kind, fact.form) {
        case (.country, .demonym): 0.5
        case (.country, _): 1.0
        case (.admin1, _): 1.0
        case (.admin2, _): 0.8
        case (.city, _): 0.7
        case (.region, _), (.physical, _): 0.3
        }
    }

    /// The weight of `country` among the places chosen for the other names of the document.
    func countryWeight(_ country: UInt16, excluding position: Int) -> Double {
        guard country != 0 else { return 0 }
        let own = position < keys.count ? ownCountry[keys[position]]?[country] ?? 0 : 0
        return max(0, (countries[country] ?? 0) - own)
    }

    /// The weight of all countries among the places chosen for the other names.
    func totalCountryWeight(excluding position: Int) -> Double {
        let own = position < keys.count ? (ownCountry[keys[position]]?.values.reduce(0, +) ?? 0) : 0
        return max(0, countries.values.reduce(0, +) - own)
    }

    /// The country with the most weight, or 0.
    var dominantCountry: UInt16 {
        countries.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
    }

    /// The weight of a first-level unit among the places chosen for the other names.
    func admin1Weight(_ admin1Place: Int, excluding position: Int) -> Double {
        let own = position < keys.count ? ownAdmin1[keys[position]]?[admin1Place] ?? 0 : 0
        return max(0, (admin1[admin1Place] ?? 0) - own)
    }

    /// 0 to 1: how close `point` is to the other places of the document (other names only).
    func closeness(to point: (latitude: Double, longitude: Double), excluding key: String) -> Double {
        var best = 0.0
        // A point further in latitude alone than the close distance cannot count: skip the
        // haversine for it (with a margin, so rounding never changes a result).
        let latitudeBand = closeDistance * 1.001 / (GreatCircle.earthRadius * .pi / 180)
        for other in points where abs(other.latitude - point.latitude) <= latitudeBand && other.key != key {
            let distance = GreatCircle.distance(point, (other.latitude, other.longitude))
            if distance < closeDistance {
                best = max(best, (1 - distance / closeDistance) * other.weight)
            }
        }
        return best
    }
}
