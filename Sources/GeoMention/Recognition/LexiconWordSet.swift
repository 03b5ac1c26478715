/// One of the ``RecognitionLexicon`` word lists, asked about by a word's lower-cased UTF-8 bytes.
///
/// The recogniser's rules ask about the words around every spotted name; building a `String` for
/// each and hashing it with the standard library's seeded hasher costs more than the rule itself.
/// An ASCII word is looked up by its bytes in a ``ByteWordTable``: for ASCII text, byte equality
/// is string equality. Any other word is looked up as a string in the list itself, so that
/// Unicode equivalence decides exactly as it does for `Set<String>`.
struct LexiconWordSet: Sendable {
    /// The list as given.
    let words: Set<String>
    /// The list's ASCII words, by their bytes.
    private let asciiWords: ByteWordTable<Bool>
    /// The length in bytes of the longest ASCII word: a longer ASCII word is in no list.
    private let longestASCIIWord: Int

    /// Wraps a word list.
    init(_ words: Set<String>) {
        self.words = words
        var table = ByteWordTable<Bool>(expectedCount: words.count)
        var longest = 0
        for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
            table.insert(word, value: true)
            longest = max(longest, word.utf8.count)
        }
        asciiWords = table
        longestASCIIWord = longest
    }

    /// Whether the word with these (lower-cased) UTF-8 bytes is in the list.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.allSatisfy({ $0 < 0x80 }) else { return words.contains(String(decoding: word, as: UTF8.self)) }
        return word.count <= longestASCIIWord && asciiWords.entry(of: word) != nil
    }

    /// Whether `word` (already lower-cased) is in the list.
    func contains(_ word: String) -> Bool {
        if let found = word.utf8.withContiguousStorageIfAvailable({ contains($0) }) { return found }
        return words.contains(word)
    }
}
