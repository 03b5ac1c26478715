/// What the gazetteer's word lists say about one lower-cased word.
///
/// The recogniser uses it to tell place names from common words and people: "Mobile" in
/// "Mobile phones" is a frequent lower-case word, "Paris" in "Paris Hilton" a given name.
public struct WordInfo: Hashable, Sendable {
    /// Zipf frequency of the word in English (about 7 for "the", 3 for a rare word, 0 if unknown).
    public var zipf: Double
    /// The English dictionary lists it in lower case ("mobile", "reading").
    public var isLowerCaseWord: Bool
    /// The English dictionary lists it only capitalised ("paris", "hilton").
    public var isProperNoun: Bool
    /// Share of people with this given name, in percent (0 if not a given name).
    public var givenNamePercent: Double
    /// Share of people with this surname, in percent (0 if not a surname).
    public var surnamePercent: Double

    /// A word no list knows.
    public static let unknown = WordInfo(zipf: 0, isLowerCaseWord: false, isProperNoun: false,
                                         givenNamePercent: 0, surnamePercent: 0)

    /// Used as a given name by at least 1 in 50,000 people.
    public var isGivenName: Bool { givenNamePercent >= 0.002 }
    /// Used as a surname by at least 1 in 50,000 people.
    public var isSurname: Bool { surnamePercent >= 0.002 }

    enum Flag {
        static let lower: UInt8 = 1
        static let proper: UInt8 = 2
    }
}
