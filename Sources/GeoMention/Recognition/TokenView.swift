/// Read access to a tokenised text's words for the recogniser's rules: lower-cased word text and
/// word-list facts, by token index.
struct TokenView {
    let text: TokenizedText
    let index: GazetteerIndex

    var tokens: [Token] { text.tokens }

    /// The token's text in lower case.
    func lowercased(_ position: Int) -> String {
        text.text(of: text.tokens[position]).lowercased()
    }

    /// What the word lists say about the token.
    func wordInfo(_ position: Int) -> WordInfo {
        var bytes = Array(lowercased(position).utf8)
        return bytes.withUnsafeMutableBufferPointer { index.wordInfo(UnsafeBufferPointer($0)) }
    }

    /// The word token right before `position` in the same sentence, with nothing but white
    /// space between them.
    func adjacentWord(before position: Int) -> Int? {
        let previous = position - 1
        guard previous >= 0, text.tokens[previous].kind == .word,
              text.tokens[previous].sentence == text.tokens[position].sentence,
              !text.tokens[position].followsNewline else { return nil }
        return previous
    }

    /// The word token right after `position` in the same sentence, with nothing but white space
    /// between them.
    func adjacentWord(after position: Int) -> Int? {
        let next = position + 1
        guard next < text.tokens.count, text.tokens[next].kind == .word,
              text.tokens[next].sentence == text.tokens[position].sentence,
              !text.tokens[next].followsNewline, text.tokens[next].followsSpace else { return nil }
        return next
    }

    /// Whether the token is punctuation made of exactly `mark`.
    func isPunctuation(_ position: Int, _ mark: String) -> Bool {
        guard position >= 0, position < text.tokens.count, text.tokens[position].kind == .punctuation else { return false }
        return text.text(of: text.tokens[position]) == mark
    }
}
