/// What the date and governor readers know about a word, looked up once per word of a sentence
/// so that they compare small numbers instead of strings.
///
/// The word lists themselves stay with their readers (``DateExpression``,
/// ``MentionGovernor``); this type only indexes them.
struct EventVocabulary: Sendable {
    /// Words a reader compares by name.
    enum Keyword: UInt8, Sendable {
        case yesterday, overnight, last, night, today, tonight, this, morning, afternoon, evening
        case week, a, ago, month, year, years, months, weeks, several, many, `in`, since, days
        case of, to, close, km, miles
    }

    /// Memberships of a word in the governor's word sets.
    struct Roles: OptionSet, Sendable {
        let rawValue: UInt8
        static let locative = Roles(rawValue: 1 << 0)
        static let near = Roles(rawValue: 1 << 1)
        static let compass = Roles(rawValue: 1 << 2)
        static let skippable = Roles(rawValue: 1 << 3)
        /// The word belongs to every time expression that contains it: a sentence without
        /// such a word (or a number) has none.
        static let dateCue = Roles(rawValue: 1 << 4)
    }

    /// Everything known about one word.
    struct Info: Sendable {
        var keyword: Keyword?
        var roles: Roles = []
        /// 1...12 for a month name or abbreviation, else 0.
        var month: Int8 = 0
        /// 1 (Monday) ... 7 for a weekday name, else 0.
        var weekday: Int8 = 0
        /// The number a count word ("two" ... "ten") names, else 0.
        var count: Int8 = 0

        static let none = Info()
    }

    /// The shared vocabulary.
    static let shared = EventVocabulary()

    let table: WordTable
    let infos: [Info]

    private init() {
        var infos: [String: Info] = [:]
        let keywords: [(String, Keyword)] = [
            ("yesterday", .yesterday), ("overnight", .overnight), ("last", .last), ("night", .night),
            ("today", .today), ("tonight", .tonight), ("this", .this), ("morning", .morning),
            ("afternoon", .afternoon), ("evening", .evening), ("week", .week), ("a", .a), ("ago", .ago),
            ("month", .month), ("year", .year), ("years", .years), ("months", .months), ("weeks", .weeks),
            ("several", .several), ("many", .many), ("in", .in), ("since", .since), ("days", .days),
            ("of", .of), ("to", .to), ("close", .close), ("km", .km), ("miles", .miles),
        ]
        for (word, keyword) in keywords { infos[word, default: .none].keyword = keyword }
        let cues: Set<Keyword> = [.yesterday, .overnight, .today, .tonight, .night, .morning, .afternoon,
                                  .evening, .week, .month, .year, .ago]
        for (word, keyword) in keywords where cues.contains(keyword) { infos[word]!.roles.insert(.dateCue) }
        for (word, month) in DateExpression.monthNumbers {
            infos[word, default: .none].month = Int8(month)
            infos[word]!.roles.insert(.dateCue)
        }
        for (word, weekday) in DateExpression.weekdayNumbers {
            infos[word, default: .none].weekday = Int8(weekday)
            infos[word]!.roles.insert(.dateCue)
        }
        for (word, count) in DateExpression.countWords { infos[word, default: .none].count = Int8(count) }
        for word in MentionGovernor.locative { infos[word, default: .none].roles.insert(.locative) }
        for word in MentionGovernor.nearWords { infos[word, default: .none].roles.insert(.near) }
        for word in MentionGovernor.compass { infos[word, default: .none].roles.insert(.compass) }
        for word in MentionGovernor.skippable { infos[word, default: .none].roles.insert(.skippable) }
        let words = infos.keys.sorted()
        table = WordTable(words)
        self.infos = words.map { infos[$0]! }
    }

    /// What is known about the word spelled `bytes` (hashed by ``WordTable/hash(_:)``).
    func info(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Info {
        table.number(of: bytes, hash: hash).map { infos[$0] } ?? .none
    }
}
