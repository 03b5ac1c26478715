import Foundation

/// The facts the ``ResolverModel`` weighs to choose among a mention's candidates.
///
/// Each candidate of a mention gets a vector; the model scores each vector and the highest score
/// wins. Only differences between candidates matter: a fact shared by every candidate of a
/// mention changes nothing. Two readings are settled before scoring, by ``PlaceResolver``: a
/// unit word after the name ("the Donetsk region") keeps only the administrative units, and
/// without one a first-level unit named like its own seat ("Mykolaiv") gives way to the city.
enum ResolverFeatures {
    static let names: [String] = [
        "prior", "kind_country", "kind_admin1", "kind_admin2", "kind_region", "kind_physical", "alternate_name",
        "form_abbreviation", "form_demonym", "country_evidence", "admin1_evidence", "closeness",
        "seat", "dateline_country", "dateline_admin1", "top_prior", "dominant_country", "capital",
        "evidence_share", "alternate_major",
    ]

    static let count = names.count
    private static let positions: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    static func index(_ name: String) -> Int { positions[name]! }

    /// Facts about the document the features compare candidates against.
    struct Context {
        let evidence: DocumentEvidence
        /// Country and first-level unit of the dateline's place, when there is a dateline.
        let datelineCountry: UInt16
        let datelineAdmin1: Int
        /// The country with the most weight among the places chosen so far.
        let dominantCountry: UInt16
    }

    static func vector(_ fact: CandidateFacts, mention: Mention, position: Int, qualified: Bool,
                       topPrior: Double, context: Context) -> [Double] {
        var v = [Double](repeating: 0, count: count)
        func set(_ name: String, _ value: Double) { v[index(name)] = value }
        func flag(_ name: String, _ condition: Bool) { if condition { v[index(name)] = 1 } }
        set("prior", fact.prior)
        flag("kind_country", fact.kind == .country)
        flag("kind_admin1", fact.kind == .admin1)
        flag("kind_admin2", fact.kind == .admin2)
        flag("kind_region", fact.kind == .region)
        flag("kind_physical", fact.kind == .physical)
        let alternate = !fact.isPrimaryName && fact.form == .name
        flag("alternate_name", alternate)
        // A big city's other spellings are well known too ("Odessa", "Kiev"); a village's are not.
        flag("alternate_major", alternate && fact.kind == .city && fact.prior >= 6.5)
        flag("form_abbreviation", fact.form == .abbreviation)
        flag("form_demonym", fact.form == .demonym)
        let countryWeight = context.evidence.countryWeight(fact.country, excluding: position)
        set("country_evidence", log1p(countryWeight))
        // For a first-level unit, its own weight: the places named in it.
        if fact.admin1 >= 0 {
            set("admin1_evidence", log1p(context.evidence.admin1Weight(fact.admin1, excluding: position)))
        }
        if fact.kind == .city || fact.kind == .admin2 {
            set("closeness", context.evidence.closeness(to: fact.point, excluding: mention.evidenceKey))
        }
        flag("seat", fact.isSeat)
        flag("capital", fact.isCapital)
        flag("dateline_country", context.datelineCountry != 0 && fact.country == context.datelineCountry
             && !mention.cues.contains(.dateline))
        flag("dateline_admin1", context.datelineAdmin1 >= 0 && fact.admin1 == context.datelineAdmin1
             && !mention.cues.contains(.dateline))
        flag("top_prior", fact.prior >= topPrior)
        flag("dominant_country", context.dominantCountry != 0 && fact.country == context.dominantCountry)
        let total = context.evidence.totalCountryWeight(excluding: position)
        set("evidence_share", total > 0 ? countryWeight / total : 0)
        return v
    }
}
