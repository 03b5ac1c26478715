/// How the tokenizer sees one Unicode scalar.
enum CharacterClass: UInt8 {
    case space, newline, carriageReturn, paragraphSeparator
    case upper, lower, uncasedLetter, digit, mark
    /// Zero-width joiners, soft hyphens, emoji modifiers: they continue the current token.
    case extender
    case apostrophe, period, comma, hyphen, terminal, punctuation, symbol

    /// Letters, digits and combining marks: the characters words are made of.
    var isWordCharacter: Bool {
        switch self {
        case .upper, .lower, .uncasedLetter, .digit, .mark: return true
        default: return false
        }
    }

    var isLetter: Bool { self == .upper || self == .lower || self == .uncasedLetter }

    var isWhitespace: Bool {
        switch self {
        case .space, .newline, .carriageReturn, .paragraphSeparator: return true
        default: return false
        }
    }

    /// The class of an ASCII byte.
    @inline(__always)
    static func ascii(_ byte: UInt8) -> CharacterClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return .lower
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .upper
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case 0x20, 0x09, 0x0B, 0x0C: return .space
        case 0x0A: return .newline
        case 0x0D: return .carriageReturn
        case UInt8(ascii: "'"): return .apostrophe
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "-"): return .hyphen
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return .terminal
        case UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="),
             UInt8(ascii: ">"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"),
             UInt8(ascii: "~"):
            return .symbol
        case 0x00..<0x20, 0x7F: return .space
        default: return .punctuation
        }
    }

    /// The class of a non-ASCII scalar, from its general category.
    static func nonASCII(_ value: UInt32) -> CharacterClass {
        switch value {
        case 0x2019: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        case 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0x203C, 0x2047, 0x2048, 0x2049:
            return .terminal
        case 0x0085, 0x2028: return .newline
        case 0x2029: return .paragraphSeparator
        case 0x200B, 0xFEFF: return .space
        case 0x1F3FB...0x1F3FF: return .extender
        case 0x2013, 0x2014, 0x2018, 0x201C, 0x201D, 0xAB, 0xBB: return .punctuation
        case 0xC0...0xD6, 0xD8...0xDE: return .upper
        case 0xDF...0xF6, 0xF8...0xFF: return .lower
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return .symbol }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter: return .lower
        case .modifierLetter, .otherLetter: return .uncasedLetter
        case .decimalNumber, .letterNumber, .otherNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .spaceSeparator, .control: return .space
        case .lineSeparator: return .newline
        case .paragraphSeparator: return .paragraphSeparator
        case .format: return .extender
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        default: return .symbol
        }
    }
}

/// Decodes the scalar starting at `index` of valid UTF-8; returns its value and length.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    if lead < 0xE0 {
        return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
    }
    if lead < 0xF0 {
        return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
            | UInt32(bytes[index + 2] & 0x3F), 3)
    }
    return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
}

/// The class and byte length of the scalar at `index`.
@inline(__always)
func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (CharacterClass, Int) {
    let byte = bytes[index]
    if byte < 0x80 { return (CharacterClass.ascii(byte), 1) }
    return classifyNonASCII(bytes, at: index)
}

/// The class and byte length of the non-ASCII scalar at `index`.
@inline(never)
func classifyNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (CharacterClass, Int) {
    let (value, length) = decodeScalar(bytes, at: index)
    return (CharacterClass.nonASCII(value), length)
}
