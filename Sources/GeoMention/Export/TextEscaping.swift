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
        out.append(0x22)
        if !withPlainJSONBytes(of: text, { out.append(contentsOf: $0) }) { appendEscapedScalars(of: text, to: &out) }
        out.append(0x22)
    }

    /// The most bytes ``writeJSONString(_:to:)`` writes for `text`: the quotes, and six bytes
    /// for each UTF-8 byte (a control byte becomes `\u00XX`; U+2028 takes three bytes and
    /// becomes six).
    static func jsonStringCapacity(_ text: String) -> Int {
        2 + 6 * text.utf8.count
    }

    /// Writes the bytes of `text` as a JSON string literal (see ``jsonString(_:)``); the
    /// cursor must have ``jsonStringCapacity(_:)`` bytes left.
    static func writeJSONString(_ text: String, to cursor: inout ByteCursor) {
        cursor.write(0x22)
        if !withPlainJSONBytes(of: text, { cursor.write($0) }) {
            var escaped = [UInt8]()
            appendEscapedScalars(of: text, to: &escaped)
            escaped.withUnsafeBufferPointer { cursor.write($0) }
        }
        cursor.write(0x22)
    }

    /// Hands `copy` the UTF-8 bytes of `text` and returns true when they go into a JSON string
    /// as they are, as most text does (a byte scan decides); false when they need escaping.
    /// (0xE2 starts U+2028 and U+2029, so any text containing it takes the careful path.)
    @inline(__always)
    private static func withPlainJSONBytes(of text: String, _ copy: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy(isPlainJSONByte) else { return false }
            copy(bytes)
            return true
        } ?? false
    }

    /// Whether a UTF-8 byte can be copied into a JSON string as it is, whatever surrounds it.
    private static func isPlainJSONByte(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2
    }

    /// The body of a JSON string literal, one scalar at a time.
    private static func appendEscapedScalars(of text: String, to out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: #"\""#.utf8)
            case "\\": out.append(contentsOf: #"\\"#.utf8)
            case "\n": out.append(contentsOf: #"\n"#.utf8)
            case "\r": out.append(contentsOf: #"\r"#.utf8)
            case "\t": out.append(contentsOf: #"\t"#.utf8)
            case "\u{08}": out.append(contentsOf: #"\b"#.utf8)
            case "\u{0C}": out.append(contentsOf: #"\f"#.utf8)
            case "\u{2028}": out.append(contentsOf: #"\u2028"#.utf8)
            case "\u{2029}": out.append(contentsOf: #"\u2029"#.utf8)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out.append(contentsOf: #"\u"#.utf8)
                    out.append(contentsOf: hex4(scalar.value).utf8)
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
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

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
