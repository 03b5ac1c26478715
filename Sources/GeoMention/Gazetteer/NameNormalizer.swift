import Foundation

/// Reduces a place name to the key under which the gazetteer stores it.
///
/// Every stage that compares names uses this one normaliser, so "Kiev", "KIEV" and "kiev" meet,
/// as do "U.S." and "US", "Côte d’Ivoire" and "Cote d'Ivoire", "Port-au-Prince" and
/// "Port au Prince". The rules:
/// - letters are lower-cased and stripped of diacritics (a few letters that do not decompose are
///   mapped by hand: ł→l, ø→o, đ→d, ß→ss, æ→ae, œ→oe, ı→i, þ→th);
/// - apostrophes of every kind and periods are removed ("U.S." → "us", "Xi'an" → "xian");
/// - hyphens, dashes, slashes, underscores and runs of white space become one space;
/// - leading and trailing spaces are dropped.
///
/// ```swift
/// NameNormalizer.normalize("Côte d’Ivoire")  // "cote divoire"
/// NameNormalizer.normalize("U.S.")           // "us"
/// ```
public enum NameNormalizer {
    /// Returns the normalised key of `name`.
    public static func normalize<S: StringProtocol>(_ name: S) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        append(name, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the normalised form of `name` to `output`, adding one separating space first when
    /// `output` is not empty and does not already end in one.
    public static func append<S: StringProtocol>(_ name: S, to output: inout [UInt8]) {
        var pendingSpace = !output.isEmpty && output.last != 0x20
        var asciiOnly = true
        for byte in name.utf8 where byte >= 0x80 {
            asciiOnly = false
            break
        }
        if asciiOnly {
            for byte in name.utf8 {
                appendASCII(byte, to: &output, pendingSpace: &pendingSpace)
            }
        } else {
            for scalar in name.unicodeScalars {
                appendScalar(scalar, to: &output, pendingSpace: &pendingSpace)
            }
        }
        if output.last == 0x20 { output.removeLast() }
    }

    /// Normalises one ASCII byte. Letters and digits are kept (lower-cased); separators become a
    /// pending space; apostrophes and periods vanish.
    @inline(__always)
    static func appendASCII(_ byte: UInt8, to output: inout [UInt8], pendingSpace: inout Bool) {
        switch byte {
        case 0x41...0x5A:  // A-Z
            flushSpace(&output, &pendingSpace)
            output.append(byte | 0x20)
        case 0x61...0x7A, 0x30...0x39:  // a-z, 0-9
            flushSpace(&output, &pendingSpace)
            output.append(byte)
        case 0x27, 0x2E, 0x60:  // ' . `
            break
        case 0x26:  // & is kept: "Trinidad & Tobago"
            flushSpace(&output, &pendingSpace)
            output.append(byte)
        default:  // space, hyphen, slash, comma, underscore and other punctuation
            if !output.isEmpty { pendingSpace = true }
        }
    }

    @inline(__always)
    private static func flushSpace(_ output: inout [UInt8], _ pendingSpace: inout Bool) {
        if pendingSpace {
            if !output.isEmpty { output.append(0x20) }
            pendingSpace = false
        }
    }

    /// Normalises one scalar of any script.
    static func appendScalar(_ scalar: Unicode.Scalar, to output: inout [UInt8], pendingSpace: inout Bool) {
        if scalar.isASCII {
            appendASCII(UInt8(scalar.value), to: &output, pendingSpace: &pendingSpace)
            return
        }
        switch scalar.value {
        case 0x2018, 0x2019, 0x201B, 0x02BC, 0x02BB, 0x02B9, 0x00B4, 0x2032:  // apostrophes, primes
            return
        case 0x2010...0x2015, 0x2212, 0x00A0, 0x2000...0x200A, 0x202F, 0x3000:  // dashes, spaces
            if !output.isEmpty { pendingSpace = true }
            return
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD:  // zero-width characters, soft hyphen
            return
        default:
            break
        }
        if let mapped = specialFolds[scalar.value] {
            flushSpace(&output, &pendingSpace)
            output.append(contentsOf: mapped.utf8)
            return
        }
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
            return
        }
        if properties.isWhitespace || properties.generalCategory == .dashPunctuation {
            if !output.isEmpty { pendingSpace = true }
            return
        }
        if !(properties.isAlphabetic || properties.numericType != nil) {
            if !output.isEmpty { pendingSpace = true }
            return
        }
        flushSpace(&output, &pendingSpace)
        // Canonical decomposition, then drop the combining marks and lower-case the base letters.
        let folded = String(scalar).decomposedStringWithCanonicalMapping.lowercased()
        for part in folded.unicodeScalars {
            let category = part.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark { continue }
            if let mapped = specialFolds[part.value] {
                output.append(contentsOf: mapped.utf8)
            } else {
                output.append(contentsOf: String(part).utf8)
            }
        }
    }

    /// Letters that carry a diacritic in their shape rather than as a combining mark.
    private static let specialFolds: [UInt32: String] = [
        0x0141: "l", 0x0142: "l", 0x00D8: "o", 0x00F8: "o", 0x0110: "d", 0x0111: "d",
        0x00DF: "ss", 0x1E9E: "ss", 0x00C6: "ae", 0x00E6: "ae", 0x0152: "oe", 0x0153: "oe",
        0x0131: "i", 0x00DE: "th", 0x00FE: "th", 0x00D0: "d", 0x00F0: "d", 0x0126: "h", 0x0127: "h",
        0x0166: "t", 0x0167: "t", 0x014A: "n", 0x014B: "n", 0x0130: "i",
    ]
}
