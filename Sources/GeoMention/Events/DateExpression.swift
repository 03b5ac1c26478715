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
        let words = sentence.words
        let texts = sentence.texts
        func text(_ index: Int) -> String? { index < texts.count ? texts[index] : nil }
        var found: [DateExpression] = []
        var index = 0
        while index < words.count {
            let matched = match(at: index, words: words, text: text)
            if let matched {
                found.append(matched)
                index += matched.length
            } else {
                index += 1
            }
        }
        return found
    }

    private static func match(at index: Int, words: [SentenceWords.Word],
                              text: (Int) -> String?) -> DateExpression? {
        func make(_ value: Value, _ length: Int) -> DateExpression {
            DateExpression(value: value, position: index, length: length)
        }
        let word = words[index].text
        switch (word, text(index + 1), text(index + 2)) {
        case ("yesterday", _, _), ("overnight", _, _), ("last", "night", _):
            return make(.relative(days: -1, precision: .day), word == "last" ? 2 : 1)
        case ("today", _, _), ("tonight", _, _):
            return make(.relative(days: 0, precision: .day), 1)
        case ("this", "morning", _), ("this", "afternoon", _), ("this", "evening", _):
            return make(.relative(days: 0, precision: .day), 2)
        case ("last", "week", _):
            return make(.relative(days: -7, precision: .week), 2)
        case ("a", "week", "ago"):
            return make(.relative(days: -7, precision: .week), 3)
        case ("this", "week", _):
            return make(.relative(days: 0, precision: .week), 2)
        case ("last", "month", _):
            return make(.relativeMonth(-1), 2)
        case ("this", "month", _):
            return make(.relativeMonth(0), 2)
        case ("last", "year", _):
            return make(.undatable, 2)
        case (_, "years", "ago"), (_, "months", "ago"), (_, "weeks", "ago"):
            guard countWord(word) != nil || word == "several" || word == "many" else { return nil }
            return make(.undatable, 3)
        case ("in", let next?, _), ("since", let next?, _):
            guard year(next) != nil, !(index + 2 < words.count && month(words[index + 2].text) != nil) else { return nil }
            return make(.undatable, 2)
        case (_, "days", "ago"):
            guard let count = countWord(word) else { return nil }
            return make(.relative(days: -count, precision: .day), 3)
        case ("last", let next?, _):
            guard index + 1 < words.count, words[index + 1].shape == .capitalized, let day = weekday(next) else {
                return nil
            }
            return make(.weekday(day, strictlyBefore: true), 2)
        default:
            break
        }
        if words[index].shape == .capitalized, let day = weekday(word) {
            return make(.weekday(day, strictlyBefore: false), 1)
        }
        return explicitDate(at: index, words: words, text: text)
    }

    /// `March 3[, 2024]`, `3 March[ 2024]`, `March 2024`.
    private static func explicitDate(at index: Int, words: [SentenceWords.Word],
                                     text: (Int) -> String?) -> DateExpression? {
        let word = words[index].text
        if words[index].shape == .capitalized, let month = month(word) {
            if let next = text(index + 1), let day = dayNumber(next) {
                if let after = text(index + 2), let year = year(after) {
                    return DateExpression(value: .explicit(year: year, month: month, day: day), position: index, length: 3)
                }
                return DateExpression(value: .explicit(year: nil, month: month, day: day), position: index, length: 2)
            }
            if let next = text(index + 1), let year = year(next) {
                return DateExpression(value: .explicit(year: year, month: month, day: nil), position: index, length: 2)
            }
            return nil
        }
        guard let day = dayNumber(word), let next = text(index + 1), index + 1 < words.count,
              words[index + 1].shape == .capitalized, let month = month(next)
        else { return nil }
        if let after = text(index + 2), let year = year(after) {
            return DateExpression(value: .explicit(year: year, month: month, day: day), position: index, length: 3)
        }
        return DateExpression(value: .explicit(year: nil, month: month, day: day), position: index, length: 2)
    }

    /// The month number of a month name or its usual abbreviation, lower case.
    static func month(_ word: String) -> Int? {
        monthNumbers[word]
    }

    private static let monthNumbers: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        let short = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                     "oct": 10, "nov": 11, "dec": 12]
        return short.merging(names.enumerated().map { ($1, $0 + 1) }) { $1 }
    }()

    /// The weekday (1 Monday ... 7 Sunday) of a weekday name, lower case.
    static func weekday(_ word: String) -> Int? {
        weekdayNumbers[word]
    }

    private static let weekdayNumbers = Dictionary(uniqueKeysWithValues:
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated().map { ($1, $0 + 1) })

    /// A day of the month written as `3`, `03` or `3rd`.
    static func dayNumber(_ word: String) -> Int? {
        // Only a digit (or the sign `Int` accepts) can start one: most words stop here.
        guard let first = word.utf8.first, (0x30...0x39).contains(first) || first == UInt8(ascii: "+") else {
            return nil
        }
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
        }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCII), let day = Int(digits),
              (1...31).contains(day)
        else { return nil }
        return day
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), (1900...2199).contains(year) else { return nil }
        return year
    }

    private static let countWords = ["two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                                     "nine": 9, "ten": 10]

    private static func countWord(_ word: String) -> Int? {
        if let count = countWords[word] { return count }
        guard let count = Int(word), (1...60).contains(count) else { return nil }
        return count
    }
}
