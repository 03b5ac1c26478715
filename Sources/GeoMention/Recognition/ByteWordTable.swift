/// A set of distinct words, each with a value, looked up by their UTF-8 bytes.
///
/// The recogniser looks words up by the bytes it already has (a token's lower-cased bytes on
/// the stack) rather than by a `String`, which would have to be built and hashed with the
/// standard library's seeded hasher. Words are numbered in order of insertion; the table is
/// open-addressed on a hash of the bytes (``hash(_:)``) and kept at most half full.
///
/// Most lookups are of words not in the table. Each slot holds the high half of its word's hash
/// beside the word's number, so that a slot of another word is passed over without reading
/// anything else: only a word whose hash agrees is compared byte by byte.
struct ByteWordTable<Value> {
    /// Per slot: 0 when empty, else the high 32 bits of the word's hash over its number plus
    /// one (``slotValue(entry:hash:)``). Its count is a power of two.
    private var slots: [UInt64]
    /// Per word: the hash of its bytes, to place it again when the table grows.
    private var hashes: [UInt64] = []
    /// Per word, and one past the last: where its bytes begin in `bytes`.
    private var starts: [Int] = []
    /// The words' bytes, end to end.
    private var bytes: [UInt8] = []
    /// Per word: its value.
    private(set) var values: [Value] = []

    /// An empty table with room for `expectedCount` words before it grows.
    init(expectedCount: Int = 8) {
        var capacity = 16
        while capacity < 2 * expectedCount { capacity *= 2 }
        slots = [UInt64](filling: 0, count: capacity)
        hashes.reserveCapacity(expectedCount)
        // Reserved before the first start is stored: an array literal would be allocated, then
        // allocated again by the reservation.
        starts.reserveCapacity(expectedCount + 1)
        starts.append(0)
        bytes.reserveCapacity(expectedCount * 8)
        values.reserveCapacity(expectedCount)
    }

    /// How many words the table holds.
    var count: Int { values.count }

    /// The number of `word`, whose hash is `hash` (``hash(_:)``), or nil when it is not in the table.
    func entry(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if let entry = Self.entry(stored, ifHash: hash), holds(entry, word) { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// The number of `word`, whose hash is `hash`: its existing number, or a new one with the value
    /// `value` makes when it was not in the table.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, value: () -> Value) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if let entry = Self.entry(stored, ifHash: hash), holds(entry, word) { return entry }
            slot = (slot + 1) & mask
        }
        let entry = values.count
        slots[slot] = Self.slotValue(entry: entry, hash: hash)
        hashes.append(hash)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        values.append(value())
        if 2 * values.count > slots.count { grow() }
        return entry
    }

    /// What a slot holding word `entry`, whose hash is `hash`, stores.
    @inline(__always)
    private static func slotValue(entry: Int, hash: UInt64) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(truncatingIfNeeded: entry + 1))
    }

    /// The number of the word in a slot that stores `stored` (not 0), or nil when the high half of
    /// its hash differs from that of `hash`, so that it cannot be the word hashed to `hash`.
    @inline(__always)
    private static func entry(_ stored: UInt64, ifHash hash: UInt64) -> Int? {
        (stored ^ hash) >> 32 == 0 ? Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1 : nil
    }

    /// Replaces the value of word `entry`.
    mutating func setValue(_ value: Value, of entry: Int) {
        values[entry] = value
    }

    /// Whether word `entry` has the bytes `word`.
    private func holds(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            UnsafeBufferPointer(rebasing: stored[start..<start + word.count]).elementsEqual(word)
        }
    }

    /// Doubles the slots and places every word again.
    private mutating func grow() {
        slots = [UInt64](filling: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slotValue(entry: entry, hash: hashes[entry])
        }
    }

    /// The hash the table expects for `bytes`, read in at most a few unaligned loads that never
    /// pass the buffer's ends: whole eight-byte words, then the last eight bytes (overlapping the
    /// words before), or for a shorter word two overlapping halves or its first, middle and last
    /// byte. The length is mixed in, and the result's halves mixed so that both the slot (low
    /// bits) and the tag (high bits) depend on every byte. Nothing stores it: it only has to
    /// agree with itself within one run.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        let count = bytes.count
        var hash = UInt64(truncatingIfNeeded: count) &* multiplier
        guard let base = bytes.baseAddress, count > 0 else { return hash }
        let raw = UnsafeRawPointer(base)
        let last: UInt64
        if count >= 8 {
            var offset = 0
            while offset &+ 8 < count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
                hash ^= hash >> 29
                offset &+= 8
            }
            last = raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        } else if count >= 4 {
            last = UInt64(raw.loadUnaligned(as: UInt32.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)) << 32
        } else {
            last = UInt64(base[0]) | UInt64(base[count >> 1]) << 8 | UInt64(base[count &- 1]) << 16
        }
        hash = (hash ^ last) &* multiplier
        hash ^= hash >> 32
        hash = hash &* multiplier
        return hash ^ (hash >> 29)
    }
}

extension ByteWordTable {
    /// The number of `word`, or nil when it is not in the table.
    func entry(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        entry(of: word, hash: Self.hash(word))
    }

    /// Adds `word` with `value` unless it is in the table already.
    mutating func insert(_ word: String, value: Value) {
        var word = word
        _ = word.withUTF8 { insert($0, hash: Self.hash($0)) { value } }
    }
}

extension ByteWordTable: Sendable where Value: Sendable {}
