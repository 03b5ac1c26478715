import Foundation

/// What the document as a whole says about where it is: the weight of each country and
/// first-level region among the places chosen so far, and the points of those places.
///
/// A name is never its own evidence: every figure asked for a mention leaves out what all the
/// mentions of the same name contribute.
struct DocumentEvidence {
    /// Weights by country key and by first-level unit place in all, and by country key and unit
    /// place per name, keyed by ``Sum/key(name:_:)``: one table for the document rather than one
    /// per kind of sum.
    private var sums = IntKeyedTable<Double>()
    private var totalCountry = 0.0
    /// The country with the most weight, or 0.
    ///
    /// Kept as the sums grow: weights are positive, so a country's total only rises, and after
    /// each rise the heaviest is either the one before or the country just added to. Of equal
    /// weights the least key wins, the same whatever order the places come in.
    private(set) var dominantCountry: UInt16 = 0
    private var dominantWeight = 0.0
    /// Per name (by ``EvidenceNames`` number): what its mentions contribute to all countries.
    private var ownTotal: [Double] = []
    /// Per mention, the number of its name.
    private var nameOfMention: [Int] = []
    /// By latitude, so that only the latitude band around a point is scanned.
    private var points: [ChosenPoint] = []
    private var closeDistance = 400.0
    /// Degrees of latitude beyond which a point cannot be close (with a margin, so rounding
    /// never changes a result).
    private var latitudeBand = 400.0 * 1.001 / (GreatCircle.earthRadius * .pi / 180)
    /// The index in ``points`` of each name's point at a place, by ``pointKey(name:place:)``.
    private var pointOf = IntKeyedTable<Int>()

    /// The point of a city or second-level unit chosen for a name, with its best weight.
    private struct ChosenPoint {
        let name: Int
        let location: GreatCircle.Point
        /// How far in longitude a point of the latitude band around it may be and still be close
        /// (``GreatCircle/longitudeReach(haversine:cosLatitudeFloor:_:)``).
        let longitudeReach: Double
        var weight: Double
    }

    /// What a weight in ``sums`` is summed over.
    private enum Sum: Int {
        case admin1, nameCountry, nameAdmin1, country

        /// Its key: the sum's kind (top bits), the name's number for a name's own share (0 for
        /// the document's total; below 2^28) and the country key or unit place (below 2^32).
        @inline(__always)
        func key(name: Int = 0, _ value: Int) -> Int { rawValue << 60 | name << 32 | value }
    }

    init() {}

    /// Replaces what the evidence holds with what the places `choice` gives the mentions of
    /// `candidates` say, keeping the storage of the tables: the resolver gathers again every round.
    mutating func gather(names: EvidenceNames, candidates: DocumentCandidates, choice: [(Int, Double)],
                         weights: ResolverWeights) {
        closeDistance = weights.closeDistance
        // Comfortably above the haversine of the close distance, so rounding never matters.
        let farHaversine = GreatCircle.haversine(ofDistance: closeDistance) * 1.01
        latitudeBand = closeDistance * 1.001 / (GreatCircle.earthRadius * .pi / 180)
        nameOfMention = names.ofMention
        ownTotal.removeAll(keepingCapacity: true)
        ownTotal.append(contentsOf: repeatElement(0, count: names.count))
        totalCountry = 0
        precondition(names.count < 1 << 28, "name numbers fit the keys of the sums")
        // Sized for the usual document, where a name has one sense, in a handful of countries.
        sums.removeAll(reservingCapacity: 3 * names.count + 8)
        dominantCountry = 0
        dominantWeight = 0
        points.removeAll(keepingCapacity: true)
        points.reserveCapacity(names.count)
        pointOf.removeAll(reservingCapacity: names.count)
        for position in choice.indices {
            let (chosen, confidence) = choice[position]
            guard chosen >= 0 else { continue }
            let name = nameOfMention[position]
            let fact = candidates[position, chosen]
            let weight = Self.weight(of: fact) * max(0.2, confidence)
            if fact.country != 0 {
                let total = sums.add(weight, to: Sum.country.key(Int(fact.country)))
                if dominantCountry == 0 || dominantWeight < total
                    || (dominantWeight == total && fact.country < dominantCountry) {
                    dominantCountry = fact.country
                    dominantWeight = total
                }
                sums.add(weight, to: Sum.nameCountry.key(name: name, Int(fact.country)))
                totalCountry += weight
                ownTotal[name] += weight
            }
            let admin1Weight = fact.kind == .admin1 ? weight : weight * 0.6
            if fact.admin1 >= 0 && fact.kind != .country {
                sums.add(admin1Weight, to: Sum.admin1.key(fact.admin1))
                sums.add(admin1Weight, to: Sum.nameAdmin1.key(name: name, fact.admin1))
            }
            if fact.kind == .city || fact.kind == .admin2 {
                // One point per name and place, with its best weight: repeating a name adds none.
                let weight = max(0.2, confidence)
                if let known = pointOf.insertIfAbsent(points.count, for: Self.pointKey(name: name, place: fact.place)) {
                    points[known].weight = max(points[known].weight, weight)
                } else {
                    let location = GreatCircle.Point(latitude: fact.latitude, longitude: fact.longitude)
                    // The latitude of the band nearest a pole has the least cosine.
                    let poleward = min(90, abs(fact.latitude) + latitudeBand)
                    let reach = GreatCircle.longitudeReach(haversine: farHaversine, cosLatitudeFloor: cos(poleward * .pi / 180),
                                                           location)
                    points.append(ChosenPoint(name: name, location: location, longitudeReach: reach, weight: weight))
                }
            }
        }
        points.sort { $0.location.latitude < $1.location.latitude }
    }

    /// The key of a name's point at a place (an index below 2^32).
    @inline(__always)
    private static func pointKey(name: Int, place: Int) -> Int { name << 32 | place }

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
        guard country != 0, let total = sums[Sum.country.key(Int(country))] else { return 0 }
        let own = position < nameOfMention.count
            ? sums[Sum.nameCountry.key(name: nameOfMention[position], Int(country))] ?? 0 : 0
        return max(0, total - own)
    }

    /// The weight of all countries among the places chosen for the other names.
    func totalCountryWeight(excluding position: Int) -> Double {
        let own = position < nameOfMention.count ? ownTotal[nameOfMention[position]] : 0
        return max(0, totalCountry - own)
    }

    /// The weight of a first-level unit among the places chosen for the other names.
    func admin1Weight(_ admin1Place: Int, excluding position: Int) -> Double {
        guard admin1Place >= 0, let total = sums[Sum.admin1.key(admin1Place)] else { return 0 }
        let own = position < nameOfMention.count
            ? sums[Sum.nameAdmin1.key(name: nameOfMention[position], admin1Place)] ?? 0 : 0
        return max(0, total - own)
    }

    /// 0 to 1: how close `point` is to the places chosen for the other names of the document.
    func closeness(to point: (latitude: Double, longitude: Double), excluding position: Int) -> Double {
        let name = position < nameOfMention.count ? nameOfMention[position] : -1
        var best = 0.0
        var location: GreatCircle.Point?
        // A point further in latitude alone than the close distance cannot count: only the band
        // is scanned (found with a wider margin, then tested exactly).
        let window = latitudeBand * 1.001
        // Most candidates of an ambiguous name lie far from all of the document's places: one
        // outside the latitudes the points span, widened by the window, is answered at once.
        guard let south = points.first, let north = points.last,
              point.latitude >= south.location.latitude - window, point.latitude <= north.location.latitude + window
        else { return 0 }
        var lower = 0, upper = points.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if points[middle].location.latitude < point.latitude - window { lower = middle + 1 } else { upper = middle }
        }
        for index in lower..<points.count {
            let other = points[index]
            if other.location.latitude > point.latitude + window { break }
            guard abs(other.location.latitude - point.latitude) <= latitudeBand && other.name != name else { continue }
            // Nor can a point far off in longitude.
            if GreatCircle.longitudeGap(point.longitude, other.location.longitude) > other.longitudeReach { continue }
            let here = location ?? GreatCircle.Point(latitude: point.latitude, longitude: point.longitude)
            location = here
            let distance = GreatCircle.distance(here, other.location)
            if distance < closeDistance {
                best = max(best, (1 - distance / closeDistance) * other.weight)
            }
        }
        return best
    }
}
