/// A word or phrase of a sentence that signals an event type.
public struct EventTrigger: Hashable, Sendable {
    /// The event type it signals.
    public var category: EventCategory
    /// The words as written in the text ("shelled", "missile strike").
    public var text: String
    /// The lemma it is a form of ("shell").
    public var lemma: String
    /// Position of its first word among the sentence's words.
    var position: Int
    /// Number of words.
    var length: Int

    /// The words it covers.
    var positions: Range<Int> { position..<(position + length) }

    /// Every trigger of a sentence, in text order.
    ///
    /// Phrases win over the words inside them. A harm word ("killed") becomes a
    /// ``EventCategory/violenceAgainstCivilians`` trigger when the sentence also names civilians
    /// and has no trigger of battles or remote violence (ACLED files shelling that kills
    /// civilians under explosions/remote violence, by the method).
    static func find(in sentence: SentenceWords, lexicon: EventLexicon) -> [EventTrigger] {
        var found: [EventTrigger] = []
        find(in: sentence, lexicon: lexicon, into: &found)
        return found
    }

    /// Replaces the contents of `found` with every trigger of `sentence`, as
    /// ``find(in:lexicon:)`` gives them, keeping its storage.
    static func find(in sentence: SentenceWords, lexicon: EventLexicon, into found: inout [EventTrigger]) {
        found.removeAll(keepingCapacity: true)
        let words = sentence.words
        let numbered = lexicon.wordIndex
        var position = 0
        while position < words.count {
            // "May 3", "March 3": a month name before a number is not a trigger.
            if let entry = numbered.match(sentence, at: position), !isMonthBeforeNumber(sentence, position) {
                let count = entry.words.count
                found.append(EventTrigger(category: entry.category,
                                          text: sentence.original(position..<(position + count)),
                                          lemma: entry.lemma, position: position, length: count))
                position += count
            } else {
                position += 1
            }
        }
        func isViolent(_ trigger: EventTrigger) -> Bool {
            trigger.category == .battles || trigger.category == .explosionsRemoteViolence
        }
        if words.contains(where: numbered.isCivilian) && !found.contains(where: isViolent) {
            for index in words.indices {
                guard numbered.isHarm(words[index]),
                      !found.contains(where: { $0.positions.contains(index) }) else { continue }
                found.append(EventTrigger(category: .violenceAgainstCivilians, text: sentence.original(index),
                                          lemma: sentence.lowercasedText(index), position: index, length: 1))
            }
            found.sort { $0.position < $1.position }
        }
    }

    private static func isMonthBeforeNumber(_ sentence: SentenceWords, _ position: Int) -> Bool {
        guard position + 1 < sentence.words.count, sentence.words[position].shape == .capitalized else { return false }
        return sentence.words[position].info.month != 0 && DateExpression.dayNumber(sentence.bytes(position + 1)) != nil
    }
}
