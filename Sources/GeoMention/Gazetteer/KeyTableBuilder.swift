/// Writes the index's key table: every normalised name key with where its postings are, and
/// every word of the word lists with what the lists say about it, in one open-addressing table
/// of ``IndexLayout/KeySlot`` records.
///
/// A word that is also a name key ("paris", "mobile") shares the name's slot, so that the
/// recogniser's look-ups of a token as a name and as a word touch the same slot.
struct KeyTableBuilder {
    /// Where a name key's postings are, and whether longer keys start with it.
    struct NameKey {
        var postingStart: UInt32
        var postingCount: UInt32
        var isPrefix: Bool
    }

    /// The name keys in the order they were first seen, each with its postings.
    let names: [(key: String, facts: NameKey)]
    /// The index of each name key in `names`.
    let nameIndex: [String: Int]
    /// What the word lists say about each listed word.
    let words: [String: WordTableBuilder.Entry]

    /// Appends the key table to `file`, records where it is in the header and adds the keys too
    /// long to be held in their slots to `pool`.
    func write(into file: inout ByteWriter, pool: inout StringPool) {
        // Name keys first, then the words that are no name key, sorted: the same file every build.
        // A key longer than its length field can hold could never be looked up, so none is stored.
        let wordKeys = words.keys.filter { nameIndex[$0] == nil }.sorted()
        let entries: [(key: String, name: NameKey?)] = (names.map { ($0.key, $0.facts) } + wordKeys.map { ($0, nil) })
            .filter { Self.canStore($0.key) }
        let keys = entries.map(\.key)
        let (hashes, slots) = IndexLayout.slotTable(for: keys)
        file.pad(to: (file.bytes.count + IndexLayout.slotSize - 1) / IndexLayout.slotSize * IndexLayout.slotSize)
        file.set(UInt64(file.bytes.count), at: IndexLayout.Header.slotsOffset)
        file.set(UInt32(slots.count), at: IndexLayout.Header.slotCount)
        for slot in slots {
            let start = file.bytes.count
            defer { file.pad(to: start + IndexLayout.slotSize) }
            guard slot >= 0 else { continue }
            let (key, name) = entries[Int(slot)]
            let bytes = Array(key.utf8)
            let word = words[key] ?? WordTableBuilder.Entry()
            var flags: UInt8 = 0
            if name?.isPrefix == true { flags |= IndexLayout.KeyFlag.isPrefix }
            if word.flags & WordInfo.Flag.lower != 0 { flags |= IndexLayout.KeyFlag.lowerCaseWord }
            if word.flags & WordInfo.Flag.proper != 0 { flags |= IndexLayout.KeyFlag.properNoun }
            file.append(hashes[Int(slot)])
            file.append(UInt16(bytes.count))
            file.append(flags)
            file.append(word.zipf)
            file.append(word.given)
            file.append(word.surname)
            file.append(name?.postingStart ?? 0)
            file.append(name?.postingCount ?? 0)
            if bytes.count <= IndexLayout.KeySlot.inlineKeyLength {
                file.bytes.append(contentsOf: bytes)
            } else {
                file.append(pool.add(key).offset)
            }
        }
    }

    /// Whether `key` can be stored: not empty (an empty length marks a free slot) and not longer
    /// than the length field holds.
    private static func canStore(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= Int(UInt16.max)
    }
}
