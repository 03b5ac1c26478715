/// The binary index file's layout, shared by ``IndexBuilder`` and ``GazetteerIndex``.
///
/// All integers are little-endian. The file is a fixed header, then these sections: places
/// (fixed records), postings (key → place), the key table (open addressing over every normalised
/// name key and every word of the word lists, see ``KeySlot``), countries, the list of country
/// and first-level places, feature codes, and a pool of UTF-8 strings that everything else refers
/// to by offset and length.
enum IndexLayout {
    static let magic: [UInt8] = Array("GMIDX\u{0}\u{0}\u{1}".utf8)
    /// Bumped whenever the layout or the normaliser changes, so old index files are rebuilt.
    static let version: UInt32 = 8
    static let headerSize = 256

    static let placeSize = 72
    /// A key slot (``KeySlot``); the table starts on a multiple of this, so that no slot straddles
    /// a cache line.
    static let slotSize = 32
    /// A posting: place (UInt32), surface offset (UInt32) and length (UInt16), form, flags, and
    /// the place's prior (Float32), kept beside the posting so that spotting reads no place record.
    static let postingSize = 16
    static let countrySize = 32

    /// Header field offsets.
    enum Header {
        static let version = 8
        static let fingerprint = 16
        static let placeCount = 24
        static let slotCount = 28
        static let keyCount = 32
        static let postingCount = 36
        static let stringBytes = 40
        static let countryCount = 44
        static let adminCount = 48
        static let featureCount = 52
        static let placesOffset = 64
        static let slotsOffset = 72
        static let postingsOffset = 80
        static let countriesOffset = 88
        static let adminsOffset = 96
        static let featuresOffset = 104
        static let stringsOffset = 112
        static let fileSize = 120
    }

    /// Place record field offsets.
    enum PlaceField {
        static let geonameid = 0   // Int32, 0 = none
        static let latitude = 4    // Float32
        static let longitude = 8   // Float32
        static let population = 12 // UInt32
        static let name = 16       // string reference
        static let id = 24
        static let admin1 = 32
        static let admin2 = 40
        static let countries = 48
        static let country = 56    // two ASCII bytes
        static let kind = 58       // UInt8
        static let feature = 59    // UInt8 index into the feature table
        static let radius = 60     // UInt16 km
        static let nameCount = 62  // UInt16
        static let prior = 64      // Float32, ``Prominence`` score
        static let admin1Place = 68 // Int32, index of the first-level unit's place, -1 when none
    }

    /// Posting flags.
    enum PostingFlag {
        /// Matches only exactly as written.
        static let caseSensitive: UInt8 = 1
        /// The surface is the place's own display name.
        static let primary: UInt8 = 2
        /// Another posting of the same key names the same place (one matches case-sensitively,
        /// the other not), so a reader collecting places must look for it among those it has.
        static let placeRepeated: UInt8 = 4
    }

    /// One slot of the key table. A key is a gazetteer name's normalised key (or the first words
    /// of one), a word of the word lists, or both; one probe answers what the names and the word
    /// lists say about it, and a key short enough is compared inside the slot, without reaching
    /// into the string pool.
    enum KeySlot {
        /// UInt32, the key's ``IndexLayout/hash(_:)``.
        static let hash = 0
        /// UInt16, the key's length in bytes; 0 for an empty slot.
        static let length = 4
        /// UInt8, ``KeyFlag`` bits.
        static let flags = 6
        /// UInt8, the word's Zipf frequency times ten.
        static let zipf = 7
        /// UInt16, the word's share as a given name, in ten-thousandths of a percent.
        static let given = 8
        /// UInt16, the word's share as a surname, in ten-thousandths of a percent.
        static let surname = 10
        /// UInt32, the key's first posting.
        static let postingStart = 12
        /// UInt32, the key's number of postings.
        static let postingCount = 16
        /// The key's bytes when at most ``inlineKeyLength`` long (zero-padded), else the UInt32
        /// offset of the key in the string pool.
        static let key = 20
        static let inlineKeyLength = 12
    }

    /// Key slot flags.
    enum KeyFlag {
        /// The key is the first words of a longer name key ("new" of "new york").
        static let isPrefix: UInt8 = 1
        /// The English dictionary lists the word in lower case.
        static let lowerCaseWord: UInt8 = 2
        /// The English dictionary lists the word only capitalised.
        static let properNoun: UInt8 = 4
    }

    /// The first slot probed for a key whose hash is `hash`, in a table of `slotCount` slots:
    /// the hash scaled to the table by a multiplication, which needs no division.
    @inline(__always)
    static func homeSlot(of hash: UInt32, slotCount: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(hash) &* UInt64(slotCount)) >> 32)
    }

    /// Places keys in an open-addressing table of about 1.5 slots per key, probing linearly
    /// from each key's home slot as ``GazetteerIndex`` does when it looks one up.
    /// - Returns: the hash of each key and, per slot, the key index it holds or -1.
    static func slotTable(for keys: [String]) -> (hashes: [UInt32], slots: [Int32]) {
        let slotCount = max(16, keys.count + keys.count / 2)
        var slots = [Int32](repeating: -1, count: slotCount)
        var hashes: [UInt32] = []
        hashes.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            let hash = Array(key.utf8).withUnsafeBufferPointer { Self.hash($0) }
            hashes.append(hash)
            var position = homeSlot(of: hash, slotCount: slotCount)
            while slots[position] >= 0 { position = position + 1 == slotCount ? 0 : position + 1 }
            slots[position] = Int32(index)
        }
        return (hashes, slots)
    }

    /// 32-bit FNV-1a over the key bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }
}

/// Appends little-endian values to a growing byte array.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Float) { append(value.bitPattern) }

    mutating func pad(to size: Int) {
        if bytes.count < size { bytes.append(contentsOf: repeatElement(0, count: size - bytes.count)) }
    }

    mutating func set<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (index, byte) in raw.enumerated() { bytes[offset + index] = byte }
        }
    }
}
