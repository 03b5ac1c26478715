/// A time expression in a sentence that places an event relative to the document date.
///
/// Recognised, case-insensitively except where noted:
/// - `yesterday`, `overnight`, `last night` (the day before the document date); `today`,
///   `tonight`, `this morning|afternoon|evening` (the document date); `N days ago`;
/// - a capitalised weekday (`on Tuesday`, `Tuesday's`): the most recent such day on or before
///   the document date; `last Tuesday`: strictly before;
/// - `last week`, `a week ago` (seven days before, week precision); `this week`, `earlier this
///   week` (the document date, week precision);
/// - `last month` (the 15th of the previous month, month precision); `this month`;
/// - `N years ago`, `in 2022`, `last year`: recognised so that they are not mistaken for
///   nothing, but give no date;
/// - explicit dates: `March 3`, `Sept. 3, 2024`, `3 March`, `3rd March 2024`, `March 2024`
///   (month precision). A date without a year takes the document's year, or the year before
///   when that would put it more than six months after the document date.
struct DateExpression: Hashable, Sendable {
    /// What the expression says.
    enum Value: Hashable, Sendable {
        /// Days relative to the document date, with the precision the words give.
        case relative(days: Int, precision: TimePrecision)
        /// A weekday (1 Monday ... 7 Sunday); `strictlyBefore` for "last Tuesday".
        case weekday(Int, strictlyBefore: Bool)
        /// Months relative to the document date's month (`last month` is -1).
        case relativeMonth(Int)
        /// A calendar date; `day` nil for a month with a year.
        case explicit(year: Int?, month: Int, day: Int?)
        /// A time too far back or too vague for a day, week or month ("two years ago",
        /// "in 2022", "last year"): the event gets no date.
        case undatable
    }

    var value: Value
    /// Position of its first word in the sentence.
    var position: Int
    /// Number of words.
    var length: Int

    /// The day and precision the expression gives, or nil when it needs a document date that
    /// is unknown (or names a day that does not exist).
    func resolve(documentDate: CalendarDate?) -> (date: CalendarDate, precision: TimePrecision)? {
        switch value {
        case .undatable:
            return nil
        case .explicit(let year?, let month, nil):
            return CalendarDate(year: year, month: month, day: 15).map { ($0, .month) }
        case .explicit(let year?, let month, let day?):
            return CalendarDate(year: year, month: month, day: day).map { ($0, .day) }
        case .explicit(nil, let month, let day):
            guard let documentDate, let day,
                  let sameYear = CalendarDate(year: documentDate.year, month: month, day: day) else { return nil }
            if sameYear.dayNumber - documentDate.dayNumber > 183 {
                return CalendarDate(year: documentDate.year - 1, month: month, day: day).map { ($0, .day) }
            }
            return (sameYear, .day)
        case .relative(let days, let precision):
            return documentDate.map { ($0.adding(days: days), precision) }
        case .weekday(let weekday, let strictlyBefore):
            guard let documentDate else { return nil }
            let reference = strictlyBefore ? documentDate.adding(days: -1) : documentDate
            return (reference.latest(weekday: weekday), .day)
        case .relativeMonth(let offset):
            guard let documentDate else { return nil }
            let index = documentDate.year * 12 + (documentDate.month - 1) + offset
            let day = offset == 0 ? documentDate.day : 15
            return CalendarDate(year: index / 12, month: index % 12 + 1, day: day).map { ($0, .month) }
        }
    }

    /// Every expression of `sentence`, in text order.
    static func find(in sentence: SentenceWords) -> [DateExpression] {
        var found: [DateExpression] = []
        find(in: sentence, into: &found)
        return found
    }

    /// Replaces the contents of `found` with every expression of `sentence`, in text order,
    /// keeping its storage.
    static func find(in sentence: SentenceWords, into found: inout [DateExpression]) {
        found.removeAll(keepingCapacity: true)
        // Every expression holds a number or a word marked as a cue: most sentences stop here.
        guard sentence.hasDateCue else { return }
        var index = 0
        while index < sentence.words.count {
            if mayStart(at: index, in: sentence), let matched = match(at: index, in: sentence) {
                found.append(matched)
                index += matched.length
            } else {
                index += 1
            }
        }
    }

    /// False when no expression can start at the word `index`: every one starts with a word the
    /// vocabulary knows (a keyword, a month, weekday or count word) or with a number (a digit or
    /// `+`; a count, day or year is never written with a minus). Most words stop here.
    private static func mayStart(at index: Int, in sentence: SentenceWords) -> Bool {
        let word = sentence.words[index]
        let info = word.info
        if info.keyword != nil || info.month != 0 || info.weekday != 0 || info.count != 0 { return true }
        guard let first = sentence.lowercased[word.bytes].first else { return false }
        return first &- UInt8(ascii: "0") < 10 || first == UInt8(ascii: "+")
    }

    private static func match(at index: Int, in sentence: SentenceWords) -> DateExpression? {
        func make(_ value: Value, _ length: Int) -> DateExpression {
            DateExpression(value: value, position: index, length: length)
        }
        let words = sentence.words
        func keyword(_ index: Int) -> EventVocabulary.Keyword? {
            index < words.count ? words[index].info.keyword : nil
        }
        let word = words[index].info.keyword
        let hasNext = index + 1 < words.count
        switch (word, keyword(index + 1), keyword(index + 2)) {
        case (.yesterday?, _, _), (.overnight?, _, _), (.last?, .night?, _):
            return make(.relative(days: -1, precision: .day), word == .last ? 2 : 1)
        case (.today?, _, _), (.tonight?, _, _):
            return make(.relative(days: 0, precision: .day), 1)
        case (.this?, .morning?, _), (.this?, .afternoon?, _), (.this?, .evening?, _):
            return make(.relative(days: 0, precision: .day), 2)
        case (.last?, .week?, _):
            return make(.relative(days: -7, precision: .week), 2)
        case (.a?, .week?, .ago?):
            return make(.relative(days: -7, precision: .week), 3)
        case (.this?, .week?, _):
            return make(.relative(days: 0, precision: .week), 2)
        case (.last?, .month?, _):
            return make(.relativeMonth(-1), 2)
        case (.this?, .month?, _):
            return make(.relativeMonth(0), 2)
        case (.last?, .year?, _):
            return make(.undatable, 2)
        case (_, .years?, .ago?), (_, .months?, .ago?), (_, .weeks?, .ago?):
            guard countWord(sentence, index) != nil || word == .several || word == .many else { return nil }
            return make(.undatable, 3)
        case (.in?, _, _) where hasNext, (.since?, _, _) where hasNext:
            guard year(sentence.bytes(index + 1)) != nil,
                  !(index + 2 < words.count && words[index + 2].info.month != 0) else { return nil }
            return make(.undatable, 2)
        case (_, .days?, .ago?):
            guard let count = countWord(sentence, index) else { return nil }
            return make(.relative(days: -count, precision: .day), 3)
        case (.last?, _, _) where hasNext:
            let next = words[index + 1]
            guard next.shape == .capitalized, next.info.weekday != 0 else { return nil }
            return make(.weekday(Int(next.info.weekday), strictlyBefore: true), 2)
        default:
            break
        }
        if words[index].shape == .capitalized, words[index].info.weekday != 0 {
            return make(.weekday(Int(words[index].info.weekday), strictlyBefore: false), 1)
        }
        return explicitDate(at: index, in: sentence)
    }

    /// `March 3[, 2024]`, `3 March[ 2024]`, `March 2024`.
    private static func explicitDate(at index: Int, in sentence: SentenceWords) -> DateExpression? {
        let words = sentence.words
        func year(at index: Int) -> Int? { index < words.count ? Self.year(sentence.bytes(index)) : nil }
        if words[index].shape == .capitalized, words[index].info.month != 0 {
            let month = Int(words[index].info.month)
            if index + 1 < words.count, let day = dayNumber(sentence.bytes(index + 1)) {
                if let year = year(at: index + 2) {
                    return DateExpression(value: .explicit(year: year, month: month, day: day), position: index, length: 3)
                }
                return DateExpression(value: .explicit(year: nil, month: month, day: day), position: index, length: 2)
            }
            if let year = year(at: index + 1) {
                return DateExpression(value: .explicit(year: year, month: month, day: nil), position: index, length: 2)
            }
            return nil
        }
        guard let day = dayNumber(sentence.bytes(index)), index + 1 < words.count,
              words[index + 1].shape == .capitalized, words[index + 1].info.month != 0
        else { return nil }
        let month = Int(words[index + 1].info.month)
        if let year = year(at: index + 2) {
            return DateExpression(value: .explicit(year: year, month: month, day: day), position: index, length: 3)
        }
        return DateExpression(value: .explicit(year: nil, month: month, day: day), position: index, length: 2)
    }

    /// Month numbers of month names and their usual abbreviations, lower case.
    static let monthNumbers: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        let short = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                     "oct": 10, "nov": 11, "dec": 12]
        return short.merging(names.enumerated().map { ($1, $0 + 1) }) { $1 }
    }()

    /// Weekday numbers (1 Monday ... 7 Sunday) of weekday names, lower case.
    static let weekdayNumbers = Dictionary(uniqueKeysWithValues:
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated().map { ($1, $0 + 1) })

    /// A day of the month written as `3`, `03` or `3rd` (lower-case UTF-8).
    static func dayNumber(_ word: ArraySlice<UInt8>) -> Int? {
        // Only a digit (or the sign `Int` accepts) can start one: most words stop here.
        guard let first = word.first, first &- UInt8(ascii: "0") < 10 || first == UInt8(ascii: "+") else {
            return nil
        }
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where digits.count >= 2 && digits.suffix(2).elementsEqual(suffix.utf8) {
            digits = digits.dropLast(2)
        }
        guard (1...2).contains(digits.count), let day = integer(digits), (1...31).contains(day) else { return nil }
        return day
    }

    private static func year(_ word: ArraySlice<UInt8>) -> Int? {
        guard word.count == 4, let year = integer(word), (1900...2199).contains(year) else { return nil }
        return year
    }

    static let countWords = ["two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                             "nine": 9, "ten": 10]

    /// The count the word at `index` names: a count word or a number from 1 to 60.
    private static func countWord(_ sentence: SentenceWords, _ index: Int) -> Int? {
        let count = sentence.words[index].info.count
        if count != 0 { return Int(count) }
        guard let count = integer(sentence.bytes(index)), (1...60).contains(count) else { return nil }
        return count
    }

    /// The integer ASCII `bytes` spell as `Int(_: String)` reads it: an optional sign and one or
    /// more digits, nil on anything else or overflow.
    static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        var digits = bytes
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdding) = negative ? shifted.subtractingReportingOverflow(Int(digit))
                : shifted.addingReportingOverflow(Int(digit))
            guard !overflow, !overflowAdding else { return nil }
            value = next
        }
        return value
    }
}
