import Testing
@testable import GeoMention

@Suite struct SentenceWordsTests {
    /// Each word in lower case the way `String.lowercased()` gives its parts, joined by `-`.
    static func expectedWords(_ text: TokenizedText, _ sentence: Sentence) -> [String] {
        var words: [String] = []
        var joinNext = false
        for token in text.tokens[sentence.tokenRange] {
            let part = String(text.text(of: token)).lowercased()
            switch token.kind {
            case .word, .number:
                if joinNext, token.joinedByHyphen, !words.isEmpty {
                    words[words.count - 1] += "-" + part
                } else {
                    words.append(part)
                }
                joinNext = false
            case .punctuation where text.text(of: token) == "-" && !token.followsSpace:
                joinNext = true
            case .possessive:
                break
            default:
                joinNext = false
            }
        }
        return words
    }

    @Test func wordsAreLowerCasedPartByPart() {
        let sources = [
            "Counter-Offensive near ZÜRICH-Nord; İstanbul's sit-in, 3RD May. Kyiv - Lviv and Ünye-Ordu-X.",
            "ΣΟΦΟΣ-Athens DROVE; Straße-BERLIN 12th.",
            "Plain ascii words only, with a Hyphen-Joined pair.",
        ]
        for source in sources {
            let text = Tokenizer().tokenize(source)
            // One reader over every sentence, as the context reader uses it.
            var words = SentenceWords(text)
            for sentence in text.sentences {
                words.read(sentence, lexicon: .standard)
                let found = words.words.indices.map(words.lowercasedText)
                #expect(found == Self.expectedWords(text, sentence), "\(source)")
                let fresh = SentenceWords(text, sentence: sentence, lexicon: .standard)
                #expect(fresh.words.indices.map(fresh.lowercasedText) == found)
            }
        }
    }

    @Test func tokenPositionsFollowTheWords() {
        let text = Tokenizer().tokenize("Shelling of the sit-in, near Kyiv's centre.")
        let words = SentenceWords(text, sentence: text.sentences[0], lexicon: .standard)
        for index in text.tokens.indices {
            let holding = words.words.firstIndex { $0.tokens.contains(index) }
            #expect(words.position(ofToken: index) == holding)
            for start in 0...(holding ?? 0) {
                #expect(words.position(ofToken: index, from: start) == holding)
            }
            #expect(words.position(atOrAfterToken: index)
                == (words.words.firstIndex { $0.tokens.upperBound > index } ?? words.words.count))
        }
    }
}
