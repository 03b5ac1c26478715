import Foundation
import Testing
@testable import GeoMention

/// The byte-level JSON string writer against the rule it implements, scalar by scalar, and
/// against Foundation's reader.
@Suite struct JSONEscapingTests {
    /// Scalars that stress the writer: every byte it escapes, the neighbours of U+2028 and
    /// U+2029 that share their lead byte, and multi-byte text.
    static let pool: [Unicode.Scalar] = [
        "a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}", "\u{7F}",
        "\u{2028}", "\u{2029}", "\u{2014}", "\u{2026}", "\u{2027}", "\u{202A}", "\u{20AC}", "\u{2080}", "é", "Ж",
        "東", "🙂", "\u{FFFD}", "\u{E2}", "\u{80}", "\u{A8}",
    ]

    /// What the writer must produce: `"` and `\` escaped, the usual short escapes, other controls
    /// and U+007F as `\u00xx`, U+2028 and U+2029 as `\u2028` and `\u2029`, the rest as is.
    static func expected(_ text: String) -> String {
        var out = "\""
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
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func randomTextIsEscapedByTheRuleAndReadsBackUnchanged() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 58)
            var text = String.UnicodeScalarView()
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(Self.pool[Int(state >> 33) % Self.pool.count])
            }
            let string = String(text)
            let written = TextEscaping.jsonString(string)
            #expect(written == Self.expected(string))
            var bytes: [UInt8] = []
            TextEscaping.appendJSONString(string, to: &bytes)
            #expect(bytes == Array(written.utf8))
            let read = try JSONSerialization.jsonObject(with: Data(("[" + written + "]").utf8)) as? [String]
            #expect(read == [string])
        }
    }

    /// Mostly plain text, where whole groups and tails of fewer than eight bytes are passed over
    /// at once: every length up to three groups, plain or with one scalar to escape (or a
    /// multi-byte one) at each position.
    @Test func plainTextWithOneSpecialScalarAnywhereIsEscapedByTheRule() {
        let specials: [Unicode.Scalar] = ["\"", "\\", "\n", "\u{01}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2014}", "é"]
        for length in 0...24 {
            let plain = String(repeating: "k", count: length)
            #expect(TextEscaping.jsonString(plain) == Self.expected(plain))
            for position in 0..<length {
                for special in specials {
                    var scalars = Array(plain.unicodeScalars)
                    scalars[position] = special
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: scalars)
                    let string = String(text)
                    #expect(TextEscaping.jsonString(string) == Self.expected(string))
                }
            }
        }
    }

    @Test func bridgedAndSubstringBackedTextIsWrittenTheSame() {
        let text = "Kyiv — \"Lviv\"\u{2028}Odesa\n"
        let bridged = NSString(string: text) as String
        #expect(TextEscaping.jsonString(bridged) == Self.expected(text))
        let sliced = String(("xx" + text).dropFirst(2))
        #expect(TextEscaping.jsonString(sliced) == Self.expected(text))
    }
}
