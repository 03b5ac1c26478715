#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a well-formed JSON Lines record straight from its bytes.
///
/// Nearly every line of a real feed is a plain JSON object whose `text`, `title`, `date` and
/// `url` are strings and whose `id` is a string or an integer. This reader handles exactly
/// those lines, checking the whole line against the strict JSON grammar (RFC 8259) and
/// skipping every other key's value, nested or not, without building it.
///
/// It answers `nil` whenever it is not certain to read the line the way Foundation's
/// `JSONDecoder` does, and ``JSONLineRecord/parse(_:with:)`` then hands the line to the
/// decoder, which also words every problem. That covers any grammar error, invalid UTF-8,
/// a lone surrogate escape, a raw control character inside a string, nesting deeper than
/// ``maximumDepth``, one of the five keys given twice, and a field of any other type (a
/// fractional or very long numeric `id`, say). So a line read here gives the same record the
/// decoder would give, and a line the decoder refuses is never read here.
struct JSONRecordReader {
    /// The deepest nesting of arrays and objects read here; deeper values go to the decoder,
    /// which has a limit of its own.
    static let maximumDepth = 128

    /// The longest integer `id` read here: 18 digits always fit in an `Int64`.
    private static let maximumIDDigits = 18

    /// The keys of a record.
    private enum Field: Int {
        case id, text, title, date, url

        /// The field a key names, or `nil` for any other key. String equality, as the
        /// decoder's key lookup uses, so an escaped or canonically equivalent spelling names
        /// the field too.
        init?(key: String) {
            switch key {
            case "id": self = .id
            case "text": self = .text
            case "title": self = .title
            case "date": self = .date
            case "url": self = .url
            default: return nil
            }
        }
    }

    /// A value of one of the five fields, as far as this reader accepts it.
    private enum FieldValue {
        case string(String)
        case null
        /// An integer literal, kept as its text (which is already how `Int64` prints it).
        case integer(String)
    }

    /// The values of the five fields read so far, `nil` for a field not seen yet.
    private struct FieldValues {
        var id: FieldValue?
        var text: FieldValue?
        var title: FieldValue?
        var date: FieldValue?
        var url: FieldValue?

        subscript(field: Field) -> FieldValue? {
            get {
                switch field {
                case .id: id
                case .text: text
                case .title: title
                case .date: date
                case .url: url
                }
            }
            set {
                switch field {
                case .id: id = newValue
                case .text: text = newValue
                case .title: title = newValue
                case .date: date = newValue
                case .url: url = newValue
                }
            }
        }
    }

    /// A string literal found by ``scanString()``: the bytes between the quotes, and whether
    /// they need more than copying (escapes, or bytes outside ASCII to validate).
    private struct StringSpan {
        var start: Int
        var end: Int
        var hasEscapes: Bool
        var isASCII: Bool
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The record on `line`, or `nil` when the line must go to the decoder instead.
    static func record(in line: ArraySlice<UInt8>) -> JSONLineRecord? {
        line.withUnsafeBufferPointer { buffer in
            var reader = JSONRecordReader(bytes: buffer)
            return reader.readRecord()
        }
    }

    // MARK: - The record

    private mutating func readRecord() -> JSONLineRecord? {
        var values = FieldValues()
        skipSpace()
        guard consume(0x7B) else { return nil }
        skipSpace()
        if !consume(0x7D) {
            while true {
                guard let span = scanString(), let field = field(named: span) else { return nil }
                skipSpace()
                guard consume(0x3A) else { return nil }
                skipSpace()
                if let field {
                    guard values[field] == nil, let value = readFieldValue() else { return nil }
                    values[field] = value
                } else {
                    guard skipValue(depth: 1) else { return nil }
                }
                skipSpace()
                if consume(0x2C) {
                    skipSpace()
                    continue
                }
                guard consume(0x7D) else { return nil }
                break
            }
        }
        skipSpace()
        guard index == bytes.count else { return nil }

        guard case .string(let text)? = values.text else { return nil }
        var record = JSONLineRecord(text: text)
        switch values.id {
        case .string(let id)?, .integer(let id)?: record.id = id
        case .null?, nil: break
        }
        guard let title = Self.optionalString(values.title), let date = Self.optionalString(values.date),
              let url = Self.optionalString(values.url)
        else { return nil }
        record.title = title
        record.date = date
        record.url = url
        return record
    }

    /// An optional string field's text (`.some(nil)` when absent or `null`), or `nil` when it
    /// holds an integer, which only `id` may.
    private static func optionalString(_ value: FieldValue?) -> String?? {
        switch value {
        case .string(let text)?: return .some(text)
        case .null?, nil: return .some(nil)
        case .integer?: return nil
        }
    }

    /// The field a scanned key names: `.some(nil)` for any other key, `nil` when the key is
    /// not well-formed. A plain ASCII key is matched on its bytes, which for ASCII is what
    /// String equality decides; any other key is decoded and compared as a String.
    private func field(named span: StringSpan) -> Field?? {
        guard !span.hasEscapes, span.isASCII else {
            guard let key = decodeString(span) else { return nil }
            return .some(Field(key: key))
        }
        let key = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        switch key.count {
        case 2 where key[0] == 0x69 && key[1] == 0x64: return .some(.id)
        case 3 where key[0] == 0x75 && key[1] == 0x72 && key[2] == 0x6C: return .some(.url)
        case 4 where key.elementsEqual("text".utf8): return .some(.text)
        case 4 where key.elementsEqual("date".utf8): return .some(.date)
        case 5 where key.elementsEqual("title".utf8): return .some(.title)
        default: return .some(nil)
        }
    }

    /// A field's value: a string, `null`, or an integer of at most ``maximumIDDigits`` digits
    /// (which only `id` may be, as the caller checks); `nil` for anything else.
    private mutating func readFieldValue() -> FieldValue? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 0x22:
            guard let span = scanString(), let value = decodeString(span) else { return nil }
            return .string(value)
        case 0x6E:
            return consumeLiteral("null") ? .null : nil
        case 0x2D, 0x30...0x39:
            let start = index
            guard let isInteger = scanNumber(), isInteger else { return nil }
            let literal = UnsafeBufferPointer(rebasing: bytes[start..<index])
            let digits = literal[0] == 0x2D ? literal.count - 1 : literal.count
            // "-0" prints as "0" through Int64; leave it to the decoder with the other oddities.
            guard digits <= Self.maximumIDDigits, !(literal[0] == 0x2D && literal[1] == 0x30) else { return nil }
            return .integer(String(decoding: literal, as: UTF8.self))
        default:
            return nil
        }
    }

    // MARK: - Grammar

    /// Steps over any JSON value, checking it; `false` when it is malformed or nested deeper
    /// than ``maximumDepth``.
    private mutating func skipValue(depth: Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case 0x22:
            guard let span = scanString() else { return false }
            return isWellFormed(span)
        case 0x7B:
            guard depth < Self.maximumDepth else { return false }
            index += 1
            skipSpace()
            if consume(0x7D) { return true }
            while true {
                guard let key = scanString(), isWellFormed(key) else { return false }
                skipSpace()
                guard consume(0x3A) else { return false }
                skipSpace()
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                if consume(0x7D) { return true }
                guard consume(0x2C) else { return false }
                skipSpace()
            }
        case 0x5B:
            guard depth < Self.maximumDepth else { return false }
            index += 1
            skipSpace()
            if consume(0x5D) { return true }
            while true {
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                if consume(0x5D) { return true }
                guard consume(0x2C) else { return false }
                skipSpace()
            }
        case 0x74: return consumeLiteral("true")
        case 0x66: return consumeLiteral("false")
        case 0x6E: return consumeLiteral("null")
        case 0x2D, 0x30...0x39: return scanNumber() != nil
        default: return false
        }
    }

    /// Steps over a number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`); whether it
    /// was a plain integer, or `nil` when it is malformed.
    private mutating func scanNumber() -> Bool? {
        _ = consume(0x2D)
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x30 {
            index += 1
        } else {
            guard skipDigits() else { return nil }
        }
        var isInteger = true
        if consume(0x2E) {
            isInteger = false
            guard skipDigits() else { return nil }
        }
        if index < bytes.count, bytes[index] | 0x20 == 0x65 {
            isInteger = false
            index += 1
            if !consume(0x2B) { _ = consume(0x2D) }
            guard skipDigits() else { return nil }
        }
        return isInteger
    }

    /// Steps over one or more decimal digits; `false` when there is none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
        return index > start
    }

    /// Steps over a string literal starting at its opening quote, checking its escapes'
    /// syntax; `nil` when it is malformed or holds a raw control character.
    private mutating func scanString() -> StringSpan? {
        guard consume(0x22) else { return nil }
        var span = StringSpan(start: index, end: index, hasEscapes: false, isASCII: true)
        while index < bytes.count {
            skipPlainWords(in: &span)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == 0x22 {
                span.end = index
                index += 1
                return span
            }
            if byte == 0x5C {
                span.hasEscapes = true
                guard index + 1 < bytes.count else { return nil }
                switch bytes[index + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                    index += 2
                case 0x75:
                    guard hexUnit(at: index + 2) != nil else { return nil }
                    index += 6
                default:
                    return nil
                }
                continue
            }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { span.isASCII = false }
            index += 1
        }
        return nil
    }

    /// Steps over whole eight-byte words of string content with no quote, backslash or control
    /// character, noting in `span` whether they hold bytes outside ASCII.
    ///
    /// Each test is the usual word-at-a-time one: `(w - 0x01…) & ~w & 0x80…` flags a zero
    /// byte, and with `0x20…` in place of `0x01…` a byte below 0x20. Either may also flag bytes
    /// above a true hit, never a word without one, which is all a yes-or-no answer needs.
    private mutating func skipPlainWords(in span: inout StringSpan) {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var seen: UInt64 = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let stop = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
            if stop & highs != 0 { break }
            seen |= word
            index += 8
        }
        if seen & highs != 0 { span.isASCII = false }
    }

    /// Whether a scanned string has a text: valid UTF-8 and no lone surrogate escape.
    private func isWellFormed(_ span: StringSpan) -> Bool {
        (!span.hasEscapes && span.isASCII) || decodeString(span) != nil
    }

    /// The text of a scanned string: escapes resolved and UTF-8 validated; `nil` for invalid
    /// UTF-8 or a lone surrogate escape.
    ///
    /// An escaped string is unescaped straight into the new String's storage, whose own check
    /// is then the only pass over the text in the usual case. That check repairs instead of
    /// refusing, so a text from raw bytes outside ASCII is trusted only when it holds no U+FFFD,
    /// which every repair leaves; one that does is checked once more on its raw bytes. (Escapes
    /// are ASCII, so the raw bytes are valid UTF-8 exactly when every run between escapes is, and
    /// each escape adds a whole scalar; from ASCII raw bytes the text is always valid.)
    private func decodeString(_ span: StringSpan) -> String? {
        let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        guard span.hasEscapes else {
            return span.isASCII ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
        }
        var hasLoneSurrogate = false
        // Every escape is at least as long as the UTF-8 it stands for, so the raw length suffices.
        let text = String(unsafeUninitializedCapacity: raw.count) { out in
            guard let count = unescape(span, into: out) else {
                hasLoneSurrogate = true
                return 0
            }
            return count
        }
        if hasLoneSurrogate { return nil }
        if span.isASCII || !Self.containsReplacementCharacter(text) { return text }
        return (try? UTF8Span(validating: raw.span)) != nil ? text : nil
    }

    /// Whether `text` holds U+FFFD (`EF BF BD`), found with `memchr` on its lead byte.
    private static func containsReplacementCharacter(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return false }
            var position = 0
            while position < utf8.count, let found = memchr(base + position, 0xEF, utf8.count - position) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at + 2 < utf8.count, utf8[at + 1] == 0xBF, utf8[at + 2] == 0xBD { return true }
                position = at + 1
            }
            return false
        }
    }

    /// Writes the text of a scanned string with escapes into `out`, which has room for the
    /// raw bytes; the number of bytes written, or `nil` for a lone surrogate escape.
    private func unescape(_ span: StringSpan, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
        var written = 0
        var position = span.start
        func copyRun(to end: Int) {
            let count = end - position
            if count > 0 { (target + written).update(from: source + position, count: count) }
            written += count
        }
        while let escape = firstIndex(of: 0x5C, from: position, before: span.end) {
            copyRun(to: escape)
            let kind = bytes[escape + 1]
            position = escape + 2
            let byte: UInt8
            switch kind {
            case 0x62: byte = 0x08
            case 0x66: byte = 0x0C
            case 0x6E: byte = 0x0A
            case 0x72: byte = 0x0D
            case 0x74: byte = 0x09
            case 0x75:
                guard let scalar = escapedScalar(at: &position) else { return nil }
                for unit in UTF8.encode(scalar)! {
                    target[written] = unit
                    written += 1
                }
                continue
            default: byte = kind  // `"`, `\` and `/` stand for themselves.
            }
            target[written] = byte
            written += 1
        }
        copyRun(to: span.end)
        return written
    }

    /// The index of the first `byte` in `start..<end`, if any.
    private func firstIndex(of byte: UInt8, from start: Int, before end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The scalar of a `\u` escape whose hex digits start at `position` (already checked),
    /// reading the low half of a surrogate pair too; `nil` for a lone surrogate.
    private func escapedScalar(at position: inout Int) -> Unicode.Scalar? {
        let unit = hexUnit(at: position)!
        position += 4
        switch unit {
        case 0xD800...0xDBFF:
            guard position + 6 <= bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75,
                  let low = hexUnit(at: position + 2), (0xDC00...0xDFFF).contains(low)
            else { return nil }
            position += 6
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10 | (low - 0xDC00)))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    /// The code unit spelled by four hex digits at `start`, if there are four.
    private func hexUnit(at start: Int) -> UInt32? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<(start + 4)] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: - Bytes

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Steps over `byte` when it comes next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Steps over `literal` when it comes next.
    private mutating func consumeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
        index += count
        return true
    }
}
