/// A mention's sentence as one line of text, with the mention's offsets inside it.
///
/// Runs of white space (line breaks included) become one space, so the sentence reads well in
/// a GIS attribute table; the highlight is moved with the text it marks. Offsets count
/// Unicode scalars.
struct ContextSentence: Hashable, Sendable {
    /// The sentence text.
    var text: String
    /// The mention's scalar offsets in ``text``.
    var highlight: Range<Int>

    /// The sentence spanning `sentence` of `scalars` with the mention at `mention`.
    /// - Parameters:
    ///   - scalars: The document text's Unicode scalars.
    ///   - sentence: The sentence's scalar range.
    ///   - mention: The mention's scalar range; clamped to the sentence.
    init(scalars: [Unicode.Scalar], sentence: Range<Int>, mention: Range<Int>) {
        let sentence = sentence.clamped(to: 0..<scalars.count)
        // UTF-8 bytes appended to one buffer: far cheaper than growing a String scalar by scalar.
        var out: [UInt8] = []
        out.reserveCapacity(sentence.count + sentence.count / 4)
        var count = 0
        var lower = 0, upper = 0
        var pendingSpace = false
        for offset in sentence {
            if offset == mention.lowerBound { lower = count + (pendingSpace && count > 0 ? 1 : 0) }
            let scalar = scalars[offset]
            if Self.isWhitespace(scalar) {
                pendingSpace = true
            } else {
                if pendingSpace && count > 0 {
                    out.append(UInt8(ascii: " "))
                    count += 1
                }
                pendingSpace = false
                Self.appendUTF8(scalar, to: &out)
                count += 1
            }
            if offset + 1 == mention.upperBound { upper = count }
        }
        if mention.lowerBound < sentence.lowerBound { lower = 0 }
        if mention.upperBound > sentence.upperBound { upper = count }
        text = String(decoding: out, as: UTF8.self)
        highlight = lower..<max(lower, upper)
    }

    /// Appends the UTF-8 encoding of `scalar`.
    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Whether `scalar` is white space (Unicode `White_Space`), answered without a property
    /// lookup for ASCII, which most text is.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
        }
        return scalar.properties.isWhitespace
    }
}
