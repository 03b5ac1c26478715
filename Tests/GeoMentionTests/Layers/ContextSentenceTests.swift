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

    /// The collapsing rule one scalar at a time: white space sets a pending space that the
    /// next other scalar writes (none at the start); a highlight bound on white space stays
    /// before the pending space.
    static func reference(_ scalars: [Unicode.Scalar], sentence: Range<Int>,
                          mention: Range<Int>) -> (text: String, highlight: Range<Int>) {
        var text = String.UnicodeScalarView()
        var pending = false
        var lower = 0, upper = 0
        for offset in sentence {
            if offset == mention.lowerBound { lower = text.count + (pending && !text.isEmpty ? 1 : 0) }
            if scalars[offset].properties.isWhitespace {
                pending = true
            } else {
                if pending && !text.isEmpty { text.append(" ") }
                pending = false
                text.append(scalars[offset])
            }
            if offset + 1 == mention.upperBound { upper = text.count }
        }
        if mention.lowerBound < sentence.lowerBound { lower = 0 }
        if mention.upperBound > sentence.upperBound { upper = text.count }
        return (String(text), lower..<max(lower, upper))
    }

    @Test func whiteSpaceReadFromBytesMatchesTheUnicodeProperty() {
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let utf8 = Array(String(scalar).utf8)
            let fromBytes = utf8.withUnsafeBufferPointer {
                ContextSentence.isWhitespace($0, lead: utf8[0], at: 0)
            }
            #expect(fromBytes == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func collapsingFollowsTheScalarRule() {
        let sources = Self.texts + [
            "Plain words with single spaces.", "Tab\there and  two spaces", "x", "a b", "Kyiv — Lviv “quoted”.",
            "Près de Київ 東京 🙂 é.", "Київ\u{00A0}— Lviv.", "SÃO TOMÉ — Zürich “quoted” 🙂.",
            // Longer than a few groups of eight bytes, with spaces, two in a row and other
            // scalars falling at every place in a group.
            "Reporters in Київ — said “the shelling” of Lviv and Odesa went on 🙂 é overnight.",
            "Київ—Lviv 1234567  Odesa — “a b c d e f” 東京 x\u{00A0}y z.",
        ]
        for source in sources {
            let scalars = Array(source.unicodeScalars)
            let step = max(1, scalars.count / 9)
            for start in stride(from: 0, through: scalars.count, by: step) {
                // Sentences whose ends fall on spaces too; mention ranges inside and around them.
                for end in stride(from: start, through: scalars.count, by: step) {
                    for lower in max(0, start - 1)...min(end + 1, scalars.count) {
                        for upper in lower...min(lower + 6, end + 1, scalars.count) {
                            let expected = Self.reference(scalars, sentence: start..<end, mention: lower..<upper)
                            let found = ContextSentence(scalars: scalars, sentence: start..<end, mention: lower..<upper)
                            #expect(found.text == expected.text && found.highlight == expected.highlight,
                                    "\(source) \(start..<end) \(lower..<upper)")
                        }
                    }
                }
            }
        }
    }

    @Test func sentenceInitMatchesTheScalarRangeInit() {
        for source in Self.texts + ["A long one: " + String(repeating: "word ", count: 150) + "Lviv here."] {
            let text = Tokenizer().tokenize(source)
            for sentence in text.sentences {
                for token in text.tokens {
                    let byRange = ContextSentence(text: text, sentence: sentence.scalarRange, mention: token.scalarRange)
                    let bySentence = ContextSentence(text: text, sentence: sentence, mention: token.scalarRange)
                    #expect(bySentence == byRange, "\(source) \(sentence.scalarRange) \(token.scalarRange)")
                }
            }
        }
    }
}
