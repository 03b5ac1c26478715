/// The words of an ``EventLexicon`` numbered in a ``WordTable``, with what each number means:
/// the entries it starts, and whether it is a harm or a civilian word.
///
/// ``SentenceWords`` numbers every word of a sentence once; ``EventTrigger/find(in:lexicon:)``
/// then matches entries by comparing numbers.
final class LexiconWordIndex: Sendable {
    /// An entry with its words numbered by ``words``.
    struct Phrase: Sendable {
        var entry: EventLexicon.Entry
        var words: [Int32]
    }

    /// Every word of an entry, a harm word or a civilian word, numbered.
    let words: WordTable
    /// By word number: the entries that start with the word, in ``EventLexicon/entries`` order.
    let phrases: [[Phrase]]
    /// By word number: whether the word is in ``EventLexicon/harmWords``.
    let isHarm: [Bool]
    /// By word number: whether the word is in ``EventLexicon/civilianWords``.
    let isCivilian: [Bool]

    init(entries: [String: [EventLexicon.Entry]], harmWords: Set<String>, civilianWords: Set<String>) {
        let table = WordTable(entries.keys.sorted() + entries.values.flatMap { $0.flatMap(\.words) }.sorted()
            + harmWords.sorted() + civilianWords.sorted())
        var phrases = Array(repeating: [Phrase](), count: table.count)
        var isHarm = Array(repeating: false, count: table.count)
        var isCivilian = Array(repeating: false, count: table.count)
        func number(_ word: String) -> Int {
            Array(word.utf8).withUnsafeBufferPointer { table.number(of: $0, hash: WordTable.hash($0))! }
        }
        for (first, candidates) in entries {
            phrases[number(first)] = candidates.map { Phrase(entry: $0, words: $0.words.map { Int32(number($0)) }) }
        }
        for word in harmWords { isHarm[number(word)] = true }
        for word in civilianWords { isCivilian[number(word)] = true }
        words = table
        self.phrases = phrases
        self.isHarm = isHarm
        self.isCivilian = isCivilian
    }

    /// The number of the word spelled by the lower-case `bytes` (hashed by ``WordTable/hash(_:)``),
    /// or -1 when the lexicon does not use it.
    func number(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        words.number(of: bytes, hash: hash).map(Int32.init) ?? -1
    }

    /// Whether `word` is a harm word.
    func isHarm(_ word: SentenceWords.Word) -> Bool {
        word.lexiconWord >= 0 && isHarm[Int(word.lexiconWord)]
    }

    /// Whether `word` is a civilian word.
    func isCivilian(_ word: SentenceWords.Word) -> Bool {
        word.lexiconWord >= 0 && isCivilian[Int(word.lexiconWord)]
    }

    /// The longest entry whose words start at `position` of `sentence`, if any:
    /// ``EventLexicon/match(_:at:)`` on word numbers.
    func match(_ sentence: SentenceWords, at position: Int) -> EventLexicon.Entry? {
        let words = sentence.words
        let first = words[position].lexiconWord
        guard first >= 0 else { return nil }
        return phrases[Int(first)].first { phrase in
            guard position + phrase.words.count <= words.count else { return false }
            for (offset, word) in phrase.words.enumerated() where words[position + offset].lexiconWord != word {
                return false
            }
            return true
        }?.entry
    }
}
