import Foundation

/// Escaping rules for the text formats the exporters write.
enum TextEscaping {
    /// `text` as a JSON string literal, quotes included.
    ///
    /// Escapes `"` and `\`, writes control characters below U+0020 as `\n`, `\t`, ... or
    /// `\u00XX`, and escapes U+2028 and U+2029 so the output is also valid JavaScript.
    static func jsonString(_ text: String) -> String {
        var out = [UInt8]()
        appendJSONString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `text` as a JSON string literal (see ``jsonString(_:)``).
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: jsonStringCapacity(utf8Count: bytes.count)) { storage in
                var cursor = ByteCursor(storage)
                writeJSONString(utf8: bytes, to: &cursor)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: storage[..<cursor.count]))
            }
        }
    }

    /// The most bytes ``writeJSONString(_:to:)`` writes for `text`: the quotes, and six bytes
    /// for each UTF-8 byte (a control byte becomes `\u00XX`; U+2028 takes three bytes and
    /// becomes six).
    static func jsonStringCapacity(_ text: String) -> Int {
        jsonStringCapacity(utf8Count: text.utf8.count)
    }

    private static func jsonStringCapacity(utf8Count: Int) -> Int {
        2 + 6 * utf8Count
    }

    /// Writes the bytes of `text` as a JSON string literal (see ``jsonString(_:)``); the
    /// cursor must have ``jsonStringCapacity(_:)`` bytes left.
    static func writeJSONString(_ text: String, to cursor: inout ByteCursor) {
        if let done = text.utf8.withContiguousStorageIfAvailable({ bytes in
            writeJSONString(utf8: bytes, to: &cursor)
        }) {
            return done
        }
        var text = text
        text.withUTF8 { writeJSONString(utf8: $0, to: &cursor) }
    }

    /// Writes valid UTF-8 `bytes` as a JSON string literal. Runs of bytes that need no escape
    /// are copied whole; the rest is escaped byte by byte, which is exact for UTF-8: every byte
    /// to escape is ASCII, apart from the three-byte encodings of U+2028 and U+2029.
    ///
    /// The scan takes eight bytes at a time while none of them might need a look
    /// (``mayHoldSpecialJSONByte(_:)``), and goes byte by byte only through a group that does.
    private static func writeJSONString(utf8 bytes: UnsafeBufferPointer<UInt8>, to cursor: inout ByteCursor) {
        cursor.write(0x22)
        var runStart = 0
        var index = 0
        let raw = UnsafeRawBufferPointer(bytes)
        var groupEnd = 0
        while index < bytes.count {
            if index >= groupEnd {
                if index + 8 <= bytes.count {
                    if !mayHoldSpecialJSONByte(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                        index += 8
                        continue
                    }
                    groupEnd = index + 8
                } else {
                    // Fewer than eight bytes are left (all of a short string): one word that
                    // ends with them tells whether any needs a look, so that a plain tail is
                    // copied with the run before it instead of being passed byte by byte.
                    if !mayHoldSpecialJSONByte(tailWord(raw, from: index)) {
                        index = bytes.count
                        continue
                    }
                    groupEnd = bytes.count
                }
            }
            let byte = bytes[index]
            if isPlainJSONByte(byte) {
                index += 1
                continue
            }
            if byte == 0xE2 {
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; any other E2 sequence is copied.
                let isSeparator = index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                if !isSeparator {
                    index += 1
                    continue
                }
            }
            if index > runStart { cursor.write(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            switch byte {
            case 0x22: cursor.write(#"\""#)
            case 0x5C: cursor.write(#"\\"#)
            case 0x0A: cursor.write(#"\n"#)
            case 0x0D: cursor.write(#"\r"#)
            case 0x09: cursor.write(#"\t"#)
            case 0x08: cursor.write(#"\b"#)
            case 0x0C: cursor.write(#"\f"#)
            case 0xE2:
                cursor.write(bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#)
                index += 2
            default:
                // The other controls below U+0020, and U+007F.
                cursor.write(#"\u00"#)
                cursor.write(hexDigit(byte >> 4))
                cursor.write(hexDigit(byte & 0x0F))
            }
            index += 1
            runStart = index
        }
        if index > runStart { cursor.write(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
        cursor.write(0x22)
    }

    /// Whether any of the eight bytes of `word` might be one ``isPlainJSONByte(_:)`` turns
    /// away: below 0x20, or 0x22, 0x5C, 0x7F or 0xE2. Never `false` when one is; the byte
    /// order of the word does not matter.
    @inline(__always)
    private static func mayHoldSpecialJSONByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        /// Sets the high bit of some byte when a byte of `value` is zero (and only then).
        func zeroByteFlags(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let below0x20 = (word &- ones &* 0x20) & ~word
        let flags = below0x20
            | zeroByteFlags(word ^ (ones &* 0x22)) | zeroByteFlags(word ^ (ones &* 0x5C))
            | zeroByteFlags(word ^ (ones &* 0x7F)) | zeroByteFlags(word ^ (ones &* 0xE2))
        return flags & highBits != 0
    }

    /// Eight bytes that end with the bytes of `raw` from `index` on (fewer than eight): the
    /// last eight of `raw`, reaching back over bytes before `index`, or, when `raw` is shorter,
    /// its bytes from `index` followed by plain bytes. Either way the word holds a special
    /// byte (``mayHoldSpecialJSONByte(_:)``) whenever those bytes do.
    @inline(__always)
    private static func tailWord(_ raw: UnsafeRawBufferPointer, from index: Int) -> UInt64 {
        if raw.count >= 8 { return raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self) }
        var word: UInt64 = 0x6161_6161_6161_6161
        withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[index...])) }
        return word
    }

    /// The lower-case hexadecimal digit of `value` (0 to 15).
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }

    /// Whether a UTF-8 byte can be copied into a JSON string as it is, whatever surrounds it
    /// (0xE2 starts U+2028 and U+2029, so it is looked at more closely).
    @inline(__always)
    private static func isPlainJSONByte(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2
    }

    /// `text` with every character XML 1.0 forbids replaced by U+FFFD.
    ///
    /// Forbidden are the controls below U+0020 other than tab, line feed and carriage return,
    /// and U+FFFE and U+FFFF. One scalar replaces one scalar, so scalar offsets stay valid.
    static func xmlSafe(_ text: String) -> String {
        guard !isXMLSafeByByteScan(text) else { return text }
        guard text.unicodeScalars.contains(where: isForbiddenInXML) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isForbiddenInXML(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// Whether a byte scan alone proves `text` free of characters XML 1.0 forbids.
    ///
    /// `false` only means the scalars must be looked at: text whose storage is not contiguous,
    /// or that contains a control byte or 0xEF, the lead byte of U+FFFE and U+FFFF (and of
    /// every other scalar from U+F000 on).
    private static func isXMLSafeByByteScan<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPlainXMLByte) } ?? false
    }

    /// Whether a UTF-8 byte can only belong to a character XML 1.0 allows.
    @inline(__always)
    private static func isPlainXMLByte(_ byte: UInt8) -> Bool {
        byte < 0x40 ? forbiddenXMLControls >> UInt64(byte) & 1 == 0 : byte != 0xEF
    }

    /// The bytes below 0x40 that are XML-forbidden controls, as a bit set: every control but
    /// tab, line feed and carriage return.
    @inline(__always)
    private static var forbiddenXMLControls: UInt64 {
        0xFFFF_FFFF & ~(1 << 0x09 | 1 << 0x0A | 1 << 0x0D)
    }

    /// Whether the UTF-8 `bytes` contain no character XML 1.0 forbids, judged by bytes alone.
    ///
    /// Like ``isXMLSafeByByteScan(_:)``, `false` means undecided, not unsafe.
    static func isXMLSafeByByteScan(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy(isPlainXMLByte)
    }

    /// `text` escaped for HTML element content and attribute values (`& < > " '`), XML-safe.
    static func html(_ text: String) -> String {
        var out = [UInt8]()
        appendHTML(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `text` escaped as by ``html(_:)``.
    ///
    /// Escaping works scalar by scalar, so escaping the pieces of a text one after another
    /// gives the bytes of escaping the whole.
    static func appendHTML<S: StringProtocol>(_ text: S, to out: inout [UInt8]) {
        // Most text needs no escaping: a byte scan decides, and the bytes are copied whole.
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy(isPlainHTMLByte) else { return false }
            out.append(contentsOf: bytes)
            return true
        } ?? false
        if !copied { appendHTMLScalars(of: text, to: &out) }
    }

    /// Whether a UTF-8 byte can be copied into HTML text as it is, whatever surrounds it.
    @inline(__always)
    private static func isPlainHTMLByte(_ byte: UInt8) -> Bool {
        byte < 0x40 ? htmlSpecialLowBytes >> UInt64(byte) & 1 == 0 : byte != 0xEF
    }

    /// The bytes below 0x40 that HTML text cannot carry as they are, as a bit set: the
    /// XML-forbidden controls and `" & ' < >`.
    @inline(__always)
    private static var htmlSpecialLowBytes: UInt64 {
        forbiddenXMLControls | 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
    }

    /// The HTML escaping of `text`, one scalar at a time.
    private static func appendHTMLScalars<S: StringProtocol>(of text: S, to out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\"": out.append(contentsOf: "&quot;".utf8)
            case "'": out.append(contentsOf: "&#39;".utf8)
            default: out.append(contentsOf: UTF8.encode(isForbiddenInXML(scalar) ? "\u{FFFD}" : scalar)!)
            }
        }
    }

    /// A CSV field quoted per RFC 4180 when it contains a comma, quote, CR or LF.
    static func csvField(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether XML 1.0 forbids `scalar` in a document.
    static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return value == 0xFFFE || value == 0xFFFF
    }
}
