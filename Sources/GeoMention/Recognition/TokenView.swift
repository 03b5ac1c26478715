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
        precondition(position >= 0 && position < memory.count, "token index out of range")
        if let known = memory.lowercased[position] { return known }
        let lower = withBytes(of: position) { slice -> String in
            if slice.allSatisfy({ $0 < 0x80 }) {
                return String(unsafeUninitializedCapacity: slice.count) { buffer in
                    Self.lowercaseASCII(slice, into: buffer)
                }
            }
            return String(decoding: slice, as: UTF8.self).lowercased()
        }
        memory.lowercased[position] = lower
        return lower
    }

    /// What the word lists say about the token.
    func wordInfo(_ position: Int) -> WordInfo {
        precondition(position >= 0 && position < memory.count, "token index out of range")
        if let known = memory.wordInfo[position] { return known }
        // An ASCII word is lower-cased on the stack; only other scripts need the string.
        let asciiInfo = withBytes(of: position) { slice -> WordInfo? in
            guard slice.count <= Self.stackWordLength, slice.allSatisfy({ $0 < 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.stackWordLength) { buffer in
                let count = Self.lowercaseASCII(slice, into: buffer)
                return index.wordInfo(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
        let info: WordInfo
        if let asciiInfo {
            info = asciiInfo
        } else {
            var lower = lowercased(position)
            info = lower.withUTF8 { index.wordInfo($0) }
        }
        memory.wordInfo[position] = info
        return info
    }

    /// The first UTF-8 byte of the token's text.
    func firstByte(_ position: Int) -> UInt8 {
        withBytes(of: position) { $0[0] }
    }

    /// The longest ASCII word ``wordInfo(_:)`` lower-cases without a string.
    private static let stackWordLength = 64

    /// Calls `body` with the token's UTF-8 bytes.
    private func withBytes<Result>(of position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = text.tokens[position].utf8Range
        if let result = text.text.utf8.withContiguousStorageIfAvailable({ body(UnsafeBufferPointer(rebasing: $0[range])) }) {
            return result
        }
        var source = text.text
        return source.withUTF8 { body(UnsafeBufferPointer(rebasing: $0[range])) }
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
        return text.text(of: text.tokens[position]) == mark
    }
}

/// Per-token results a ``TokenView`` has already worked out. Used by one document's pass on one
/// thread only.
///
/// The results live in buffers allocated once, reached through constant pointers, so that
/// reading and writing one needs no exclusivity bookkeeping.
private final class WordMemory {
    let count: Int
    let lowercased: UnsafeMutablePointer<String?>
    let wordInfo: UnsafeMutablePointer<WordInfo?>

    init(count: Int) {
        self.count = count
        lowercased = .allocate(capacity: count)
        lowercased.initialize(repeating: nil, count: count)
        wordInfo = .allocate(capacity: count)
        wordInfo.initialize(repeating: nil, count: count)
    }

    deinit {
        lowercased.deinitialize(count: count)
        lowercased.deallocate()
        wordInfo.deinitialize(count: count)
        wordInfo.deallocate()
    }
}
