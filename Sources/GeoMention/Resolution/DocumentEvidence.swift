/// What the document as a whole says about where it is: the weight of each country and
/// first-level region among the places chosen so far, and the points of those places.
///
/// A name is never its own evidence: every figure asked for a mention leaves out what all the
/// mentions of the same name contribute.
struct DocumentEvidence {
    private var countries: [UInt16: Double] = [:]
    private var admin1: [Int: Double] = [:]
    private var totalCountry = 0.0
    /// Per name (by position in ``names``): what its mentions contribute.
    private var ownCountry: [[UInt16: Double]] = []
    private var ownAdmin1: [[Int: Double]] = []
    private var ownTotal: [Double] = []
    /// Per mention, the position of its name.
    private var nameOfMention: [Int] = []
    private var points: [(name: Int, latitude: Double, longitude: Double, weight: Double)] = []
    private var closeDistance = 400.0

    private struct PointKey: Hashable {
        let name: Int
        let place: Int
    }

    init() {}

    init(mentions: [Mention], facts: [[CandidateFacts]], choice: [(Int, Double)], weights: ResolverWeights) {
        closeDistance = weights.closeDistance
        var names: [String: Int] = [:]
        nameOfMention = mentions.map { mention in
            if let known = names[mention.evidenceKey] { return known }
            names[mention.evidenceKey] = names.count
            return names.count - 1
        }
        ownCountry = Array(repeating: [:], count: names.count)
        ownAdmin1 = Array(repeating: [:], count: names.count)
        ownTotal = Array(repeating: 0, count: names.count)
        var pointOf: [PointKey: Int] = [:]
        for position in mentions.indices {
            let (chosen, confidence) = choice[position]
            guard chosen >= 0 else { continue }
            let name = nameOfMention[position]
            let fact = facts[position][chosen]
            let weight = Self.weight(of: fact) * max(0.2, confidence)
            if fact.country != 0 {
                countries[fact.country, default: 0] += weight
                ownCountry[name][fact.country, default: 0] += weight
                totalCountry += weight
                ownTotal[name] += weight
            }
            let admin1Weight = fact.kind == .admin1 ? weight : weight * 0.6
            if fact.admin1 >= 0 && fact.kind != .country {
                admin1[fact.admin1, default: 0] += admin1Weight
                ownAdmin1[name][fact.admin1, default: 0] += admin1Weight
            }
            if fact.kind == .city || fact.kind == .admin2 {
                // One point per name and place, with its best weight: repeating a name adds none.
                let weight = max(0.2, confidence)
                if let known = pointOf[PointKey(name: name, place: fact.place)] {
                    points[known].weight = max(points[known].weight, weight)
                } else {
                    pointOf[PointKey(name: name, place: fact.place)] = points.count
                    points.append((name, fact.latitude, fact.longitude, weight))
                }
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
        guard country != 0, let total = countries[country] else { return 0 }
        let own = position < nameOfMention.count ? ownCountry[nameOfMention[position]][country] ?? 0 : 0
        return max(0, total - own)
    }

    /// The weight of all countries among the places chosen for the other names.
    func totalCountryWeight(excluding position: Int) -> Double {
        let own = position < nameOfMention.count ? ownTotal[nameOfMention[position]] : 0
        return max(0, totalCountry - own)
    }

    /// The country with the most weight, or 0.
    var dominantCountry: UInt16 {
        countries.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
    }

    /// The weight of a first-level unit among the places chosen for the other names.
    func admin1Weight(_ admin1Place: Int, excluding position: Int) -> Double {
        guard let total = admin1[admin1Place] else { return 0 }
        let own = position < nameOfMention.count ? ownAdmin1[nameOfMention[position]][admin1Place] ?? 0 : 0
        return max(0, total - own)
    }

    /// 0 to 1: how close `point` is to the places chosen for the other names of the document.
    func closeness(to point: (latitude: Double, longitude: Double), excluding position: Int) -> Double {
        let name = position < nameOfMention.count ? nameOfMention[position] : -1
        var best = 0.0
        // A point further in latitude alone than the close distance cannot count: skip the
        // haversine for it (with a margin, so rounding never changes a result).
        let latitudeBand = closeDistance * 1.001 / (GreatCircle.earthRadius * .pi / 180)
        for other in points where abs(other.latitude - point.latitude) <= latitudeBand && other.name != name {
            let distance = GreatCircle.distance(point, (other.latitude, other.longitude))
            if distance < closeDistance {
                best = max(best, (1 - distance / closeDistance) * other.weight)
            }
        }
        return best
    }
}
