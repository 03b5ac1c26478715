/// A fixed set of lower-case words, numbered in the order given, that answers "which word is
/// this?" for UTF-8 bytes without making a `String` or hashing one.
///
/// The event readers look every word of a sentence up in two of these (the lexicon's and
/// ``EventVocabulary``'s), so a lookup is an FNV-1a hash, usually one probe, and a byte compare.
/// Compute ``hash(_:)`` once per word and pass it to each table.
struct WordTable: Sendable {
    /// Every word's bytes, one after the other.
    private var keys: [UInt8] = []
    /// Word `n` is `keys[starts[n]..<starts[n + 1]]`.
    private var starts: [Int32] = [0]
    /// Open addressing: a word number, or -1 for an empty slot.
    private var slots: [Int32]
    private let mask: Int
    /// One bit per (length, first byte, last byte) signature of a word in the table, so that
    /// most other words are turned away before they are hashed.
    private var signatures = [UInt64](repeating: 0, count: 64)

    /// Numbers `words` 0, 1, 2, ...; a repeated word keeps its first number.
    init<Words: Sequence<String>>(_ words: Words) {
        let list = Array(words)
        var capacity = 16
        while capacity < list.count * 2 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for word in list {
            let bytes = Array(word.utf8)
            let hash = bytes.withUnsafeBufferPointer { Self.hash($0) }
            if bytes.withUnsafeBufferPointer({ number(of: $0, hash: hash) }) != nil { continue }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(starts.count - 1)
            bytes.withUnsafeBufferPointer { bytes in
                let bit = Self.signature(bytes)
                signatures[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            keys.append(contentsOf: bytes)
            starts.append(Int32(keys.count))
        }
    }

    /// How many distinct words the table holds.
    var count: Int { starts.count - 1 }

    /// The word numbered `number`.
    func word(_ number: Int) -> String {
        String(decoding: keys[Int(starts[number])..<Int(starts[number + 1])], as: UTF8.self)
    }

    /// The bit of ``signatures`` that stands for words shaped like `bytes`.
    @inline(__always)
    private static func signature(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = bytes.first, let last = bytes.last else { return 0 }
        return (bytes.count &* 31 &+ Int(first) &* 131 &+ Int(last)) & 4095
    }

    /// False when the table certainly lacks the word spelled `bytes`; true when it may have it.
    @inline(__always)
    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let bit = Self.signature(bytes)
        return signatures[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The FNV-1a hash of `bytes`.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }

    /// The number of the word spelled `bytes`, whose ``hash(_:)`` is `hash`, if the table has it.
    func number(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let number = Int(slots[slot])
            if number < 0 { return nil }
            let start = Int(starts[number]), end = Int(starts[number + 1])
            if end - start == bytes.count {
                var index = 0
                while index < bytes.count, keys[start + index] == bytes[index] { index += 1 }
                if index == bytes.count { return number }
            }
            slot = (slot + 1) & mask
        }
    }
}
