import Foundation

/// One feature of ``ResolverFeatures``, in vector order. Its ``name`` (the case name in snake case,
/// "kind_country") names its weight in the model file.
enum ResolverFeature: Int, CaseIterable, SnakeCaseNamed {
        case prior, kindCountry, kindAdmin1, kindAdmin2, kindRegion, kindPhysical, alternateName
        case formAbbreviation, formDemonym, countryEvidence, admin1Evidence, closeness, seat
        case datelineCountry, datelineAdmin1, topPrior, dominantCountry, capital, evidenceShare
        case alternateMajor
}

/// The facts the ``ResolverModel`` weighs to choose among a mention's candidates.
///
/// Each candidate of a mention gets a vector; the model scores each vector and the highest score
/// wins. Only differences between candidates matter: a fact shared by every candidate of a
/// mention changes nothing. Two readings are settled before scoring, by ``PlaceResolver``: a
/// unit word after the name ("the Donetsk region") keeps only the administrative units, and
/// without one a first-level unit named like its own seat ("Mykolaiv") gives way to the city.
enum ResolverFeatures {
    /// Feature names, in vector order. The model file names its weights by these.
    static let names: [String] = ResolverFeature.allCases.map(\.name)

    static let count = names.count

    /// Facts about the document the features compare candidates against; the resolver gathers
    /// them again every round, into the same storage.
    struct Context {
        var evidence = DocumentEvidence()
        /// Country and first-level unit of the dateline's place, when there is a dateline.
        var datelineCountry: UInt16 = 0
        var datelineAdmin1 = -1
        /// The country with the most weight among the places chosen so far.
        var dominantCountry: UInt16 = 0
    }

    /// log1p of the evidence weights, each with its last answer kept: a mention's candidates lie
    /// in a few countries and units, so the same weight comes again and again.
    ///
    /// The weights themselves are kept too, by the mention and the country or unit asked for: the
    /// candidates of one mention mostly share them, and each costs a lookup or two in the evidence.
    struct EvidenceLogs {
        private var countryLog = RepeatedLog()
        private var admin1Log = RepeatedLog()
        private var countryWeight = RepeatedWeight()
        private var admin1Weight = RepeatedWeight()

        fileprivate mutating func country(_ x: Double) -> Double { countryLog(x) }
        fileprivate mutating func admin1(_ x: Double) -> Double { admin1Log(x) }

        /// ``DocumentEvidence/countryWeight(_:excluding:)`` of `country` for the mention at `position`.
        fileprivate mutating func countryWeight(_ country: UInt16, excluding position: Int,
                                                in evidence: DocumentEvidence) -> Double {
            countryWeight(position, Int(country)) { evidence.countryWeight(country, excluding: position) }
        }

        /// ``DocumentEvidence/admin1Weight(_:excluding:)`` of unit `admin1` for the mention at `position`.
        fileprivate mutating func admin1Weight(_ admin1: Int, excluding position: Int,
                                               in evidence: DocumentEvidence) -> Double {
            admin1Weight(position, admin1) { evidence.admin1Weight(admin1, excluding: position) }
        }
    }

    /// An evidence weight, remembering the mention and key of its last answer. The evidence does
    /// not change while one ``EvidenceLogs`` is in use, so the same question has the same answer.
    private struct RepeatedWeight {
        private var position = -1
        private var key = 0
        private var weight = 0.0

        @inline(__always)
        mutating func callAsFunction(_ position: Int, _ key: Int, _ compute: () -> Double) -> Double {
            if position != self.position || key != self.key {
                self.position = position
                self.key = key
                weight = compute()
            }
            return weight
        }
    }

    /// log1p, remembering its last argument and answer.
    private struct RepeatedLog {
        private var input = 0.0
        private var output = 0.0

        mutating func callAsFunction(_ x: Double) -> Double {
            // log1p(±0) is ±0; any other argument equal to the last one has the same bits.
            if x == 0 { return x }
            if x != input {
                input = x
                output = log1p(x)
            }
            return output
        }
    }

    /// The closeness feature of candidate `fact` of the mention at `position`: how near the other
    /// names' places a town or second-level unit lies; 0 for any other kind.
    static func closeness(of fact: CandidateFacts, position: Int, context: Context) -> Double {
        fact.kind == .city || fact.kind == .admin2 ? context.evidence.closeness(to: fact.point, excluding: position) : 0
    }

    /// Writes the features of candidate `fact` of the mention at `position` into `v`
    /// (``count`` values); `isDateline` tells whether that mention is the dateline.
    ///
    /// Every feature is written, a flag as 1 or 0 and an absent weight as 0, rather than the
    /// vector cleared first: filling is done for every candidate of every round, and the clearing
    /// was a call into the C library each time.
    static func fill(_ v: UnsafeMutableBufferPointer<Double>, _ fact: CandidateFacts, isDateline: Bool, position: Int,
                     topPrior: Double, context: Context, logs: inout EvidenceLogs) {
        precondition(v.count == count, "one slot per feature")
        func set(_ feature: ResolverFeature, _ value: Double) { v[feature.rawValue] = value }
        func flag(_ feature: ResolverFeature, _ condition: Bool) { v[feature.rawValue] = condition ? 1 : 0 }
        set(.prior, fact.prior)
        flag(.kindCountry, fact.kind == .country)
        flag(.kindAdmin1, fact.kind == .admin1)
        flag(.kindAdmin2, fact.kind == .admin2)
        flag(.kindRegion, fact.kind == .region)
        flag(.kindPhysical, fact.kind == .physical)
        let alternate = !fact.isPrimaryName && fact.form == .name
        flag(.alternateName, alternate)
        // A big city's other spellings are well known too ("Odessa", "Kiev"); a village's are not.
        flag(.alternateMajor, alternate && fact.kind == .city && fact.prior >= 6.5)
        flag(.formAbbreviation, fact.form == .abbreviation)
        flag(.formDemonym, fact.form == .demonym)
        // An ocean or a continent lies in no one country and borders or holds most: it is weighed
        // as if it lay in the country the document is most about, so that a story about the
        // United States that names "the Atlantic" does not read it as Atlantic, Iowa.
        let isWorldwide = fact.country == 0 && (fact.kind == .physical || fact.kind == .region)
        let country = isWorldwide ? context.dominantCountry : fact.country
        let countryWeight = logs.countryWeight(country, excluding: position, in: context.evidence)
        set(.countryEvidence, logs.country(countryWeight))
        // For a first-level unit, its own weight: the places named in it.
        set(.admin1Evidence, fact.admin1 >= 0
            ? logs.admin1(logs.admin1Weight(fact.admin1, excluding: position, in: context.evidence)) : 0)
        set(.closeness, closeness(of: fact, position: position, context: context))
        flag(.seat, fact.isSeat)
        flag(.capital, fact.isCapital)
        flag(.datelineCountry, context.datelineCountry != 0 && fact.country == context.datelineCountry
             && !isDateline)
        flag(.datelineAdmin1, context.datelineAdmin1 >= 0 && fact.admin1 == context.datelineAdmin1
             && !isDateline)
        flag(.topPrior, fact.prior >= topPrior)
        flag(.dominantCountry, context.dominantCountry != 0 && country == context.dominantCountry)
        let total = context.evidence.totalCountryWeight(excluding: position)
        set(.evidenceShare, total > 0 ? countryWeight / total : 0)
    }
}
