/// A mention's sentence as one line of text, with the mention's offsets inside it.
///
/// Runs of white space (line breaks included) become one space, so the sentence reads well in
/// a GIS attribute table; the highlight is moved with the text it marks. Offsets count
/// Unicode scalars.
///
/// A sentence longer than ``longestSentence`` scalars (a list, a table flattened into text, a
/// page without full stops) is cut to a window of about that many scalars around the mention,
/// at spaces where there are any, and each cut end is marked with "…". Every mention's context
/// is thus bounded, so a document of one huge sentence with many places costs time and output
/// in proportion to its size, not to its size times its places.
struct ContextSentence: Hashable, Sendable {
    /// The most scalars of a sentence given whole; longer ones are cut around the mention.
    static let longestSentence = 480

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
        if sentence.count > Self.longestSentence {
            let window = Self.window(of: sentence, around: mention)
            self = Self.cut(Array(scalars[window]), from: window.lowerBound, sentence: sentence, mention: mention)
            return
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(sentence.count)
        for offset in sentence { Self.appendUTF8(scalars[offset], to: &utf8) }
        self = utf8.withUnsafeBufferPointer { Self.collapsing($0, from: sentence.lowerBound, mention: mention) }
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
        if sentence.count > Self.longestSentence {
            // Only the window's scalars are decoded, so a long sentence costs no more than a short one.
            let window = Self.window(of: sentence, around: mention)
            let (part, first) = document.withUTF8 { utf8 in
                let (lower, first) = Self.utf8Offset(ofScalar: window.lowerBound, in: utf8, tokens: text.tokens)
                let (upper, _) = Self.utf8Offset(ofScalar: window.upperBound, in: utf8, tokens: text.tokens)
                let bytes = UnsafeBufferPointer(rebasing: utf8[lower..<max(lower, upper)])
                return (Array(String(decoding: bytes, as: UTF8.self).unicodeScalars), first)
            }
            let clamped = sentence.clamped(to: first..<(first + part.count + max(0, sentence.upperBound - window.upperBound)))
            self = Self.cut(part, from: first, sentence: sentence.lowerBound < first ? sentence : clamped, mention: mention)
            return
        }
        self = document.withUTF8 { utf8 in
            let (lower, first) = Self.utf8Offset(ofScalar: sentence.lowerBound, in: utf8, tokens: text.tokens)
            let (upper, _) = Self.utf8Offset(ofScalar: sentence.upperBound, in: utf8, tokens: text.tokens)
            let span = UnsafeBufferPointer(rebasing: utf8[lower..<max(lower, upper)])
            return Self.collapsing(span, from: first, mention: mention)
        }
    }

    /// About ``longestSentence`` scalars of `sentence` around `mention`: as many before the
    /// mention as after it, shifted inward where the sentence ends, and the whole mention even
    /// when it is longer.
    static func window(of sentence: Range<Int>, around mention: Range<Int>) -> Range<Int> {
        let mention = mention.clamped(to: sentence)
        let room = max(0, longestSentence - mention.count)
        var lower = max(sentence.lowerBound, mention.lowerBound - room / 2)
        let upper = min(sentence.upperBound, lower + mention.count + room)
        lower = max(sentence.lowerBound, min(lower, upper - mention.count - room))
        return lower..<upper
    }

    /// The context of `mention` from the scalars `part` of a long sentence, which start at
    /// document offset `first`: cut at the first space after a cut start and the last space
    /// before a cut end (never inside the mention), with "…" where the sentence goes on.
    private static func cut(_ part: [Unicode.Scalar], from first: Int, sentence: Range<Int>,
                            mention: Range<Int>) -> ContextSentence {
        var lower = 0, upper = part.count
        let cutBefore = first > sentence.lowerBound
        let cutAfter = first + part.count < sentence.upperBound
        if cutBefore, let space = part.indices.first(where: {
            $0 + first < mention.lowerBound && isWhitespace(part[$0])
        }) {
            lower = space + 1
        }
        if cutAfter, let space = part.indices.last(where: {
            $0 + first >= mention.upperBound && $0 >= lower && isWhitespace(part[$0])
        }) {
            upper = space
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(upper - lower)
        for scalar in part[lower..<upper] { appendUTF8(scalar, to: &utf8) }
        var context = utf8.withUnsafeBufferPointer { collapsing($0, from: first + lower, mention: mention) }
        if cutBefore && !context.text.isEmpty {
            context.text = "… " + context.text
            context.highlight = (context.highlight.lowerBound + 2)..<(context.highlight.upperBound + 2)
        }
        if cutAfter && !context.text.isEmpty { context.text += " …" }
        return context
    }

    /// Whether `scalar` is white space (Unicode `White_Space`).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    /// The sentence whose UTF-8 is `utf8`, its first scalar at document offset `first`, with
    /// white space collapsed and the highlight moved along.
    private static func collapsing(_ utf8: UnsafeBufferPointer<UInt8>, from first: Int,
                                   mention: Range<Int>) -> ContextSentence {
        var count = 0
        var lower = 0, upper = 0
        var offset = first
        // Collapsing only shrinks the text, so its bytes fit in the sentence's.
        let text = String(unsafeUninitializedCapacity: utf8.count) { out in
            var written = 0
            var pendingSpace = false
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                let length = scalarLength(lead)
                if offset == mention.lowerBound { lower = count + (pendingSpace && count > 0 ? 1 : 0) }
                let isWhitespace = lead < 0x80
                    ? lead == UInt8(ascii: " ") || lead &- 0x09 < 5
                    : decode(utf8, at: index, length: length).properties.isWhitespace
                if isWhitespace {
                    pendingSpace = true
                } else {
                    if pendingSpace && count > 0 {
                        out[written] = UInt8(ascii: " ")
                        written += 1
                        count += 1
                    }
                    pendingSpace = false
                    for byte in index..<(index + length) {
                        out[written] = utf8[byte]
                        written += 1
                    }
                    count += 1
                }
                if offset + 1 == mention.upperBound { upper = count }
                index += length
                offset += 1
            }
            return written
        }
        if mention.lowerBound < first { lower = 0 }
        if mention.upperBound > offset { upper = count }
        return ContextSentence(text: text, highlight: lower..<max(lower, upper))
    }

    private init(text: String, highlight: Range<Int>) {
        self.text = text
        self.highlight = highlight
    }

    /// The UTF-8 offset of scalar offset `scalar` (clamped to the text) and that clamped
    /// scalar offset, walked from the last token starting at or before it.
    private static func utf8Offset(ofScalar scalar: Int, in utf8: UnsafeBufferPointer<UInt8>,
                                   tokens: [Token]) -> (utf8: Int, scalar: Int) {
        let target = max(scalar, 0)
        var (byte, offset) = anchor(atOrBefore: target, in: tokens)
        while offset < target, byte < utf8.count {
            byte += scalarLength(utf8[byte])
            offset += 1
        }
        return (min(byte, utf8.count), offset)
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
}
