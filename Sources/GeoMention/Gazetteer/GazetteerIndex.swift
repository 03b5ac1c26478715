import CMemoryHints
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory-mapped binary index: places, names and countries, read in place.
///
/// The file is mapped read-only and never changes while mapped (a rebuilt index replaces the
/// file by rename), so the instance is immutable and safe to share between threads.
public final class GazetteerIndex: @unchecked Sendable {
    /// Path of the mapped file.
    public let path: String
    private let base: UnsafeRawPointer
    private let length: Int
    let placeCount: Int
    private let slotCount: Int
    private let placesOffset: Int
    private let slotsOffset: Int
    private let postingsOffset: Int
    private let stringsOffset: Int
    private let stringBytes: Int
    private let featureCodes: [String]
    /// One bit per feature byte: capitals (PPLC), and seats (PPLC or PPLA). Held inline, so that
    /// they are told without strings and without touching an array.
    private let capitalFeatures: FeatureBits
    private let seatFeatures: FeatureBits
    /// Countries by ISO alpha-2 code.
    let countries: [String: CountryRecord]
    /// Country names by the code's two capital letters (``CountryNameTable/slot(_:)``), so that a
    /// place's packed country key finds its country's name without building a code string.
    private let countryNames: [String?]
    /// Country and first-level places by their code ("UA" and "UA-46").
    let adminPlaces: [String: Int]
    /// Number of distinct keys.
    let keyCount: Int
    /// Number of (key, place) postings.
    let postingCount: Int

    /// Maps `path` and checks its header.
    /// - Parameter fingerprint: when given, the index must have been built from sources with this
    ///   fingerprint, else ``GazetteerError/corruptIndex(path:reason:)`` is thrown with reason "stale".
    init(path: String, fingerprint: UInt64?) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw GazetteerError.io(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw GazetteerError.io(path: path, reason: String(cString: strerror(errno)))
        }
        let size = Int(info.st_size)
        guard size >= IndexLayout.headerSize else {
            throw GazetteerError.corruptIndex(path: path, reason: "file too short")
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw GazetteerError.io(path: path, reason: "cannot map: \(String(cString: strerror(errno)))")
        }
        let base = UnsafeRawPointer(mapped)
        self.base = base
        length = size
        func u32(_ offset: Int) -> Int { Int(base.littleEndian(UInt32.self, at: offset)) }
        func u64(_ offset: Int) -> Int { Int(base.littleEndian(UInt64.self, at: offset)) }
        let magic = (0..<8).map { base.load(fromByteOffset: $0, as: UInt8.self) }
        let storedFingerprint = base.littleEndian(UInt64.self, at: IndexLayout.Header.fingerprint)
        var problem: String?
        if magic != IndexLayout.magic || u32(IndexLayout.Header.version) != Int(IndexLayout.version) {
            problem = "stale"
        } else if u64(IndexLayout.Header.fileSize) != size {
            problem = "truncated"
        } else if let fingerprint, fingerprint != storedFingerprint {
            problem = "stale"
        }
        let placeCount = u32(IndexLayout.Header.placeCount)
        self.placeCount = placeCount
        let slotCount = u32(IndexLayout.Header.slotCount)
        self.slotCount = slotCount
        let keyCount = u32(IndexLayout.Header.keyCount)
        self.keyCount = keyCount
        let postingCount = u32(IndexLayout.Header.postingCount)
        self.postingCount = postingCount
        let placesOffset = u64(IndexLayout.Header.placesOffset)
        self.placesOffset = placesOffset
        let slotsOffset = u64(IndexLayout.Header.slotsOffset)
        self.slotsOffset = slotsOffset
        let postingsOffset = u64(IndexLayout.Header.postingsOffset)
        self.postingsOffset = postingsOffset
        let stringsOffset = u64(IndexLayout.Header.stringsOffset)
        self.stringsOffset = stringsOffset
        let stringBytes = u32(IndexLayout.Header.stringBytes)
        self.stringBytes = stringBytes
        if problem == nil && (placesOffset + placeCount * IndexLayout.placeSize > size
            || slotsOffset + slotCount * IndexLayout.slotSize > size
            || stringsOffset + stringBytes > size || slotCount == 0) {
            problem = "section out of bounds"
        }
        if let problem {
            munmap(mapped, size)
            throw GazetteerError.corruptIndex(path: path, reason: problem)
        }
        let featuresOffset = u64(IndexLayout.Header.featuresOffset)
        var codes: [String] = []
        for index in 0..<u32(IndexLayout.Header.featureCount) {
            let offset = featuresOffset + index * 8
            codes.append(Self.string(base, stringsOffset, u32(offset), u32(offset + 4)))
        }
        featureCodes = codes
        var capitals = FeatureBits(), seats = FeatureBits()
        for (feature, code) in codes.prefix(256).enumerated() {
            if code == "PPLC" { capitals.insert(UInt8(feature)) }
            if code == "PPLC" || code == "PPLA" { seats.insert(UInt8(feature)) }
        }
        capitalFeatures = capitals
        seatFeatures = seats
        var countries: [String: CountryRecord] = [:]
        let countriesOffset = u64(IndexLayout.Header.countriesOffset)
        for index in 0..<u32(IndexLayout.Header.countryCount) {
            let record = countriesOffset + index * IndexLayout.countrySize
            let bytes = (0..<5).map { base.load(fromByteOffset: record + $0, as: UInt8.self) }
            let iso2 = String(decoding: bytes[0..<2], as: UTF8.self)
            let continent = (24..<26).map { base.load(fromByteOffset: record + $0, as: UInt8.self) }.filter { $0 != 0 }
            countries[iso2] = CountryRecord(
                iso2: iso2, iso3: String(decoding: bytes[2..<5], as: UTF8.self),
                numeric: Int(base.littleEndian(UInt16.self, at: record + 6)),
                place: Int(base.littleEndian(Int32.self, at: record + 8)),
                capital: Int(base.littleEndian(Int32.self, at: record + 12)),
                name: Self.string(base, stringsOffset, u32(record + 16), u32(record + 20)),
                continent: String(decoding: continent, as: UTF8.self))
        }
        self.countries = countries
        var countryNames = [String?](repeating: nil, count: CountryNameTable.size)
        for (code, country) in countries {
            let bytes = Array(code.utf8)
            guard bytes.count == 2 else { continue }
            let key = UInt16(bytes[0]) | UInt16(bytes[1]) << 8
            if let slot = CountryNameTable.slot(key) { countryNames[slot] = country.name }
        }
        self.countryNames = countryNames
        var adminPlaces: [String: Int] = [:]
        let adminsOffset = u64(IndexLayout.Header.adminsOffset)
        for index in 0..<u32(IndexLayout.Header.adminCount) {
            let place = u32(adminsOffset + index * 4)
            let record = placesOffset + place * IndexLayout.placeSize
            let kind = base.load(fromByteOffset: record + IndexLayout.PlaceField.kind, as: UInt8.self)
            let code = kind == PlaceKind.country.code
                ? Self.string(base, 0, record + IndexLayout.PlaceField.country, 2)
                : Self.stringField(base, stringsOffset, record + IndexLayout.PlaceField.admin1)
            if adminPlaces[code] == nil { adminPlaces[code] = place }
        }
        self.adminPlaces = adminPlaces
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }

    private static func string(_ base: UnsafeRawPointer, _ poolOffset: Int, _ offset: Int, _ length: Int) -> String {
        // Many fields are empty (a town's countries, a place's second-level unit).
        guard length > 0 else { return "" }
        let start = base.advanced(by: poolOffset + offset).assumingMemoryBound(to: UInt8.self)
        return String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
    }

    private static func stringField(_ base: UnsafeRawPointer, _ poolOffset: Int, _ fieldOffset: Int) -> String {
        let offset = Int(base.littleEndian(UInt32.self, at: fieldOffset))
        let length = Int(base.littleEndian(UInt32.self, at: fieldOffset + 4))
        return string(base, poolOffset, offset, length)
    }

    // MARK: Places

    @inline(__always)
    private func record(_ index: Int) -> Int { placesOffset + index * IndexLayout.placeSize }

    /// The kind of place `index`, without copying the rest.
    @inline(__always)
    func kind(of index: Int) -> PlaceKind {
        PlaceKind(code: base.load(fromByteOffset: record(index) + IndexLayout.PlaceField.kind, as: UInt8.self)) ?? .city
    }

    /// The population of place `index`.
    @inline(__always)
    func population(of index: Int) -> Int {
        Int(base.littleEndian(UInt32.self, at: record(index) + IndexLayout.PlaceField.population))
    }

    /// The point of place `index`.
    @inline(__always)
    func coordinate(of index: Int) -> (latitude: Double, longitude: Double) {
        let at = record(index)
        let lat = Float(bitPattern: base.littleEndian(UInt32.self, at: at + IndexLayout.PlaceField.latitude))
        let lon = Float(bitPattern: base.littleEndian(UInt32.self, at: at + IndexLayout.PlaceField.longitude))
        return (Self.rounded(lat), Self.rounded(lon))
    }

    /// The two ASCII bytes of the country code of place `index` packed in a `UInt16` (0 when none).
    @inline(__always)
    func countryKey(of index: Int) -> UInt16 {
        base.littleEndian(UInt16.self, at: record(index) + IndexLayout.PlaceField.country)
    }

    /// The name of the country whose code's two ASCII bytes are packed in `key` as
    /// ``countryKey(of:)`` packs them, or nil when the index has no such country.
    @inline(__always)
    func countryName(forKey key: UInt16) -> String? {
        if let slot = CountryNameTable.slot(key) { return countryNames[slot] }
        // Codes that are not two capital letters are not in the table; look them up by string.
        return countries[withUnsafeBytes(of: key.littleEndian) { String(decoding: $0, as: UTF8.self) }]?.name
    }

    /// Slots for two-capital-letter country codes, first letter major.
    private enum CountryNameTable {
        static let size = 26 * 26

        /// The slot of the code packed in `key` (first byte low), or nil unless both bytes are A-Z.
        @inline(__always)
        static func slot(_ key: UInt16) -> Int? {
            let first = Int(key & 0xFF) &- 65, second = Int(key >> 8) &- 65
            guard (0..<26).contains(first) && (0..<26).contains(second) else { return nil }
            return first * 26 + second
        }
    }

    /// The prominence of place `index` (``Prominence``), computed when the index was built.
    @inline(__always)
    func prior(of index: Int) -> Double {
        Double(Float(bitPattern: base.littleEndian(UInt32.self, at: record(index) + IndexLayout.PlaceField.prior)))
    }

    /// The GeoNames feature code of place `index` ("PPLA", "ADM1", "SEA").
    @inline(__always)
    func featureCode(of index: Int) -> String {
        let feature = Int(base.load(fromByteOffset: record(index) + IndexLayout.PlaceField.feature, as: UInt8.self))
        return feature < featureCodes.count ? featureCodes[feature] : ""
    }

    /// A set of feature bytes, one bit each.
    private struct FeatureBits {
        private var words = SIMD4<UInt64>()

        mutating func insert(_ feature: UInt8) {
            words[Int(feature >> 6)] |= 1 << UInt64(feature & 63)
        }

        @inline(__always)
        func contains(_ feature: UInt8) -> Bool {
            words[Int(feature >> 6)] >> UInt64(feature & 63) & 1 != 0
        }
    }

    /// Whether place `index` is a capital or the seat of a first-level unit (feature code PPLC or
    /// PPLA), and whether it is a country's capital (PPLC).
    @inline(__always)
    func seatStatus(of index: Int) -> (isSeat: Bool, isCapital: Bool) {
        let feature = base.load(fromByteOffset: record(index) + IndexLayout.PlaceField.feature, as: UInt8.self)
        return (seatFeatures.contains(feature), capitalFeatures.contains(feature))
    }

    /// The English display name of place `index`, without copying the rest.
    func name(of index: Int) -> String {
        Self.stringField(base, stringsOffset, record(index) + IndexLayout.PlaceField.name)
    }

    /// The rough radius of place `index` in kilometres.
    @inline(__always)
    func radius(of index: Int) -> Int {
        Int(base.littleEndian(UInt16.self, at: record(index) + IndexLayout.PlaceField.radius))
    }

    /// The index of the first-level unit place `index` lies in (itself for a first-level unit), or -1.
    @inline(__always)
    func admin1Place(of index: Int) -> Int {
        Int(base.littleEndian(Int32.self, at: record(index) + IndexLayout.PlaceField.admin1Place))
    }

    /// Float32 holds five decimals of a degree faithfully; round away the binary noise.
    ///
    /// The scaled value is rounded to the nearest whole number, halves away from zero, to the
    /// same bits as `rounded()` gives, but by adding a half and converting to an integer rather
    /// than by a call into the C library (x86-64's baseline has no rounding instruction, and every
    /// candidate's point is rounded). A float times 100 000 has at most 41 significant bits, so
    /// adding a half rounds only sums that stay below the next whole number, and the conversion
    /// cuts towards zero; the result matches `rounded()` for every float (a test compares the two
    /// on the floats nearest each half of the fifth decimal).
    @inline(__always)
    static func rounded(_ value: Float) -> Double {
        let scaled = Double(value) * 100_000
        // Beyond 2^52 every double is whole; the infinities and NaN fail the test too.
        guard abs(scaled) < 0x1p52 else { return scaled.rounded() / 100_000 }
        let whole = Double(Int64(scaled + Double(signOf: scaled, magnitudeOf: 0.5)))
        // A negative value that rounds to zero gives -0, as rounded() does.
        return Double(signOf: scaled, magnitudeOf: whole) / 100_000
    }

    /// Copies place `index` out of the index.
    public func place(at index: Int) -> Place {
        let at = record(index)
        let geonameid = Int(base.littleEndian(Int32.self, at: at))
        let (latitude, longitude) = coordinate(of: index)
        let feature = Int(base.load(fromByteOffset: at + IndexLayout.PlaceField.feature, as: UInt8.self))
        return Place(
            index: index,
            id: Self.stringField(base, stringsOffset, at + IndexLayout.PlaceField.id),
            geonameid: geonameid == 0 ? nil : geonameid,
            kind: kind(of: index),
            name: Self.stringField(base, stringsOffset, at + IndexLayout.PlaceField.name),
            countryCode: countryKey(of: index) == 0 ? "" : Self.string(base, 0, at + IndexLayout.PlaceField.country, 2),
            admin1Code: Self.stringField(base, stringsOffset, at + IndexLayout.PlaceField.admin1),
            admin2Name: Self.stringField(base, stringsOffset, at + IndexLayout.PlaceField.admin2),
            latitude: latitude, longitude: longitude,
            population: population(of: index),
            featureCode: feature < featureCodes.count ? featureCodes[feature] : "",
            radiusKm: Int(base.littleEndian(UInt16.self, at: at + IndexLayout.PlaceField.radius)),
            countries: countryCodes(at: at + IndexLayout.PlaceField.countries),
            nameCount: Int(base.littleEndian(UInt16.self, at: at + IndexLayout.PlaceField.nameCount)))
    }

    /// The codes of the space-separated list in the string field at `fieldOffset`, each decoded
    /// from its own bytes.
    private func countryCodes(at fieldOffset: Int) -> [String] {
        let offset = Int(base.littleEndian(UInt32.self, at: fieldOffset))
        let length = Int(base.littleEndian(UInt32.self, at: fieldOffset + 4))
        guard length > 0 else { return [] }
        let bytes = UnsafeBufferPointer(start: base.advanced(by: stringsOffset + offset).assumingMemoryBound(to: UInt8.self),
                                        count: length)
        return bytes.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Names

    /// Finds a normalised key. Returns nil when the gazetteer has neither the key nor a longer key
    /// that starts with it.
    @inline(__always)
    func entry(forKey key: UnsafeBufferPointer<UInt8>) -> KeyEntry? {
        guard let slot = findSlot(key) else { return nil }
        let isPrefix = slot.load(fromByteOffset: IndexLayout.KeySlot.flags, as: UInt8.self) & IndexLayout.KeyFlag.isPrefix != 0
        let start = Int(slot.littleEndian(UInt32.self, at: IndexLayout.KeySlot.postingStart))
        let count = Int(slot.littleEndian(UInt32.self, at: IndexLayout.KeySlot.postingCount))
        // A key only the word lists know names nothing.
        guard count > 0 || isPrefix else { return nil }
        return KeyEntry(postings: start..<(start + count), isPrefix: isPrefix)
    }

    /// The slot of the key table (``IndexLayout/KeySlot``) holding `key`, or nil. Probing is
    /// linear from the key's home slot; a key is compared by hash and length first, then byte by
    /// byte, inside the slot when it is short.
    @inline(__always)
    private func findSlot(_ key: UnsafeBufferPointer<UInt8>) -> UnsafeRawPointer? {
        guard let keyBytes = key.baseAddress, !key.isEmpty else { return nil }
        let hash = IndexLayout.hash(key)
        let table = base + slotsOffset
        var position = IndexLayout.homeSlot(of: hash, slotCount: slotCount)
        while true {
            let slot = table + position &* IndexLayout.slotSize
            let length = Int(slot.littleEndian(UInt16.self, at: IndexLayout.KeySlot.length))
            if length == 0 { return nil }
            if length == key.count && slot.littleEndian(UInt32.self, at: IndexLayout.KeySlot.hash) == hash {
                let stored = length <= IndexLayout.KeySlot.inlineKeyLength
                    ? slot + IndexLayout.KeySlot.key
                    : base + stringsOffset + Int(slot.littleEndian(UInt32.self, at: IndexLayout.KeySlot.key))
                if memcmp(stored, keyBytes, length) == 0 { return slot }
            }
            position = position + 1 == slotCount ? 0 : position + 1
        }
    }

    /// Asks the processor to fetch the record of place `index` (both cache lines it may span),
    /// which a reader will read soon, without waiting for it: the records lie in a large mapped
    /// file and are seldom in cache when a place is first met.
    @inline(__always)
    func prefetchPlace(_ index: Int) {
        let at = base + record(index)
        cmh_prefetch_read(at)
        cmh_prefetch_read(at + (IndexLayout.placeSize - 1))
    }

    /// Asks the processor to fetch the postings of `entry` (the lines of its first and last
    /// posting), which the spotter reads when it makes a mention: they lie apart from the key
    /// table in the mapped file, so a fetch started when the key is found overlaps the lookups
    /// that try to extend the name.
    @inline(__always)
    func prefetchPostings(of entry: KeyEntry) {
        guard !entry.postings.isEmpty else { return }
        let first = base + postingsOffset + entry.postings.lowerBound * IndexLayout.postingSize
        cmh_prefetch_read(first)
        cmh_prefetch_read(first + (entry.postings.count * IndexLayout.postingSize - 1))
    }

    /// Asks the processor to fetch the strings of place `index` (its name, id and units), which
    /// ``place(at:)`` reads soon: a document's chosen places are then fetched side by side
    /// rather than one after another. The record itself should already be in cache.
    @inline(__always)
    func prefetchPlaceStrings(_ index: Int) {
        let at = record(index)
        func prefetchString(_ field: Int) {
            cmh_prefetch_read(base + stringsOffset + Int(base.littleEndian(UInt32.self, at: at + field)))
        }
        prefetchString(IndexLayout.PlaceField.name)
        prefetchString(IndexLayout.PlaceField.id)
        prefetchString(IndexLayout.PlaceField.admin1)
        prefetchString(IndexLayout.PlaceField.admin2)
    }

    /// Finds a normalised key given as a string.
    func entry(forKey key: String) -> KeyEntry? {
        guard !key.isEmpty else { return nil }
        var bytes = Array(key.utf8)
        return bytes.withUnsafeMutableBufferPointer { entry(forKey: UnsafeBufferPointer($0)) }
    }

    /// The place a posting names.
    @inline(__always)
    func postingPlace(_ posting: Int) -> Int {
        Int(base.littleEndian(UInt32.self, at: postingsOffset + posting * IndexLayout.postingSize))
    }

    /// How posting `posting` names its place.
    @inline(__always)
    func postingForm(_ posting: Int) -> NameForm {
        NameForm(code: base.load(fromByteOffset: postingsOffset + posting * IndexLayout.postingSize + 10, as: UInt8.self))
    }

    /// The prior of the place posting `posting` names, as ``prior(of:)`` gives it, read from the
    /// posting itself (the place's record lies elsewhere in the file).
    @inline(__always)
    func postingPrior(_ posting: Int) -> Double {
        Double(Float(bitPattern: base.littleEndian(UInt32.self, at: postingsOffset + posting * IndexLayout.postingSize + 12)))
    }

    /// Whether posting `posting` matches only when written exactly as its surface form.
    @inline(__always)
    func postingIsCaseSensitive(_ posting: Int) -> Bool {
        base.load(fromByteOffset: postingsOffset + posting * IndexLayout.postingSize + 11, as: UInt8.self)
            & IndexLayout.PostingFlag.caseSensitive != 0
    }

    /// Whether posting `posting`'s surface is its place's own display name.
    @inline(__always)
    func postingIsPrimary(_ posting: Int) -> Bool {
        base.load(fromByteOffset: postingsOffset + posting * IndexLayout.postingSize + 11, as: UInt8.self)
            & IndexLayout.PostingFlag.primary != 0
    }

    /// Whether another posting of the same key names the same place as posting `posting`.
    @inline(__always)
    func postingPlaceIsRepeated(_ posting: Int) -> Bool {
        base.load(fromByteOffset: postingsOffset + posting * IndexLayout.postingSize + 11, as: UInt8.self)
            & IndexLayout.PostingFlag.placeRepeated != 0
    }

    /// The surface form's UTF-8 bytes, valid while the index lives.
    @inline(__always)
    func postingSurfaceBytes(_ posting: Int) -> UnsafeBufferPointer<UInt8> {
        let at = postingsOffset + posting * IndexLayout.postingSize
        let offset = Int(base.littleEndian(UInt32.self, at: at + 4))
        let length = Int(base.littleEndian(UInt16.self, at: at + 8))
        return UnsafeBufferPointer(start: base.advanced(by: stringsOffset + offset).assumingMemoryBound(to: UInt8.self),
                                   count: length)
    }

    /// The posting's surface form as listed in `names.tsv`.
    func postingSurface(_ posting: Int) -> String {
        let at = postingsOffset + posting * IndexLayout.postingSize
        let offset = Int(base.littleEndian(UInt32.self, at: at + 4))
        let length = Int(base.littleEndian(UInt16.self, at: at + 8))
        return Self.string(base, stringsOffset, offset, length)
    }

    /// Whether `bytes` are exactly the posting's surface form.
    @inline(__always)
    func postingSurfaceEquals(_ posting: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let at = postingsOffset + posting * IndexLayout.postingSize
        let offset = Int(base.littleEndian(UInt32.self, at: at + 4))
        let length = Int(base.littleEndian(UInt16.self, at: at + 8))
        return length == bytes.count && memcmp(base.advanced(by: stringsOffset + offset), bytes.baseAddress!, length) == 0
    }
}

extension GazetteerIndex {
    /// What the word lists say about `word`, given as lower-case UTF-8 bytes.
    func wordInfo(_ word: UnsafeBufferPointer<UInt8>) -> WordInfo {
        // A key only the names know reads as zeros: the same as an unknown word.
        guard let slot = findSlot(word) else { return .unknown }
        let zipf = slot.load(fromByteOffset: IndexLayout.KeySlot.zipf, as: UInt8.self)
        let flags = slot.load(fromByteOffset: IndexLayout.KeySlot.flags, as: UInt8.self)
        let given = slot.littleEndian(UInt16.self, at: IndexLayout.KeySlot.given)
        let surname = slot.littleEndian(UInt16.self, at: IndexLayout.KeySlot.surname)
        return WordInfo(zipf: Double(zipf) / 10, isLowerCaseWord: flags & IndexLayout.KeyFlag.lowerCaseWord != 0,
                        isProperNoun: flags & IndexLayout.KeyFlag.properNoun != 0,
                        givenNamePercent: Double(given) / 10_000, surnamePercent: Double(surname) / 10_000)
    }
}

extension UnsafeRawPointer {
    /// The little-endian integer stored at `offset` bytes, at any alignment.
    @inline(__always)
    func littleEndian<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}

/// Where a key's postings are, and whether longer keys start with it.
struct KeyEntry: Hashable, Sendable {
    var postings: Range<Int>
    var isPrefix: Bool
}

/// A country as `countries.tsv` lists it.
public struct CountryRecord: Hashable, Sendable {
    public let iso2: String
    public let iso3: String
    public let numeric: Int
    /// Index of the country's place, or -1.
    public let place: Int
    /// Index of its capital's place, or -1.
    public let capital: Int
    public let name: String
    public let continent: String
}
