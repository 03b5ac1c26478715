/// The word that governs a place mention: the preposition or trigger it depends on.
///
/// Found by walking back from the mention over determiners, adjectives and container phrases
/// ("the southern port city of", "residential districts of", "occupied") to the first other
/// word, within the mention's clause. "north of", "outside", "near", "around", "close to"
/// and "the outskirts of" mark the mention as near rather than at the place.
struct MentionGovernor: Hashable, Sendable {
    /// What governs the mention.
    enum Kind: Hashable, Sendable {
        /// A locative preposition ("in", "near", "north of").
        case preposition(String)
        /// A trigger word at this position of the sentence ("shelled", "siege").
        case trigger(position: Int)
    }

    var kind: Kind
    /// Position of the governing word.
    var position: Int
    /// Whether the mention is written as near the place rather than at it.
    var isNear: Bool

    /// Prepositions that say where something happens.
    static let locative: Set<String> = [
        "in", "at", "near", "outside", "on", "into", "across", "around", "over", "inside", "throughout",
        "towards", "toward", "nearby", "beyond", "along",
    ]
    static let nearWords: Set<String> = ["near", "outside", "around", "nearby", "beyond", "outskirts", "suburbs", "close"]
    static let compass: Set<String> = [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "north-east", "north-west", "south-east", "south-west",
    ]
    /// Words that may stand between the governor and the mention.
    static let skippable: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "nearby", "itself",
        "occupied", "embattled", "frontline", "front-line", "key", "strategic", "industrial", "residential",
        "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
        "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
        "russian-occupied", "russian-held", "ukrainian-held", "rebel-held", "government-held", "capital",
        "city", "town", "village", "port", "region", "province", "district", "districts", "area", "areas",
        "outskirts", "suburbs", "suburb", "centre", "center", "streets", "parts", "part", "downtown", "of",
        "heavily", "devastated", "ruined",
    ]

    /// The governor of the mention whose first word is at `first`, given the sentence's triggers.
    static func find(first: Int, in sentence: SentenceWords, triggers: [EventTrigger]) -> MentionGovernor? {
        let words = sentence.words
        var isNear = false
        var position = first - 1
        var steps = 0
        var clauseStart = words[first].afterBreak
        while position >= 0, steps < 8, !clauseStart {
            let word = words[position].info
            if let trigger = triggers.first(where: { $0.positions.contains(position) }) {
                return MentionGovernor(kind: .trigger(position: trigger.position), position: position, isNear: isNear)
            }
            if word.keyword == .of || word.keyword == .to, position > 0 {
                let before = words[position - 1].info
                if before.roles.contains(.compass) || before.keyword == .close {
                    let phrase = sentence.lowercasedText(position - 1) + " " + sentence.lowercasedText(position)
                    return MentionGovernor(kind: .preposition(phrase), position: position - 1, isNear: true)
                }
            }
            if word.roles.contains(.locative) {
                return MentionGovernor(kind: .preposition(sentence.lowercasedText(position)), position: position,
                                       isNear: isNear || word.roles.contains(.near))
            }
            // Numbers and units in "10 km north of".
            guard word.roles.contains(.skippable) || words[position].isNumber || word.keyword == .km
                    || word.keyword == .miles else {
                return nil
            }
            if word.roles.contains(.near) { isNear = true }
            clauseStart = words[position].afterBreak
            position -= 1
            steps += 1
        }
        return nil
    }
}
