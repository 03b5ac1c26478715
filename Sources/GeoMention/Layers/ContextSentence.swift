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
            let (part, first, last) = document.withUTF8 { utf8 in
                let (lower, first) = text.clampedUTF8Offset(forScalarOffset: window.lowerBound, in: utf8)
                let (upper, last) = text.clampedUTF8Offset(forScalarOffset: window.upperBound, in: utf8)
                let bytes = UnsafeBufferPointer(rebasing: utf8[lower..<max(lower, upper)])
                return (Array(String(decoding: bytes, as: UTF8.self).unicodeScalars), first, last)
            }
            // Where the document ends inside the window, the sentence ends there too.
            let end = last < window.upperBound ? min(sentence.upperBound, last) : sentence.upperBound
            self = Self.cut(part, from: first, sentence: sentence.lowerBound..<max(sentence.lowerBound, end),
                            mention: mention)
            return
        }
        self = document.withUTF8 { utf8 in
            let (lower, first) = text.clampedUTF8Offset(forScalarOffset: sentence.lowerBound, in: utf8)
            let (upper, _) = text.clampedUTF8Offset(forScalarOffset: sentence.upperBound, in: utf8)
            let span = UnsafeBufferPointer(rebasing: utf8[lower..<max(lower, upper)])
            return Self.collapsing(span, from: first, mention: mention)
        }
    }

    /// The context of the mention at `mention` in `sentence` of `text`: the same value as
    /// ``init(text:sentence:mention:)`` with the sentence's scalar range, reading a sentence of
    /// at most ``longestSentence`` scalars from its known UTF-8 range.
    init(text: TokenizedText, sentence: Sentence, mention: Range<Int>) {
        guard sentence.scalarRange.count <= Self.longestSentence else {
            self.init(text: text, sentence: sentence.scalarRange, mention: mention)
            return
        }
        var document = text.text
        self = document.withUTF8 { Self(documentUTF8: $0, shortSentence: sentence, mention: mention) }
    }

    /// ``init(text:sentence:mention:)`` for a sentence of at most ``longestSentence`` scalars,
    /// read from `utf8`, the UTF-8 of the document's text: for a caller that holds that buffer
    /// for all the sentences of a document, so that each sentence costs no retain of the text.
    init(documentUTF8 utf8: UnsafeBufferPointer<UInt8>, shortSentence sentence: Sentence, mention: Range<Int>) {
        precondition(sentence.scalarRange.count <= Self.longestSentence, "ContextSentence: a long sentence is cut")
        let bytes = UnsafeBufferPointer(rebasing: utf8[sentence.utf8Range.clamped(to: 0..<utf8.count)])
        self = Self.collapsing(bytes, from: sentence.start, mention: mention)
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
    ///
    /// The text is copied a run of non-space scalars at a time; each white space scalar sets a
    /// pending space that the next run writes (none before the first). A mention bound inside
    /// a run lands at the run's collapsed start plus its distance into the run.
    private static func collapsing(_ utf8: UnsafeBufferPointer<UInt8>, from first: Int,
                                   mention: Range<Int>) -> ContextSentence {
        if let plain = uncollapsed(utf8, from: first, mention: mention) { return plain }
        var count = 0
        var lower = 0, upper = 0
        var offset = first
        // Collapsing only shrinks the text, so its bytes fit in the sentence's.
        let text = String(unsafeUninitializedCapacity: utf8.count) { out in
            var written = 0
            var pendingSpace = false
            var index = 0
            while index < utf8.count {
                // The run of scalars up to the next white space.
                let runStart = index
                var scalars = 0
                while index < utf8.count {
                    let byte = utf8[index]
                    if byte <= 0x20 ? byte == 0x20 || byte &- 0x09 < 5
                        : byte >= 0xC2 && isWhitespace(utf8, lead: byte, at: index) {
                        break
                    }
                    if byte & 0xC0 != 0x80 { scalars += 1 }
                    index += 1
                }
                if scalars > 0 {
                    if pendingSpace && count > 0 {
                        out[written] = UInt8(ascii: " ")
                        written += 1
                        count += 1
                    }
                    pendingSpace = false
                    let length = index - runStart
                    (out.baseAddress! + written).initialize(from: utf8.baseAddress! + runStart, count: length)
                    written += length
                    if mention.lowerBound >= offset && mention.lowerBound < offset + scalars {
                        lower = count + (mention.lowerBound - offset)
                    }
                    if mention.upperBound > offset && mention.upperBound <= offset + scalars {
                        upper = count + (mention.upperBound - offset)
                    }
                    count += scalars
                    offset += scalars
                }
                guard index < utf8.count else { break }
                // One white space scalar.
                if offset == mention.lowerBound { lower = count + (pendingSpace && count > 0 ? 1 : 0) }
                pendingSpace = true
                if offset + 1 == mention.upperBound { upper = count }
                index += TokenizedText.utf8SequenceLength(lead: utf8[index])
                offset += 1
            }
            return written
        }
        if mention.lowerBound < first { lower = 0 }
        if mention.upperBound > offset { upper = count }
        return ContextSentence(text: text, highlight: lower..<max(lower, upper))
    }

    /// The value of ``collapsing(_:from:mention:)`` for most sentences: ASCII with single
    /// spaces between words and no other white space, which collapsing leaves as it is, so
    /// that the text is the bytes themselves and offsets only shift by `first`; or such a
    /// sentence with other scalars too (see ``uncollapsedWithOtherScalars(_:from:mention:)``).
    /// Nil for any other sentence.
    private static func uncollapsed(_ utf8: UnsafeBufferPointer<UInt8>, from first: Int,
                                    mention: Range<Int>) -> ContextSentence? {
        guard let head = utf8.first, let tail = utf8.last, head != UInt8(ascii: " "), tail != UInt8(ascii: " ")
        else { return nil }
        // Accumulated without branches or comparisons, so that the loop runs over many bytes
        // at a time. For an ASCII byte b, b + 0x77 has its high bit set when b >= 0x09 and
        // b + 0x72 when b >= 0x0E, and (b ^ 0x20) - 1 only when b is a space; a byte that is
        // not ASCII sets the union's high bit, and then the other flags do not matter.
        var union = head
        var controls = (head &+ 0x77) & ~(head &+ 0x72)
        var doubleSpaces: UInt8 = 0
        for index in 1..<utf8.count {
            let byte = utf8[index]
            union |= byte
            controls |= (byte &+ 0x77) & ~(byte &+ 0x72)
            doubleSpaces |= ((utf8[index - 1] ^ UInt8(ascii: " ")) &- 1) & ((byte ^ UInt8(ascii: " ")) &- 1)
        }
        // The control test holds for bytes that are not ASCII too: only 0x09...0x0D pass it.
        guard controls & 0x80 == 0 else { return nil }
        guard union & 0x80 == 0 else { return uncollapsedWithOtherScalars(utf8, from: first, mention: mention) }
        guard doubleSpaces & 0x80 == 0 else { return nil }
        return unchanged(utf8, from: first, scalarCount: utf8.count, mention: mention,
                         highlightEndsOnSpace: utf8[mention.upperBound - first - 1] == UInt8(ascii: " "))
    }

    /// The sentence of `utf8`, `scalarCount` scalars from scalar `first` on, as it is, with
    /// `mention` highlighted. `highlightEndsOnSpace` tells whether the last scalar of the
    /// highlight is a space; it is asked only when that scalar lies in the sentence.
    private static func unchanged(_ utf8: UnsafeBufferPointer<UInt8>, from first: Int, scalarCount: Int,
                                  mention: Range<Int>, highlightEndsOnSpace: @autoclosure () -> Bool) -> ContextSentence {
        let end = first + scalarCount
        let lower = mention.lowerBound >= first && mention.lowerBound < end ? mention.lowerBound - first : 0
        let upper: Int
        if mention.upperBound > end {
            upper = scalarCount
        } else if mention.upperBound > first {
            // A space is written with the word after it, so a highlight ending on one stops before it.
            let last = mention.upperBound - first - 1
            upper = highlightEndsOnSpace() ? last : last + 1
        } else {
            upper = 0
        }
        return ContextSentence(text: String(decoding: utf8, as: UTF8.self), highlight: lower..<max(lower, upper))
    }

    /// ``uncollapsed(_:from:mention:)`` for a sentence that is not all ASCII (a dateline's
    /// dash, a curly quote, an accented name) and holds no white space below U+0020 but
    /// spaces: nil unless it holds no other white space and no two spaces in a row. Offsets
    /// count scalars, so they are counted on the way.
    private static func uncollapsedWithOtherScalars(_ utf8: UnsafeBufferPointer<UInt8>, from first: Int,
                                                    mention: Range<Int>) -> ContextSentence? {
        // The scalar the highlight ends on, and whether it is a space.
        let lastHighlighted = mention.upperBound - first - 1
        // The bytes are read eight at a time, each flag and count taken for all eight at once;
        // the lead bytes of the only scalars above U+007F that are white space (see
        // ``isWhitespace(_:lead:at:)``) are only flagged here and looked at after it.
        var endsOnSpace = false
        var mayHoldOtherSpace: UInt64 = 0
        var scalars = 0
        let raw = UnsafeRawBufferPointer(utf8)
        // The flag of the last byte read when it is a space, at the place of the first byte.
        var previousSpace: UInt64 = 0
        var index = 0
        while index + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let spaces = Self.byteFlags(word, equalTo: UInt8(ascii: " "))
            // A space after a space, within the group or across its first byte.
            if spaces & (spaces << 8 | previousSpace) != 0 { return nil }
            previousSpace = spaces >> 56
            mayHoldOtherSpace |= Self.byteFlags(word, equalTo: 0xC2) | Self.byteFlags(word, equalTo: 0xE1)
                | Self.byteFlags(word, equalTo: 0xE2) | Self.byteFlags(word, equalTo: 0xE3)
            // Every byte but a continuation byte (10xxxxxx) starts a scalar.
            let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
            let starts = 8 - continuations.nonzeroBitCount
            if lastHighlighted >= scalars && lastHighlighted < scalars + starts {
                endsOnSpace = Self.isSpace(scalar: lastHighlighted - scalars, in: utf8[index..<(index + 8)])
            }
            scalars += starts
            index += 8
        }
        // The last bytes, fewer than eight, one at a time.
        var previous: UInt8 = previousSpace != 0 ? UInt8(ascii: " ") : 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: " ") {
                if previous == UInt8(ascii: " ") { return nil }
                if scalars == lastHighlighted { endsOnSpace = true }
            }
            if byte == 0xC2 || byte &- 0xE1 < 3 { mayHoldOtherSpace = 1 }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            previous = byte
            index += 1
        }
        if mayHoldOtherSpace != 0 {
            for index in 0..<utf8.count where utf8[index] == 0xC2 || utf8[index] &- 0xE1 < 3 {
                if isWhitespace(utf8, lead: utf8[index], at: index) { return nil }
            }
        }
        return unchanged(utf8, from: first, scalarCount: scalars, mention: mention, highlightEndsOnSpace: endsOnSpace)
    }

    /// The high bit of each byte of `word` that equals `byte`, the other bits clear (exact per
    /// byte: no carry crosses from one byte to the next).
    @inline(__always)
    private static func byteFlags(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        // A byte's high bit ends up set unless all its bits are zero.
        return ~(((difference & lowBits) &+ lowBits) | difference) & ~lowBits
    }

    /// Whether scalar number `scalar` among those that start in `bytes` is a space.
    private static func isSpace(scalar: Int, in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            if count == scalar { return byte == UInt8(ascii: " ") }
            count += 1
        }
        return false
    }

    private init(text: String, highlight: Range<Int>) {
        self.text = text
        self.highlight = highlight
    }

    /// Whether the non-ASCII scalar whose lead byte `lead` is at `index` of valid UTF-8 is white
    /// space (Unicode `White_Space`), read from its bytes: the property holds for U+0085,
    /// U+00A0, U+1680, U+2000...U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 only (a list
    /// unchanged since Unicode 6.3), so that the dashes and quotes news text is full of are
    /// turned away without decoding them or looking up a property.
    @inline(__always)
    static func isWhitespace(_ utf8: UnsafeBufferPointer<UInt8>, lead: UInt8, at index: Int) -> Bool {
        switch lead {
        case 0xC2:
            let second = utf8[index + 1]
            return second == 0x85 || second == 0xA0
        case 0xE1:
            return utf8[index + 1] == 0x9A && utf8[index + 2] == 0x80
        case 0xE2:
            let second = utf8[index + 1], third = utf8[index + 2]
            if second == 0x80 { return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF }
            return second == 0x81 && third == 0x9F
        case 0xE3:
            return utf8[index + 1] == 0x80 && utf8[index + 2] == 0x80
        default:
            return false
        }
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
