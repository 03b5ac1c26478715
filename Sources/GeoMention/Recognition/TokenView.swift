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
        memory = WordMemory(text: text.text, count: text.tokens.count)
    }

    var tokens: [Token] { text.tokens }

    /// The token's text in lower case.
    func lowercased(_ position: Int) -> String {
        precondition(position >= 0 && position < memory.count, "token index out of range")
        if let known = memory.lowercased(at: position) { return known }
        let lower = withBytes(of: position) { slice -> String in
            if slice.allSatisfy({ $0 < 0x80 }) {
                return String(unsafeUninitializedCapacity: slice.count) { buffer in
                    Self.lowercaseASCII(slice, into: buffer)
                }
            }
            return String(decoding: slice, as: UTF8.self).lowercased()
        }
        memory.remember(lower, at: position)
        return lower
    }

    /// Calls `body` with the UTF-8 bytes of the token's text in lower case. An ASCII word is
    /// lower-cased on the stack; only other scripts need (and remember) the string.
    @inline(__always)
    func withLowercasedBytes<Result>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let slice = bytes(of: position)
        if slice.count <= Self.stackWordLength && slice.allSatisfy({ $0 < 0x80 }) {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.stackWordLength) { buffer in
                let count = Self.lowercaseASCII(slice, into: buffer)
                return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
        var lower = lowercased(position)
        return lower.withUTF8(body)
    }

    /// What the word lists say about the token.
    func wordInfo(_ position: Int) -> WordInfo {
        precondition(position >= 0 && position < memory.count, "token index out of range")
        if let known = memory.wordInfo(at: position) { return known }
        let info = withLowercasedBytes(position) { index.wordInfo($0) }
        memory.remember(info, at: position)
        return info
    }

    /// The first UTF-8 byte of the token's text.
    func firstByte(_ position: Int) -> UInt8 {
        withBytes(of: position) { $0[0] }
    }

    /// The text's UTF-8 bytes in `range` (a mention's ``Mention/utf8Range``), valid while the
    /// view lives.
    func bytes(inUTF8 range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        memory.bytes(in: range)
    }

    /// The longest ASCII word ``withLowercasedBytes(_:_:)`` lower-cases without a string.
    private static let stackWordLength = 64

    /// The token's UTF-8 bytes.
    private func bytes(of position: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(position >= 0 && position < memory.count, "token index out of range")
        return memory.bytes(in: text.tokens[position].utf8Range)
    }

    /// Calls `body` with the token's UTF-8 bytes.
    private func withBytes<Result>(of position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(memory.bytes(in: text.tokens[position].utf8Range))
    }

    /// Writes the ASCII bytes of `slice` lower-cased into `buffer`, which must be large enough;
    /// returns the number of bytes written.
    private static func lowercaseASCII(_ slice: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        for (offset, byte) in slice.enumerated() {
            buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        return slice.count
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
        return hasText(position, mark)
    }

    /// Whether the token is punctuation made of exactly one of `marks`.
    func isPunctuation(_ position: Int, oneOf marks: [String]) -> Bool {
        guard position >= 0, position < text.tokens.count, text.tokens[position].kind == .punctuation else { return false }
        return marks.contains { hasText(position, $0) }
    }

    /// Whether the token's text equals `other` as strings compare, answered from the bytes
    /// without a substring of the text: equal bytes are equal strings, and two ASCII texts are
    /// equal only with equal bytes. Only a text outside ASCII that differs in its bytes is compared
    /// as a string, for canonical equivalence.
    private func hasText(_ position: Int, _ other: String) -> Bool {
        let slice = bytes(of: position)
        var other = other
        let decided = other.withUTF8 { mark -> Bool? in
            if slice.elementsEqual(mark) { return true }
            if slice.allSatisfy({ $0 < 0x80 }) && mark.allSatisfy({ $0 < 0x80 }) { return false }
            return nil
        }
        return decided ?? (text.text(of: text.tokens[position]) == other)
    }
}

/// Per-token results a ``TokenView`` has already worked out, and the text's UTF-8 bytes they are
/// worked out from. Used by one document's pass on one thread only.
///
/// Most tokens are never asked about, so nothing is stored for them: a bit per token says
/// whether its slot holds a result, and only those slots are ever initialised or released.
/// The buffers are allocated once and reached through constant pointers, so that reading and
/// writing a result needs no exclusivity bookkeeping. The text's bytes are copied once, so that
/// reading a token's bytes neither retains the text's storage nor goes through a closure.
private final class WordMemory {
    let count: Int
    private let utf8: UnsafeMutableBufferPointer<UInt8>
    private let words: Int
    private let hasLowercased: UnsafeMutablePointer<UInt64>
    private let lowercased: UnsafeMutablePointer<String>
    private let hasWordInfo: UnsafeMutablePointer<UInt64>
    private let wordInfo: UnsafeMutablePointer<WordInfo>

    init(text: String, count: Int) {
        self.count = count
        utf8 = .allocate(capacity: text.utf8.count)
        _ = utf8.initialize(fromContentsOf: text.utf8)
        words = (count + 63) / 64
        hasLowercased = .allocate(capacity: words)
        hasLowercased.initialize(repeating: 0, count: words)
        lowercased = .allocate(capacity: count)
        hasWordInfo = .allocate(capacity: words)
        hasWordInfo.initialize(repeating: 0, count: words)
        wordInfo = .allocate(capacity: count)
    }

    deinit {
        for word in 0..<words {
            var bits = hasLowercased[word]
            while bits != 0 {
                (lowercased + word * 64 + bits.trailingZeroBitCount).deinitialize(count: 1)
                bits &= bits - 1
            }
        }
        utf8.deallocate()
        lowercased.deallocate()
        hasLowercased.deallocate()
        wordInfo.deallocate()
        hasWordInfo.deallocate()
    }

    /// The text's bytes in `range`, which must lie within the text.
    func bytes(in range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= utf8.count, "byte range out of the text")
        return UnsafeBufferPointer(start: utf8.baseAddress.map { $0 + range.lowerBound }, count: range.count)
    }

    private static func isSet(_ bits: UnsafeMutablePointer<UInt64>, _ position: Int) -> Bool {
        bits[position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    private static func set(_ bits: UnsafeMutablePointer<UInt64>, _ position: Int) {
        bits[position >> 6] |= 1 << UInt64(position & 63)
    }

    /// The remembered lower-cased text of token `position` (which must be below `count`).
    func lowercased(at position: Int) -> String? {
        Self.isSet(hasLowercased, position) ? lowercased[position] : nil
    }

    /// Remembers the lower-cased text of token `position`, not remembered before.
    func remember(_ text: String, at position: Int) {
        precondition(!Self.isSet(hasLowercased, position))
        (lowercased + position).initialize(to: text)
        Self.set(hasLowercased, position)
    }

    /// The remembered word facts of token `position` (which must be below `count`).
    func wordInfo(at position: Int) -> WordInfo? {
        Self.isSet(hasWordInfo, position) ? wordInfo[position] : nil
    }

    /// Remembers the word facts of token `position`.
    func remember(_ info: WordInfo, at position: Int) {
        (wordInfo + position).initialize(to: info)
        Self.set(hasWordInfo, position)
    }
}
