/// One sentence of a tokenized text: a run of consecutive tokens.
public struct Sentence: Hashable, Sendable {
    /// The index of the sentence in its text.
    public var index: Int
    /// The Unicode scalar offset of its first token.
    public var start: Int
    /// The Unicode scalar offset just past its last token.
    public var end: Int
    /// The UTF-8 offset of its first token.
    public var utf8Start: Int
    /// The UTF-8 offset just past its last token.
    public var utf8End: Int
    /// The indices of its tokens in ``TokenizedText/tokens``.
    public var tokenRange: Range<Int>

    /// Creates a sentence.
    /// - Parameters:
    ///   - index: The sentence index.
    ///   - scalarRange: Unicode scalar offsets from its first token's start to its last's end.
    ///   - utf8Range: The same span in UTF-8 byte offsets.
    ///   - tokenRange: The indices of its tokens.
    public init(index: Int, scalarRange: Range<Int>, utf8Range: Range<Int>, tokenRange: Range<Int>) {
        self.index = index
        self.start = scalarRange.lowerBound
        self.end = scalarRange.upperBound
        self.utf8Start = utf8Range.lowerBound
        self.utf8End = utf8Range.upperBound
        self.tokenRange = tokenRange
    }

    /// The Unicode scalar range.
    public var scalarRange: Range<Int> { start..<end }
    /// The UTF-8 byte range.
    public var utf8Range: Range<Int> { utf8Start..<utf8End }
}
