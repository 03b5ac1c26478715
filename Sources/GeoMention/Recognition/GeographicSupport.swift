import Foundation

/// How well a spotted name fits the geography of the rest of its document.
///
/// Names that are surely places (a country, a state, a big city, or a name with a single place)
/// lay down the document's countries, first-level regions and points. A doubtful name gains
/// support when one of its places lies in those regions or near those points: "Mansfield" in a
/// story that names Ohio is the town in Ohio, not a surname. A name never supports itself.
///
/// Names are known by their number in the document's ``MentionKeys``.
struct GeographicSupport {
    /// A sure name's town or second-level unit.
    private struct Town {
        let key: Int
        /// Prepared once, as every doubtful candidate nearby is measured against it.
        let point: GreatCircle.Point
        /// The longitude gap (degrees) beyond which a point within the search window of its
        /// latitude is surely over 100 km away (``longitudeReach(of:)``).
        let reach: Double
    }

    private let index: GazetteerIndex
    /// How many sure names the document has, counting repeats.
    private let anchorCount: Int
    /// How many of them each name has.
    private let anchorsPerKey: [Int]
    /// How many sure names lie in each country and first-level unit, and what each name adds.
    private let countryCounts: Tally
    private let admin1Counts: Tally
    private let ownCountryCounts: Tally
    private let ownAdmin1Counts: Tally
    /// The towns among the sure names, each (name, point) once (repeating a name adds no point),
    /// ordered by latitude.
    private let towns: [Town]
    /// Candidates examined per doubtful name.
    static let candidateLimit = 40
    /// A degree of latitude is over 110 km: only points within 0.95° can be 100 km away.
    private static let latitudeWindow = 0.95
    /// The latitudes searched for such points: a wider window, so that rounding in the search
    /// never skips a point that the exact test would accept.
    private static let searchWindow = 1.0
    /// The most towns ``isNearOtherTown(_:key:)`` counts through rather than searches.
    private static let countedTowns = 32

    init(mentions: [Mention], keys: MentionKeys, index: GazetteerIndex) {
        self.index = index
        var anchorsPerKey = [Int](filling: 0, count: keys.count)
        // The sure names' best places are first read from the index here. Their country keys
        // are read in a pass of their own, where nothing else waits on each read, so that the
        // cache misses on their records overlap rather than follow one another.
        var anchors: [(key: Int, place: Int, country: UInt16, admin1: Int)] = []
        anchors.reserveCapacity(mentions.count)
        // Each mention's candidates are read where they lie: a local copy of the list would be
        // retained and released for every mention.
        mentions.withUnsafeBufferPointer { mentions in
            for position in mentions.indices {
                let mention = mentions.baseAddress! + position
                let count = mention.pointee.candidates.count
                guard count > 0 else { continue }
                let top = mention.pointee.candidates[0]
                let sure = count == 1 || top.prior >= 7.5 || top.prior - mention.pointee.candidates[1].prior >= 2
                if sure { anchors.append((keys.ids[position], top.place, 0, -1)) }
            }
        }
        for position in anchors.indices { anchors[position].country = index.countryKey(of: anchors[position].place) }
        var towns: [(key: Int, point: (latitude: Double, longitude: Double))] = []
        towns.reserveCapacity(anchors.count)
        var countryCount = 0, admin1Count = 0
        for position in anchors.indices {
            let (key, place, country, _) = anchors[position]
            anchorsPerKey[key] += 1
            if country != 0 { countryCount += 1 }
            let admin1 = index.admin1Place(of: place)
            anchors[position].admin1 = admin1
            if admin1 >= 0 { admin1Count += 1 }
            let kind = index.kind(of: place)
            if kind == .city || kind == .admin2 {
                let point = index.coordinate(of: place)
                // A point without a finite latitude is never near anything.
                if point.latitude.isFinite { towns.append((key, point)) }
            }
        }
        // The four tallies' lists lie end to end in one array, allocated once: countries, each
        // name's countries, first-level units, each name's first-level units.
        var values: [UInt64] = []
        values.reserveCapacity(2 * countryCount + 2 * admin1Count)
        for anchor in anchors where anchor.country != 0 { values.append(UInt64(anchor.country)) }
        for anchor in anchors where anchor.country != 0 { values.append(Self.pair(anchor.key, Int(anchor.country))) }
        for anchor in anchors where anchor.admin1 >= 0 { values.append(UInt64(anchor.admin1)) }
        for anchor in anchors where anchor.admin1 >= 0 { values.append(Self.pair(anchor.key, anchor.admin1)) }
        let admin1Start = 2 * countryCount
        let parts = (countries: 0..<countryCount, ownCountries: countryCount..<admin1Start,
                     admin1s: admin1Start..<admin1Start + admin1Count, ownAdmin1s: admin1Start + admin1Count..<values.count)
        // Every part is sorted before any tally shares the array, which would make it copy.
        values[parts.countries].sort()
        values[parts.ownCountries].sort()
        values[parts.admin1s].sort()
        values[parts.ownAdmin1s].sort()
        anchorCount = anchors.count
        self.anchorsPerKey = anchorsPerKey
        countryCounts = Tally(values[parts.countries])
        ownCountryCounts = Tally(values[parts.ownCountries])
        admin1Counts = Tally(values[parts.admin1s])
        ownAdmin1Counts = Tally(values[parts.ownAdmin1s])
        self.towns = Self.distinctByLatitude(consume towns)
    }

    /// (first-level support, country support, nearness) of a mention of name `key` with
    /// `candidates`: the log count of other sure names sharing a first-level region or a country
    /// with one of its places, and 1 when one of its places lies within 100 km of another sure
    /// name's town.
    func support(key: Int, candidates: [CandidateFacts]) -> (Double, Double, Double) {
        guard anchorCount > anchorsPerKey[key] else { return (0, 0, 0) }
        // A name that is nowhere sure adds nothing of its own.
        let hasOwn = anchorsPerKey[key] > 0
        var bestAdmin1 = 0, bestCountry = 0
        // With no towns, nothing is near.
        let mayBeNear = !towns.isEmpty
        var isNear = false
        // A name's places crowd into few countries and regions, often one after another: a value
        // equal to the previous candidate's gives the same count and is not looked up again.
        var previousCountry: UInt16 = 0, previousAdmin1 = -1
        // Read through the list's buffer: a prefix of the array would retain and release it.
        candidates.withUnsafeBufferPointer { candidates in
            for candidate in candidates.prefix(Self.candidateLimit) {
                if candidate.country != 0 && candidate.country != previousCountry {
                    previousCountry = candidate.country
                    let own = hasOwn ? ownCountryCounts.count(of: Self.pair(key, Int(candidate.country))) : 0
                    bestCountry = max(bestCountry, countryCounts.count(of: UInt64(candidate.country)) - own)
                }
                if candidate.kind != .admin1 && candidate.admin1 >= 0 && candidate.admin1 != previousAdmin1 {
                    previousAdmin1 = candidate.admin1
                    let own = hasOwn ? ownAdmin1Counts.count(of: Self.pair(key, candidate.admin1)) : 0
                    bestAdmin1 = max(bestAdmin1, admin1Counts.count(of: UInt64(candidate.admin1)) - own)
                }
                if mayBeNear && !isNear && isNearOtherTown(candidate.point, key: key) { isNear = true }
                // Once every figure is as high as it can go, later candidates change nothing.
                if (isNear || !mayBeNear) && bestCountry >= countryCounts.largest && bestAdmin1 >= admin1Counts.largest {
                    break
                }
            }
        }
        return (FeatureLogarithms.log2(1 + bestAdmin1), FeatureLogarithms.log2(1 + bestCountry), isNear ? 1 : 0)
    }

    /// Whether a town of a name other than `key` lies within 100 km of `point`.
    private func isNearOtherTown(_ point: (latitude: Double, longitude: Double), key: Int) -> Bool {
        // A point farther in latitude than the window from the southernmost and the northernmost
        // town is near none of them: most candidates lie far from a document's towns.
        if let south = towns.first, let north = towns.last,
           south.point.latitude - point.latitude >= Self.latitudeWindow
            || point.latitude - north.point.latitude >= Self.latitudeWindow {
            return false
        }
        // The towns are ordered by latitude: visit only those inside the search window, which
        // begins after the towns at or below its floor. A document has few towns, so they are
        // counted without a branch rather than searched.
        let floor = point.latitude - Self.searchWindow
        var low = 0
        if towns.count <= Self.countedTowns {
            for town in towns { low &+= Tally.one(if: town.point.latitude <= floor) }
        } else {
            var high = towns.count
            while low < high {
                let middle = (low &+ high) &>> 1
                if towns[middle].point.latitude <= floor { low = middle &+ 1 } else { high = middle }
            }
        }
        var prepared: GreatCircle.Point?
        for position in low..<towns.count {
            let town = towns[position]
            if town.point.latitude >= point.latitude + Self.searchWindow { break }
            if town.key != key && abs(town.point.latitude - point.latitude) < Self.latitudeWindow
                && GreatCircle.longitudeGap(point.longitude, town.point.longitude) <= town.reach {
                let here = prepared ?? GreatCircle.Point(latitude: point.latitude, longitude: point.longitude)
                prepared = here
                if GreatCircle.distance(here, town.point) < 100 { return true }
            }
        }
        return false
    }

    /// `towns` with repeats of the same name and point dropped, ordered by latitude.
    private static func distinctByLatitude(_ towns: consuming [(key: Int, point: (latitude: Double, longitude: Double))]) -> [Town] {
        guard !towns.isEmpty else { return [] }
        towns.sort {
            ($0.point.latitude, $0.key, $0.point.longitude.bitPattern) < ($1.point.latitude, $1.key, $1.point.longitude.bitPattern)
        }
        var distinct: [Town] = []
        distinct.reserveCapacity(towns.count)
        for town in towns {
            if let last = distinct.last, last.key == town.key,
               last.point.latitude.bitPattern == town.point.latitude.bitPattern,
               last.point.longitude.bitPattern == town.point.longitude.bitPattern {
                continue
            }
            let point = GreatCircle.Point(latitude: town.point.latitude, longitude: town.point.longitude)
            distinct.append(Town(key: town.key, point: point, reach: longitudeReach(of: point)))
        }
        return distinct
    }

    /// The haversine of the 100 km within which a place is near a town.
    private static let nearHaversine = GreatCircle.haversine(ofDistance: 100)

    /// How far in longitude (degrees) from `town` a point whose latitude lies within the search
    /// window of the town's may be and still lie within 100 km, by
    /// ``GreatCircle/longitudeReach(haversine:cosLatitudeFloor:_:)`` with the smallest cosine of a
    /// latitude in the window. A reach over 90° counts as unbounded: within 90° the bound holds
    /// with a wide margin (the haversine of a point beyond the reach is at least twice that of
    /// 100 km), so skipping the points beyond it never changes whether a point is near.
    private static func longitudeReach(of town: GreatCircle.Point) -> Double {
        let farthest = min(90, abs(town.latitude) + searchWindow)
        let reach = GreatCircle.longitudeReach(haversine: nearHaversine, cosLatitudeFloor: cos(farthest * .pi / 180), town)
        return reach <= 90 ? reach : .infinity
    }

    /// A name's number and a country key or place index packed into one tally key.
    private static func pair(_ key: Int, _ value: Int) -> UInt64 {
        UInt64(key) << 32 | UInt64(UInt32(truncatingIfNeeded: value))
    }
}

/// How often each value occurs in a list: the list itself, sorted, so that a document's tallies
/// need no second array of distinct values and counts. The lists of a document's tallies share
/// one array, each tally holding its part.
private struct Tally {
    /// The values, ascending, repeats included.
    private let values: ArraySlice<UInt64>
    /// The highest count, 0 when the list is empty.
    let largest: Int
    /// One bit per value of the list (``bit(of:)``): a value whose bit is clear is not in the list,
    /// which answers most lookups without searching the values.
    private let present: UInt64

    /// The tally of `sorted`, a list in ascending order.
    init(_ sorted: ArraySlice<UInt64>) {
        var present: UInt64 = 0, largest = 0, run = 0
        for position in sorted.indices {
            present |= Self.bit(of: sorted[position])
            run = position > sorted.startIndex && sorted[position] == sorted[position - 1] ? run + 1 : 1
            largest = max(largest, run)
        }
        values = sorted
        self.largest = largest
        self.present = present
    }

    /// How often `value` occurs.
    func count(of value: UInt64) -> Int {
        guard present & Self.bit(of: value) != 0 else { return 0 }
        return values.withUnsafeBufferPointer { values in
            // A short list (a document usually has a dozen values) is counted through without a
            // branch to mispredict, where each step of a binary search is a coin toss for the
            // processor; a long one is searched for the first of the value's run.
            if values.count <= Self.countedSize {
                var count = 0
                for stored in values { count &+= Self.one(if: stored == value) }
                return count
            }
            var low = 0, high = values.count
            while low < high {
                let middle = (low &+ high) &>> 1
                if values[middle] < value { low = middle &+ 1 } else { high = middle }
            }
            var end = low
            while end < values.count && values[end] == value { end &+= 1 }
            return end - low
        }
    }

    /// The bit of `value` in ``present``: one of 64, picked by the high bits of a multiplicative
    /// hash, so that country keys, place indices and name-and-value pairs all spread.
    @inline(__always)
    private static func bit(of value: UInt64) -> UInt64 {
        1 << ((value &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The most values ``count(of:)`` counts through rather than searches.
    private static let countedSize = 32

    /// 1 when `condition` holds, else 0, as a number rather than a choice: a sum of these compiles
    /// to arithmetic where `condition ? 1 : 0` may become a branch.
    @inline(__always)
    static func one(if condition: Bool) -> Int {
        Int(unsafeBitCast(condition, to: UInt8.self))
    }
}
