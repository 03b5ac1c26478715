/// A text with its tokens and sentences, and cheap ways to get at their text.
///
/// Token and sentence spans carry both UTF-8 byte offsets and Unicode scalar offsets; the
/// conversion functions here translate any other position between the two, in time
/// proportional to the distance from the nearest token.
public struct TokenizedText: Sendable {
    /// The text the offsets refer to.
    public let text: String
    /// The tokens in text order.
    public let tokens: [Token]
    /// The sentences in text order; together they cover every token.
    public let sentences: [Sentence]

    /// Bundles a text with its tokens and sentences.
    /// - Parameters:
    ///   - text: The text.
    ///   - tokens: Its tokens in order.
    ///   - sentences: Its sentences in order.
    public init(text: String, tokens: [Token], sentences: [Sentence]) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
    }

    /// The text between two UTF-8 offsets, which must fall on scalar boundaries.
    /// - Parameter utf8Range: Byte offsets into the text's UTF-8.
    public func text(utf8Range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
        let upper = utf8.index(lower, offsetBy: utf8Range.count)
        return text[lower..<upper]
    }

    /// The text of a token.
    public func text(of token: Token) -> Substring {
        text(utf8Range: token.utf8Range)
    }

    /// The text of a sentence, from its first token to its last.
    public func text(of sentence: Sentence) -> Substring {
        text(utf8Range: sentence.utf8Range)
    }

    /// The tokens of a sentence.
    public func tokens(of sentence: Sentence) -> ArraySlice<Token> {
        tokens[sentence.tokenRange]
    }

    /// The last token for which `startsAfter` is false (tokens are sorted), if any.
    private func anchor(where startsAfter: (Token) -> Bool) -> Token? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if startsAfter(tokens[mid]) { high = mid } else { low = mid + 1 }
        }
        return low > 0 ? tokens[low - 1] : nil
    }

    /// The Unicode scalar offset of a UTF-8 byte offset.
    ///
    /// An offset inside a multi-byte scalar maps to that scalar's offset.
    /// - Parameter utf8Offset: A byte offset from 0 through `text.utf8.count`.
    public func scalarOffset(forUTF8Offset utf8Offset: Int) -> Int {
        precondition(utf8Offset >= 0 && utf8Offset <= text.utf8.count, "UTF-8 offset out of range")
        let base = anchor { $0.utf8Start > utf8Offset }
        let utf8 = text.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: base?.utf8Start ?? 0)
        let target = utf8.index(utf8.startIndex, offsetBy: utf8Offset)
        var leadBytes = 0
        while index < target {
            if utf8[index] & 0xC0 != 0x80 { leadBytes += 1 }
            utf8.formIndex(after: &index)
        }
        return (base?.start ?? 0) + leadBytes - (isInsideScalar(target) ? 1 : 0)
    }

    private func isInsideScalar(_ index: String.Index) -> Bool {
        index < text.utf8.endIndex && text.utf8[index] & 0xC0 == 0x80
    }

    /// The UTF-8 offset of scalar offset `scalar` clamped to the text, and that clamped scalar
    /// offset, walked from the last token starting at or before it.
    /// - Parameter utf8: The text's UTF-8 (from `text.withUTF8`).
    func clampedUTF8Offset(forScalarOffset scalar: Int, in utf8: UnsafeBufferPointer<UInt8>) -> (utf8: Int, scalar: Int) {
        let target = max(scalar, 0)
        let base = anchor { $0.start > target }
        var byte = base?.utf8Start ?? 0, offset = base?.start ?? 0
        while offset < target, byte < utf8.count {
            let lead = utf8[byte]
            byte += Self.utf8SequenceLength(lead: lead)
            offset += 1
        }
        return (min(byte, utf8.count), offset)
    }

    /// The length of the UTF-8 sequence that lead byte `lead` of valid UTF-8 starts.
    @inline(__always)
    static func utf8SequenceLength(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The UTF-8 byte offset of a Unicode scalar offset.
    /// - Parameter scalarOffset: A scalar offset from 0 through the number of scalars.
    public func utf8Offset(forScalarOffset scalarOffset: Int) -> Int {
        precondition(scalarOffset >= 0, "scalar offset out of range")
        let base = anchor { $0.start > scalarOffset }
        let anchorIndex = text.utf8.index(text.utf8.startIndex, offsetBy: base?.utf8Start ?? 0)
        let index = text.unicodeScalars.index(anchorIndex, offsetBy: scalarOffset - (base?.start ?? 0))
        return text.utf8.distance(from: text.utf8.startIndex, to: index)
    }
}
