/// The words of one sentence in lower case, the unit the event readers scan.
///
/// Words joined by hyphens become one word ("sit-in", "counter-offensive"); numbers are kept
/// (dates need them); other punctuation is dropped but remembered as a clause break, so a
/// phrase never matches across a comma.
struct SentenceWords {
    /// One word and the tokens it covers.
    struct Word {
        /// The word in lower case.
        var text: String
        /// The word as written.
        var original: String
        /// Indices in ``TokenizedText/tokens``.
        var tokens: Range<Int>
        /// Whether punctuation other than a hyphen stands between this word and the previous one.
        var afterBreak: Bool
        /// The shape of its first token.
        var shape: Token.Shape
        /// Whether its first token is a number.
        var isNumber: Bool
        /// Whether a possessive `'s` follows it.
        var followedByPossessive = false
    }

    /// The words in order.
    let words: [Word]

    /// Collects the words of `sentence`.
    init(_ text: TokenizedText, sentence: Sentence) {
        var words: [Word] = []
        var pendingBreak = false
        var joinNext = false
        for index in sentence.tokenRange {
            let token = text.tokens[index]
            let written = String(text.text(of: token))
            switch token.kind {
            case .word, .number:
                if joinNext, token.joinedByHyphen, var last = words.popLast() {
                    last.text += "-" + written.lowercased()
                    last.original += "-" + written
                    last.tokens = last.tokens.lowerBound..<(index + 1)
                    words.append(last)
                } else {
                    words.append(Word(text: written.lowercased(), original: written, tokens: index..<(index + 1),
                                      afterBreak: pendingBreak, shape: token.shape, isNumber: token.kind == .number))
                }
                pendingBreak = false
                joinNext = false
            case .punctuation where written == "-" && !token.followsSpace:
                joinNext = true
            case .possessive:
                if !words.isEmpty { words[words.count - 1].followedByPossessive = true }
            default:
                pendingBreak = true
                joinNext = false
            }
        }
        self.words = words
    }

    /// The lower-case texts, for lexicon matching.
    var texts: [String] { words.map(\.text) }

    /// The position of the word that holds token `index`, if any.
    func position(ofToken index: Int) -> Int? {
        words.firstIndex { $0.tokens.contains(index) }
    }

    /// The position of the first word at or after token `index`, or `words.count`.
    func position(atOrAfterToken index: Int) -> Int {
        words.firstIndex { $0.tokens.upperBound > index } ?? words.count
    }
}
