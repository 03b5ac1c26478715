/// The names under which a document's mentions count as evidence (``Mention/evidenceKey``),
/// numbered in order of first appearance.
struct EvidenceNames {
    /// Per mention, the number of its name.
    let ofMention: [Int]
    /// Number of distinct names.
    let count: Int

    init(_ mentions: [Mention]) {
        // Names by a hash of their bytes, probing on to the next hash when another name holds
        // one; a mention of each name stands for it in the comparisons.
        var numbers = IntKeyedTable<Int>(capacity: mentions.count)
        var bearers: [Int] = []
        bearers.reserveCapacity(mentions.count)
        ofMention = mentions.indices.map { position in
            var hash = Self.hash(mentions[position])
            while let known = numbers[hash] {
                if Self.sameName(mentions[bearers[known]], mentions[position]) { return known }
                hash = (hash &+ 1) & Int.max
            }
            _ = numbers.insertIfAbsent(bearers.count, for: hash)
            bearers.append(position)
            return bearers.count - 1
        }
        count = bearers.count
    }

    /// Whether two mentions have the same ``Mention/evidenceKey``, without building it when
    /// both or neither are followed by a unit word.
    private static func sameName(_ a: Mention, _ b: Mention) -> Bool {
        a.cues.contains(.unitWordAfter) == b.cues.contains(.unitWordAfter) ? a.key == b.key : a.evidenceKey == b.evidenceKey
    }

    /// FNV-1a of the UTF-8 bytes of the mention's ``Mention/evidenceKey``, non-negative.
    private static func hash(_ mention: Mention) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        add(mention.key.utf8)
        if mention.cues.contains(.unitWordAfter) { add("#unit".utf8) }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
