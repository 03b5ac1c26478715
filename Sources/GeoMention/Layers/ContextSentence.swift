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
        var builder = Builder(mention: mention, capacity: sentence.count)
        for offset in sentence {
            let scalar = scalars[offset]
            builder.add(offset, isWhitespace: Self.isWhitespace(scalar)) { Self.appendUTF8(scalar, to: &$0) }
        }
        self = builder.finish(sentence: sentence)
    }

    /// The sentence spanning `sentence` of `text` with the mention at `mention`, read straight
    /// from the document's UTF-8: the same value as ``init(scalars:sentence:mention:)`` on
    /// `Array(text.text.unicodeScalars)`, without building that array.
    /// - Parameters:
    ///   - text: The tokenized document; its tokens map scalar offsets to UTF-8 offsets.
    ///   - sentence: The sentence's scalar range.
    ///   - mention: The mention's scalar range; clamped to the sentence.
    init(text: TokenizedText, sentence: Range<Int>, mention: Range<Int>) {
        var document = text.text
        self = document.withUTF8 { utf8 in
            // Walk from the last token that starts at or before the sentence to its first scalar.
            var (byte, offset) = Self.anchor(atOrBefore: max(sentence.lowerBound, 0), in: text.tokens)
            while offset < sentence.lowerBound, byte < utf8.count {
                byte += Self.scalarLength(utf8[byte])
                offset += 1
            }
            let start = offset
            var builder = Builder(mention: mention, capacity: max(0, sentence.count))
            while offset < sentence.upperBound, byte < utf8.count {
                let length = Self.scalarLength(utf8[byte])
                let lead = utf8[byte]
                let isWhitespace = lead < 0x80
                    ? lead == UInt8(ascii: " ") || (lead >= 0x09 && lead <= 0x0D)
                    : Self.decode(utf8, at: byte, length: length).properties.isWhitespace
                builder.add(offset, isWhitespace: isWhitespace) { out in
                    for index in byte..<(byte + length) { out.append(utf8[index]) }
                }
                byte += length
                offset += 1
            }
            return builder.finish(sentence: start..<offset)
        }
    }

    /// Collapses white space and tracks the highlight while a sentence's scalars go by.
    private struct Builder {
        /// The mention's scalar range in the document.
        let mention: Range<Int>
        /// UTF-8 bytes appended to one buffer: far cheaper than growing a String scalar by scalar.
        var out: [UInt8] = []
        /// Scalars written so far.
        var count = 0
        var lower = 0, upper = 0
        var pendingSpace = false

        init(mention: Range<Int>, capacity: Int) {
            self.mention = mention
            out.reserveCapacity(capacity + capacity / 4)
        }

        /// Takes the scalar at document offset `offset`; `append` writes its UTF-8 when it is kept.
        @inline(__always)
        mutating func add(_ offset: Int, isWhitespace: Bool, append: (inout [UInt8]) -> Void) {
            if offset == mention.lowerBound { lower = count + (pendingSpace && count > 0 ? 1 : 0) }
            if isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace && count > 0 {
                    out.append(UInt8(ascii: " "))
                    count += 1
                }
                pendingSpace = false
                append(&out)
                count += 1
            }
            if offset + 1 == mention.upperBound { upper = count }
        }

        /// The result, once every scalar of `sentence` (clamped to the text) went by.
        func finish(sentence: Range<Int>) -> ContextSentence {
            let lower = mention.lowerBound < sentence.lowerBound ? 0 : self.lower
            let upper = mention.upperBound > sentence.upperBound ? count : self.upper
            return ContextSentence(text: String(decoding: out, as: UTF8.self), highlight: lower..<max(lower, upper))
        }
    }

    private init(text: String, highlight: Range<Int>) {
        self.text = text
        self.highlight = highlight
    }

    /// The UTF-8 and scalar offsets of the start of the last token starting at or before scalar
    /// `offset`, or of the text when there is none.
    private static func anchor(atOrBefore offset: Int, in tokens: [Token]) -> (byte: Int, scalar: Int) {
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start > offset { high = middle } else { low = middle + 1 }
        }
        return low > 0 ? (tokens[low - 1].utf8Start, tokens[low - 1].start) : (0, 0)
    }

    /// The length of the UTF-8 sequence `lead` starts.
    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar encoded by the `length` bytes at `index` of valid UTF-8.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        var value = UInt32(utf8[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for next in (index + 1)..<(index + length) { value = value << 6 | UInt32(utf8[next] & 0x3F) }
        return Unicode.Scalar(value) ?? " "
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
