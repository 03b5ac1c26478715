/// A fixed set of lower-case words, numbered in the order given, that answers "which word is
/// this?" for UTF-8 bytes without making a `String` or hashing one.
///
/// The event readers look every word of a sentence up in two of these (the lexicon's and
/// ``EventVocabulary``'s), so the words are held in a ``ByteWordTable`` (compute ``hash(_:)``
/// once per word and pass it to each table) behind a one-bit-per-shape filter that turns most
/// other words away before they are hashed.
struct WordTable: Sendable {
    /// The words, numbered in order of insertion.
    private var table: ByteWordTable<Void>
    /// One bit per (length, first byte, last byte) signature of a word in the table.
    private var signatures = [UInt64](repeating: 0, count: 64)

    /// Numbers `words` 0, 1, 2, ...; a repeated word keeps its first number.
    init<Words: Sequence<String>>(_ words: Words) {
        let list = Array(words)
        table = ByteWordTable(expectedCount: list.count)
        for word in list {
            var word = word
            word.withUTF8 { bytes in
                _ = table.insert(bytes, hash: Self.hash(bytes)) { () }
                let bit = Self.signature(bytes)
                signatures[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    /// How many distinct words the table holds.
    var count: Int { table.count }

    /// The bit of ``signatures`` that stands for words shaped like `bytes`; the same in every
    /// table, so that a word tested against several is shaped once (``mayContain(signature:)``).
    @inline(__always)
    static func signature(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = bytes.first, let last = bytes.last else { return 0 }
        return (bytes.count &* 31 &+ Int(first) &* 131 &+ Int(last)) & 4095
    }

    /// False when the table certainly lacks the word spelled `bytes`; true when it may have it.
    @inline(__always)
    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        mayContain(signature: Self.signature(bytes))
    }

    /// ``mayContain(_:)`` for the word whose ``signature(_:)`` is `bit`.
    @inline(__always)
    func mayContain(signature bit: Int) -> Bool {
        signatures[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The hash ``number(of:hash:)`` expects for `bytes`.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteWordTable<Void>.hash(bytes)
    }

    /// The number of the word spelled `bytes`, whose ``hash(_:)`` is `hash`, if the table has it.
    func number(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        table.entry(of: bytes, hash: hash)
    }
}
