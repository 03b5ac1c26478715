/// A stretch of a document that names a place the gazetteer knows.
///
/// The recogniser finds it; the resolver then picks one of its candidates.
public struct Mention: Hashable, Sendable {
    /// Unicode scalar offset of the first scalar.
    public var start: Int
    /// Unicode scalar offset just past the last scalar.
    public var end: Int
    /// The span in UTF-8 bytes.
    public var utf8Range: Range<Int>
    /// The tokens the mention covers.
    public var tokenRange: Range<Int>
    /// The text as written ("KIEV", "U.S.", "Russians").
    public var text: String
    /// The normalised key it was looked up under ("kiev").
    public var key: String
    /// The index of its sentence.
    public var sentence: Int
    /// Every place the name may refer to, most prominent first.
    public var candidates: [MentionCandidate]
    /// What the text around the mention says about it.
    public var cues: MentionCues = []
    /// Index (in the document's mention list) of the mention that qualifies this one:
    /// "Texas" in "Paris, Texas", "Ukraine" in "LVIV, Ukraine —".
    public var qualifier: Int?
    /// The recogniser's probability that the name is a place.
    public var probability: Double = 1

    /// The name under which the mention counts as evidence for the others: its key, kept apart
    /// when a unit word follows ("the Mykolaiv region" is evidence for the city "Mykolaiv").
    public var evidenceKey: String { cues.contains(.unitWordAfter) ? key + "#unit" : key }

    /// Every candidate is reached by a demonym ("Russians", "Kurdish").
    public var isDemonym: Bool { !candidates.isEmpty && candidates.allSatisfy { $0.form == .demonym } }

    /// The text names a place by its form ("Neches River", "Fort Benning") but the gazetteer
    /// knows none of that name: it is reported without coordinates.
    public var isUnknownPlace: Bool { candidates.isEmpty }

    /// The most prominent candidate's prominence.
    public var topPrior: Double { candidates.first?.prior ?? 0 }
}

/// One place a mention may refer to.
public struct MentionCandidate: Hashable, Sendable {
    /// Index of the place in the gazetteer.
    public var place: Int
    /// How the mention's text refers to it.
    public var form: NameForm
    /// The text is the place's own display name rather than an alternate or former name.
    public var isPrimaryName: Bool
    /// The place's prominence (``Prominence``).
    public var prior: Double
}

/// Facts about a mention's surroundings.
public struct MentionCues: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// It opens the article as a dateline: "LVIV, Ukraine —", "PARIS, Texas (AP) —".
    public static let dateline = MentionCues(rawValue: 1 << 0)
    /// It qualifies the mention before it ("Texas" in "Paris, Texas").
    public static let isQualifier = MentionCues(rawValue: 1 << 1)
    /// A locative preposition precedes it ("in", "near", "outside").
    public static let locativePreposition = MentionCues(rawValue: 1 << 2)
    /// It is written in capitals among capitals (a dateline or headline).
    public static let capitalsContext = MentionCues(rawValue: 1 << 3)
    /// It stands first in its sentence or in a title-case line, where capitals prove little.
    public static let weakCapital = MentionCues(rawValue: 1 << 4)
    /// It is one of a list of units named by a plural that follows ("Barrow and Jackson counties").
    public static let unitList = MentionCues(rawValue: 1 << 5)
    /// A lower-case unit word follows it: "the Donetsk region", "Kherson oblast".
    public static let unitWordAfter = MentionCues(rawValue: 1 << 6)
}
