/// Read access to a tokenised text's words for the recogniser's rules: lower-cased word text and
/// word-list facts, by token index.
///
/// The rules ask for the same token's words again and again; each is worked out once per
/// document and remembered.
struct TokenView {
    let text: TokenizedText
    let index: GazetteerIndex
    private let memory: WordMemory

    init(text: TokenizedText, index: GazetteerIndex) {
        self.text = text
        self.index = index
        memory = WordMemory(count: text.tokens.count)
    }

    var tokens: [Token] { text.tokens }

    /// The token's text in lower case.
    func lowercased(_ position: Int) -> String {
        if let known = memory.lowercased[position] { return known }
        let token = text.tokens[position]
        var source = text.text
        let lower = source.withUTF8 { bytes -> String in
            let slice = UnsafeBufferPointer(rebasing: bytes[token.utf8Range])
            if slice.allSatisfy({ $0 < 0x80 }) {
                return String(unsafeUninitializedCapacity: slice.count) { buffer in
                    for (offset, byte) in slice.enumerated() {
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return slice.count
                }
            }
            return String(decoding: slice, as: UTF8.self).lowercased()
        }
        memory.lowercased[position] = lower
        return lower
    }

    /// What the word lists say about the token.
    func wordInfo(_ position: Int) -> WordInfo {
        if let known = memory.wordInfo[position] { return known }
        var lower = lowercased(position)
        let info = lower.withUTF8 { index.wordInfo($0) }
        memory.wordInfo[position] = info
        return info
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

/// Per-token results a ``TokenView`` has already worked out. Used by one document's pass on one
/// thread only.
private final class WordMemory {
    var lowercased: [String?]
    var wordInfo: [WordInfo?]

    init(count: Int) {
        lowercased = Array(repeating: nil, count: count)
        wordInfo = Array(repeating: nil, count: count)
    }
}
