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
///
/// The splitter runs alongside ``TokenScanner``: each token is admitted as it is made, so
/// the tokens are written once, already carrying their sentence, and never read again.
struct SentenceSplitter {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The sentences closed so far.
    private var sentences: [Sentence] = []
    /// The index of the current sentence: `sentences.count`, kept apart for the short path.
    private var sentenceCount = 0
    /// The index and offsets of the current sentence's first token.
    private var first = 0
    private var firstStart = 0
    private var firstUTF8Start = 0
    /// Whether the tokens since the last sentence-final punctuation are only closing marks.
    private var terminated = false
    /// Whether that punctuation was a CJK mark, which ends a sentence whatever follows.
    private var strong = false
    /// The scalar offset of the first token of the current line.
    private var lineStart = 0
    /// Whether the current sentence has its first word or number yet.
    private var marked = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // News sentences run to well over a hundred bytes: one allocation for most texts.
        sentences.reserveCapacity(bytes.count / 96 + 1)
    }

    /// Decides whether `token`, about to become `tokens[index]` after the `index` tokens
    /// already in `tokens`, opens a sentence (closing the previous one), and sets its
    /// sentence index and sentence-start flag.
    ///
    /// Most tokens are words inside a line of an unfinished sentence; they take the short
    /// path, and the rules proper run out of line.
    @inline(__always)
    mutating func admit(_ token: inout Token, index: Int, after tokens: UnsafeMutableBufferPointer<Token>) {
        if terminated || !token.flags.isDisjoint(with: [.followsNewline, .paragraphStart]) {
            seekBoundary(before: token, index: index, after: tokens)
        }
        token.sentence = sentenceCount
        if !marked && (token.kind == .word || token.kind == .number) {
            token.flags.insert(.sentenceStart)
            marked = true
        }
        if token.kind == .punctuation {
            notePunctuation(token, index: index, after: tokens)
        } else {
            terminated = false
        }
    }

    /// Closes the current sentence before `token` when a rule says it ends there, and
    /// follows the line starts. Every first token of a text opens a paragraph, so it comes
    /// here too and opens the first sentence.
    @inline(never)
    private mutating func seekBoundary(
        before token: Token, index: Int, after tokens: UnsafeMutableBufferPointer<Token>
    ) {
        guard index > 0 else {
            open(token, at: 0)
            lineStart = token.start
            return
        }
        var boundary = token.paragraphStart
        if !boundary && terminated {
            boundary = strong ? !isClosing(token) : token.followsSpace && opensSentence(token)
        }
        if !boundary && !terminated && token.followsNewline {
            boundary = isHeadlineBreak(before: token, previous: tokens[index - 1], lineStart: lineStart)
        }
        if boundary {
            close(before: index, last: tokens[index - 1])
            open(token, at: index)
        }
        if token.followsNewline { lineStart = token.start }
    }

    /// Notes whether the punctuation `token` ends the sentence, pending what follows it.
    @inline(never)
    private mutating func notePunctuation(
        _ token: Token, index: Int, after tokens: UnsafeMutableBufferPointer<Token>
    ) {
        let punctuation = terminalStrength(of: token)
        if punctuation > 0 && !isAbbreviationPeriod(token, index: index, after: tokens) {
            terminated = true
            strong = punctuation == 2
        } else if !(terminated && isClosing(token) && !token.followsSpace) {
            terminated = false
        }
    }

    /// Closes the last sentence after the `count` tokens of the text and hands over the
    /// sentences (the splitter keeps none).
    mutating func finish(count: Int, last: Token?) -> [Sentence] {
        if let last { close(before: count, last: last) }
        defer { sentences = [] }
        return sentences
    }

    /// Starts a sentence at `token`, the `index`th.
    private mutating func open(_ token: Token, at index: Int) {
        first = index
        firstStart = token.start
        firstUTF8Start = token.utf8Start
        marked = false
    }

    /// Appends the sentence from its first token to `last`, the token before `end`.
    private mutating func close(before end: Int, last: Token) {
        sentences.append(Sentence(
            index: sentences.count, scalarRange: firstStart..<last.end,
            utf8Range: firstUTF8Start..<last.utf8End, tokenRange: first..<end))
        sentenceCount = sentences.count
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
    private func isAbbreviationPeriod(
        _ token: Token, index: Int, after tokens: UnsafeMutableBufferPointer<Token>
    ) -> Bool {
        guard index > 0, token.utf8End - token.utf8Start == 1, bytes[token.utf8Start] == 0x2E else {
            return false
        }
        let word = tokens[index - 1]
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
