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
        let texts = sentence.texts
        var found: [EventTrigger] = []
        var position = 0
        while position < texts.count {
            // "May 3", "March 3": a month name before a number is not a trigger.
            if let entry = lexicon.match(texts, at: position), !isMonthBeforeNumber(sentence, position) {
                let words = sentence.words[position..<(position + entry.words.count)]
                found.append(EventTrigger(category: entry.category, text: words.map(\.original).joined(separator: " "),
                                          lemma: entry.lemma, position: position, length: entry.words.count))
                position += entry.words.count
            } else {
                position += 1
            }
        }
        let violent: Set<EventCategory> = [.battles, .explosionsRemoteViolence]
        let namesCivilians = texts.contains { lexicon.civilianWords.contains($0) }
        if namesCivilians && !found.contains(where: { violent.contains($0.category) }) {
            for (index, text) in texts.enumerated() where lexicon.harmWords.contains(text) {
                guard !found.contains(where: { $0.positions.contains(index) }) else { continue }
                found.append(EventTrigger(category: .violenceAgainstCivilians, text: sentence.words[index].original,
                                          lemma: text, position: index, length: 1))
            }
            found.sort { $0.position < $1.position }
        }
        return found
    }

    private static func isMonthBeforeNumber(_ sentence: SentenceWords, _ position: Int) -> Bool {
        guard position + 1 < sentence.words.count, sentence.words[position].shape == .capitalized else { return false }
        return DateExpression.month(sentence.words[position].text) != nil
            && DateExpression.dayNumber(sentence.words[position + 1].text) != nil
    }
}
