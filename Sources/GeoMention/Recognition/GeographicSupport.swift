import Foundation

/// How well a spotted name fits the geography of the rest of its document.
///
/// Names that are surely places (a country, a state, a big city, or a name with a single place)
/// lay down the document's countries, first-level regions and points. A doubtful name gains
/// support when one of its places lies in those regions or near those points: "Mansfield" in a
/// story that names Ohio is the town in Ohio, not a surname. A name never supports itself.
struct GeographicSupport {
    private struct Anchor {
        let key: String
        let country: UInt16
        let admin1: Int
        let point: (latitude: Double, longitude: Double)?
    }

    private let anchors: [Anchor]
    /// The towns among the anchors, each (name, point) once: repeating a name adds no point.
    private let points: [(key: String, point: (latitude: Double, longitude: Double))]
    /// How many anchors each name has.
    private let anchorsPerName: [String: Int]
    private let index: GazetteerIndex
    /// How many sure names lie in each country and first-level unit, and what each name adds.
    private var countryCounts: [UInt16: Int] = [:]
    private var admin1Counts: [Int: Int] = [:]
    private var ownCountry: [String: [UInt16: Int]] = [:]
    private var ownAdmin1: [String: [Int: Int]] = [:]
    /// Candidates examined per doubtful name.
    static let candidateLimit = 40

    init(mentions: [Mention], index: GazetteerIndex) {
        self.index = index
        var anchors: [Anchor] = []
        for mention in mentions {
            guard let top = mention.candidates.first else { continue }
            let sure = mention.candidates.count == 1 || top.prior >= 7.5
                || (mention.candidates.count > 1 && top.prior - mention.candidates[1].prior >= 2)
            guard sure else { continue }
            let kind = index.kind(of: top.place)
            let anchor = Anchor(
                key: mention.key, country: index.countryKey(of: top.place), admin1: index.admin1Place(of: top.place),
                point: kind == .city || kind == .admin2 ? index.coordinate(of: top.place) : nil)
            anchors.append(anchor)
            if anchor.country != 0 {
                countryCounts[anchor.country, default: 0] += 1
                ownCountry[anchor.key, default: [:]][anchor.country, default: 0] += 1
            }
            if anchor.admin1 >= 0 {
                admin1Counts[anchor.admin1, default: 0] += 1
                ownAdmin1[anchor.key, default: [:]][anchor.admin1, default: 0] += 1
            }
        }
        self.anchors = anchors
        var seen = Set<String>()
        var points: [(key: String, point: (latitude: Double, longitude: Double))] = []
        var perName: [String: Int] = [:]
        for anchor in anchors {
            perName[anchor.key, default: 0] += 1
            guard let point = anchor.point else { continue }
            if seen.insert("\(anchor.key)|\(point.latitude)|\(point.longitude)").inserted {
                points.append((anchor.key, point))
            }
        }
        self.points = points
        anchorsPerName = perName
    }

    /// (first-level support, country support, nearness) of `mention`: the log count of other
    /// sure names sharing a first-level region or a country with one of its places, and 1 when
    /// one of its places lies within 100 km of another sure name's town.
    func support(for mention: Mention) -> (Double, Double, Double) {
        guard anchors.count > (anchorsPerName[mention.key] ?? 0) else { return (0, 0, 0) }
        let ownCountries = ownCountry[mention.key] ?? [:]
        let ownAdmin1s = ownAdmin1[mention.key] ?? [:]
        var bestAdmin1 = 0, bestCountry = 0
        var near = 0.0
        for candidate in mention.candidates.prefix(Self.candidateLimit) {
            let country = index.countryKey(of: candidate.place)
            if country != 0 {
                bestCountry = max(bestCountry, (countryCounts[country] ?? 0) - (ownCountries[country] ?? 0))
            }
            if index.kind(of: candidate.place) != .admin1 {
                let admin1 = index.admin1Place(of: candidate.place)
                if admin1 >= 0 {
                    bestAdmin1 = max(bestAdmin1, (admin1Counts[admin1] ?? 0) - (ownAdmin1s[admin1] ?? 0))
                }
            }
            if near == 0 {
                let point = index.coordinate(of: candidate.place)
                // A degree of latitude is over 110 km: only points within 0.95° can be 100 km away.
                for other in points where other.key != mention.key && abs(other.point.latitude - point.latitude) < 0.95 {
                    if GreatCircle.distance(point, other.point) < 100 { near = 1; break }
                }
            }
        }
        return (log2(1 + Double(bestAdmin1)), log2(1 + Double(bestCountry)), near)
    }
}
