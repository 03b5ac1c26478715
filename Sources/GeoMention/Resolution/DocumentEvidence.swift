/// What the document as a whole says about where it is: the weight of each country and
/// first-level region among the places chosen so far, and the points of those places.
struct DocumentEvidence {
    private var countries: [UInt16: Double] = [:]
    private var admin1: [Int: Double] = [:]
    /// Each mention's own contribution, so that a mention is not its own evidence.
    private var ownCountry: [(UInt16, Double)] = []
    private var ownAdmin1: [(Int, Double)] = []
    private var points: [(key: String, latitude: Double, longitude: Double, weight: Double)] = []
    private var closeDistance = 400.0

    init() {}

    init(mentions: [Mention], facts: [[CandidateFacts]], choice: [(Int, Double)], weights: ResolverWeights) {
        closeDistance = weights.closeDistance
        for position in mentions.indices {
            let (chosen, confidence) = choice[position]
            guard chosen >= 0 else {
                ownCountry.append((0, 0))
                ownAdmin1.append((-1, 0))
                continue
            }
            let fact = facts[position][chosen]
            let weight = Self.weight(of: fact) * max(0.2, confidence)
            if fact.country != 0 { countries[fact.country, default: 0] += weight }
            ownCountry.append((fact.country, weight))
            let admin1Weight = fact.kind == .admin1 ? weight : weight * 0.6
            if fact.admin1 >= 0 { admin1[fact.admin1, default: 0] += admin1Weight }
            ownAdmin1.append((fact.admin1, admin1Weight))
            if fact.kind == .city || fact.kind == .admin2 {
                points.append((mentions[position].key, fact.latitude, fact.longitude, max(0.2, confidence)))
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

    func countryWeight(_ country: UInt16, excluding position: Int) -> Double {
        guard country != 0 else { return 0 }
        var total = countries[country] ?? 0
        if position < ownCountry.count && ownCountry[position].0 == country { total -= ownCountry[position].1 }
        return max(0, total)
    }

    func admin1Weight(_ admin1Place: Int, excluding position: Int) -> Double {
        var total = admin1[admin1Place] ?? 0
        if position < ownAdmin1.count && ownAdmin1[position].0 == admin1Place { total -= ownAdmin1[position].1 }
        return max(0, total)
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
