import Testing
import GeoMention

/// Checks that hold for any text: made-up texts from pieces that exercise every rule.
@Suite struct TokenizerInvariantTests {
    static let pieces = [
        "Lviv", "U.S.", "e.g.", "Jordan's", "’s", "'", "-", "--", ".", "...", "!", "?", "…", "“",
        "”", "\"", "(", ")", " ", " ", "\n", "\r\n", "\n\n", "\u{2029}", "\u{301}", "é", "東京",
        "。", "👩‍👩‍👧", "🇺🇦", "\u{200D}", "\u{FE0F}", "1,200", "3.5", ",", "St", "Calif", "A",
        "القدس", "\u{A0}", "\t", "$", "\u{0}", "x",
    ]

    /// A small deterministic generator so failures reproduce.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test(arguments: 0..<40)
    func spansAreOrderedAndMatchTheirScalars(seed: Int) {
        var random = SplitMix(state: UInt64(seed))
        var text = ""
        for _ in 0..<random.next(60) { text += Self.pieces[random.next(Self.pieces.count)] }
        let tokenized = Tokenizer().tokenize(text)
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for token in tokenized.tokens {
            #expect(token.start >= previousEnd && token.end > token.start && token.end <= scalars.count)
            #expect(scalarSlice(text, token.scalarRange) == String(tokenized.text(of: token)))
            #expect(tokenized.scalarOffset(forUTF8Offset: token.utf8Start) == token.start)
            #expect(tokenized.utf8Offset(forScalarOffset: token.end) == token.utf8End)
            previousEnd = token.end
        }
        var covered = 0
        for (index, sentence) in tokenized.sentences.enumerated() {
            #expect(sentence.index == index && sentence.tokenRange.lowerBound == covered)
            #expect(tokenized.tokens(of: sentence).allSatisfy { $0.sentence == index })
            covered = sentence.tokenRange.upperBound
        }
        #expect(covered == tokenized.tokens.count)
    }
}
