import Testing
@testable import GeoMention

@Suite struct ContextSentenceTests {
    /// Texts with one- to four-byte scalars, Unicode spaces and line breaks between and inside sentences.
    static let texts = [
        "Missiles struck Kharkiv overnight.\n\n  Protesters rallied in Lviv.  Then calm.",
        "Près\u{00A0}de  Київ\u{3000}東京 🙂 é. Second\u{2028}line here; Zürich\tnext.",
        "  Leading space. Trailing space.   ",
        "",
    ]

    @Test func utf8PathMatchesTheScalarPath() {
        for source in Self.texts {
            let text = Tokenizer().tokenize(source)
            let scalars = Array(source.unicodeScalars)
            var spans = text.sentences.map(\.scalarRange)
            spans += [0..<scalars.count, 3..<(scalars.count + 5), (scalars.count + 2)..<(scalars.count + 4), -2..<4]
            let mentions = text.tokens.map(\.scalarRange) + [0..<0, 1..<3, -1..<2, 2..<(scalars.count + 3)]
            for sentence in spans {
                for mention in mentions {
                    let slow = ContextSentence(scalars: scalars, sentence: sentence, mention: mention)
                    let fast = ContextSentence(text: text, sentence: sentence, mention: mention)
                    #expect(fast == slow, "\(source) \(sentence) \(mention)")
                }
            }
        }
    }
}
