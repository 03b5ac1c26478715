#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The normalised names of one document's mentions, numbered in order of first appearance.
///
/// The recogniser keeps several tallies per name (how often it recurs, whether it is used for a
/// person, which sure places it names). With the names numbered once, those tallies are arrays
/// indexed by number rather than dictionaries that hash the name again for every lookup.
struct MentionKeys {
    /// The number of each mention's key, in mention order.
    let ids: [Int]
    /// How many distinct keys the mentions have; every number lies in `0..<count`.
    let count: Int

    init(_ mentions: [Mention]) {
        // Each key is read in place: going through a copy of its mention would copy (and
        // release) the candidate list and texts too.
        self.init(count: mentions.count) { mentions[$0].key }
    }

    /// Numbers the `count` keys that `key` gives by position. Keys are told apart by their UTF-8
    /// bytes.
    ///
    /// A document has a few dozen keys, so the numbering is its own small open-addressed table
    /// rather than a ``ByteWordTable``: one array of slots, kept at most half full, and the first
    /// string of each distinct key to compare against, instead of that table's copies of every
    /// key's bytes, offsets and hashes. A slot holds the high half of its key's hash beside the
    /// key's number plus one (0 for an empty slot), so only a key whose hash agrees is compared.
    init(count: Int, key: (Int) -> String) {
        var capacity = 16
        while capacity < 2 * count { capacity &*= 2 }
        let mask = capacity - 1
        var slots = [UInt64](filling: 0, count: capacity)
        var distinct: [String] = []
        distinct.reserveCapacity(count)
        var ids: [Int] = []
        ids.reserveCapacity(count)
        slots.withUnsafeMutableBufferPointer { slots in
            for position in 0..<count {
                var text = key(position)
                let known = text.withUTF8 { bytes -> Int? in
                    let hash = Self.hash(bytes)
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let stored = slots[slot]
                        if stored == 0 {
                            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(distinct.count + 1)
                            return nil
                        }
                        if (stored ^ hash) >> 32 == 0 {
                            let number = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
                            if Self.hasBytes(distinct[number], bytes) { return number }
                        }
                        slot = (slot + 1) & mask
                    }
                }
                if let known {
                    ids.append(known)
                } else {
                    ids.append(distinct.count)
                    distinct.append(text)
                }
            }
        }
        self.ids = ids
        self.count = distinct.count
    }

    /// Whether `text` is spelled with exactly the UTF-8 bytes `bytes`.
    private static func hasBytes(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { stored in
            guard stored.count == bytes.count else { return false }
            guard let a = stored.baseAddress, let b = bytes.baseAddress else { return true }
            return memcmp(a, b, stored.count) == 0
        }
    }

    /// A hash of `bytes` for the numbering alone (nothing stores it), read in at most a few
    /// unaligned loads that never pass the buffer's ends: whole eight-byte words, then the last
    /// eight bytes (overlapping the words before), or for a shorter key two overlapping halves or
    /// its first, middle and last byte. The length is mixed in, and the result's halves mixed so
    /// that both the slot (low bits) and the tag (high bits) depend on every byte.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
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
