import Foundation

/// Escaping rules for the text formats the exporters write.
enum TextEscaping {
    /// `text` as a JSON string literal, quotes included.
    ///
    /// Escapes `"` and `\`, writes control characters below U+0020 as `\n`, `\t`, ... or
    /// `\u00XX`, and escapes U+2028 and U+2029 so the output is also valid JavaScript.
    static func jsonString(_ text: String) -> String {
        // Most names need no escaping: a byte scan decides, and the text is copied whole.
        // (0xE2 starts U+2028 and U+2029, so any text containing it takes the careful path.)
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2
        }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// `text` with every character XML 1.0 forbids replaced by U+FFFD.
    ///
    /// Forbidden are the controls below U+0020 other than tab, line feed and carriage return,
    /// and U+FFFE and U+FFFF. One scalar replaces one scalar, so scalar offsets stay valid.
    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbiddenInXML) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isForbiddenInXML(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// `text` escaped for HTML element content and attribute values (`& < > " '`), XML-safe.
    static func html(_ text: String) -> String {
        var out = ""
        for scalar in xmlSafe(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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
