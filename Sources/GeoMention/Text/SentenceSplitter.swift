/// Groups tokens into sentences and marks each sentence's first word.
///
/// A sentence ends:
/// - after `.`, `!`, `?`, `…` (and runs of them, and closing quotes or brackets right after)
///   when the next token follows white space and opens a sentence: a capitalized or
///   uncased word, a number, or an opening quote or bracket; a period after an
///   abbreviation (see ``Abbreviations``) does not count;
/// - after a CJK full stop, exclamation or question mark, whatever follows;
/// - at a paragraph break (a blank line);
/// - at a line break when the previous line has no final punctuation and the next line
///   starts with an uppercase letter (a headline), unless the previous line looks like
///   hard-wrapped prose (60 or more scalars ending in a lowercase word).
struct SentenceSplitter {
    private let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Sets each token's sentence index and sentence-start flag; returns the sentences.
    func split(_ tokens: inout [Token]) -> [Sentence] {
        tokens.withUnsafeMutableBufferPointer { split($0) }
    }

    /// ``split(_:)`` on the tokens' storage, so that marking a token costs no array checks.
    private func split(_ tokens: UnsafeMutableBufferPointer<Token>) -> [Sentence] {
        var sentences = [Sentence]()
        guard !tokens.isEmpty else { return sentences }
        var first = 0
        var terminated = false
        var strong = false
        var lineStart = tokens[0].start
        // Whether the current sentence has its first word or number yet.
        var marked = false
        for j in tokens.indices {
            let token = tokens[j]
            if j > 0 {
                var boundary = token.paragraphStart
                if !boundary && terminated {
                    boundary = strong ? !isClosing(token) : token.followsSpace && opensSentence(token)
                }
                if !boundary && !terminated && token.followsNewline {
                    boundary = isHeadlineBreak(before: token, previous: tokens[j - 1], lineStart: lineStart)
                }
                if boundary {
                    close(first..<j, of: tokens, into: &sentences)
                    first = j
                    marked = false
                }
                if token.followsNewline { lineStart = token.start }
            }
            // Tokens learn their sentence as they are passed.
            tokens[j].sentence = sentences.count
            if !marked && (token.kind == .word || token.kind == .number) {
                tokens[j].flags.insert(.sentenceStart)
                marked = true
            }
            let punctuation = terminalStrength(of: token)
            if punctuation > 0 && !isAbbreviationPeriod(j, tokens) {
                terminated = true
                strong = punctuation == 2
            } else if !(terminated && isClosing(token) && !token.followsSpace) {
                terminated = false
            }
        }
        close(first..<tokens.count, of: tokens, into: &sentences)
        return sentences
    }

    /// Appends the sentence made of the tokens in `range`.
    private func close(
        _ range: Range<Int>, of tokens: UnsafeMutableBufferPointer<Token>,
        into sentences: inout [Sentence]
    ) {
        let index = sentences.count
        let firstToken = tokens[range.lowerBound], lastToken = tokens[range.upperBound - 1]
        sentences.append(Sentence(
            index: index, scalarRange: firstToken.start..<lastToken.end,
            utf8Range: firstToken.utf8Start..<lastToken.utf8End, tokenRange: range))
    }

    /// The first scalar of a token.
    private func firstScalar(_ token: Token) -> UInt32 {
        decodeScalar(bytes, at: token.utf8Start).value
    }

    /// 0 for no sentence-final punctuation, 1 for `.!?…` runs, 2 for CJK full-width marks.
    private func terminalStrength(of token: Token) -> Int {
        guard token.kind == .punctuation else { return 0 }
        switch firstScalar(token) {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049: return 1
        case 0x3002, 0xFF01, 0xFF1F, 0xFF0E: return 2
        default: return 0
        }
    }

    private func isClosing(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        switch firstScalar(token) {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0xBB, 0x203A, 0x300D, 0x300F, 0xFF09:
            return true
        default:
            return false
        }
    }

    private func opensSentence(_ token: Token) -> Bool {
        switch token.kind {
        case .word: return token.shape == .capitalized || token.shape == .allCaps || token.shape == .uncased
        case .number: return true
        case .possessive: return false
        case .punctuation, .symbol:
            switch firstScalar(token) {
            case 0x22, 0x27, 0x28, 0x5B, 0x201C, 0x2018, 0xAB, 0x201E, 0x2039, 0xBF, 0xA1,
                 0x300C, 0x300E, 0xFF08:
                return true
            default:
                return token.kind == .symbol
            }
        }
    }

    /// A single `.` right after an abbreviation or a single capital letter.
    private func isAbbreviationPeriod(_ j: Int, _ tokens: UnsafeMutableBufferPointer<Token>) -> Bool {
        let token = tokens[j]
        guard j > 0, token.utf8End - token.utf8Start == 1, bytes[token.utf8Start] == 0x2E else {
            return false
        }
        let word = tokens[j - 1]
        guard word.kind == .word, word.utf8End == token.utf8Start else { return false }
        if word.end - word.start == 1 && word.shape == .capitalized { return true }
        return Abbreviations.contains(bytes, word.utf8Range)
    }

    private func isHeadlineBreak(before token: Token, previous: Token, lineStart: Int) -> Bool {
        guard token.startsUppercase && token.kind == .word else { return false }
        switch previous.kind {
        case .word:
            let wrapped = previous.shape == .lower && previous.end - lineStart >= 60
            return !wrapped
        case .number, .possessive:
            return true
        case .punctuation, .symbol:
            return isClosing(previous) || previous.kind == .symbol
        }
    }
}
