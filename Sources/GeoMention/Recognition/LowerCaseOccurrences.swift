/// Which one-word names of a document also occur in it as a lower-case word ("Reading" and
/// "reading"): a hint that the name is a common word.
///
/// Only lower-case words as long (in UTF-8 bytes) as a one-token mention are considered, and a
/// name is looked for only when its lower-cased form has such a length: a name whose lower-case
/// form is longer or shorter than every one-token mention is never found.
struct LowerCaseOccurrences {
    /// The lower-cased names looked for, each once; a word's value is whether the document has
    /// it as a lower-case word.
    private let wanted: ByteWordTable<Bool>
    /// Per mention: its word in `wanted`, or -1 when it was not looked for.
    private let entryOfMention: [Int]

    /// Looks for the lower-cased first token of every mention whose position `isLookedFor` accepts.
    init(mentions: [Mention], view: TokenView, isLookedFor: (Int) -> Bool) {
        let tokens = view.tokens
        var lengths = ByteLengths()
        for position in mentions.indices where mentions[position].tokenRange.count == 1 {
            let token = tokens[mentions[position].tokenRange.lowerBound]
            lengths.insert(token.utf8End - token.utf8Start)
        }
        var wanted = ByteWordTable<Bool>(expectedCount: mentions.count)
        var entryOfMention = [Int](filling: -1, count: mentions.count)
        var starts = WordStarts()
        for position in mentions.indices where isLookedFor(position) {
            view.withLowercasedBytes(mentions[position].tokenRange.lowerBound) { word in
                guard lengths.contains(word.count) else { return }
                let count = wanted.count
                entryOfMention[position] = wanted.insert(word, hash: ByteWordTable<Bool>.hash(word)) { false }
                if wanted.count > count { starts.insert(first: word.first ?? 0, length: word.count) }
            }
        }
        Self.search(tokens: tokens, in: view.text.text, for: &wanted, starts: starts)
        self.wanted = wanted
        self.entryOfMention = entryOfMention
    }

    /// Whether mention `position` was looked for and found in lower case.
    func isFound(mention position: Int) -> Bool {
        let entry = entryOfMention[position]
        return entry >= 0 && wanted.values[entry]
    }

    /// One pass over the lower-case words of the text: marks which of `wanted` occur among them.
    /// Only words that begin and end like a wanted one (`starts`) are looked up.
    ///
    /// The tokens are tested 64 at a time into a mask of those to look up, without a branch per
    /// token: whether a token is a lower-case word, and whether it starts like a wanted one, follow
    /// no pattern the processor could guess.
    private static func search(tokens: [Token], in text: String, for wanted: inout ByteWordTable<Bool>,
                               starts: WordStarts) {
        guard wanted.count > 0 else { return }
        var missing = wanted.count
        var text = text
        text.withUTF8 { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                guard !bytes.isEmpty else { return }
                var block = 0
                while block < tokens.count {
                    var lookups = TokenMask.block(from: block, below: tokens.count) { position in
                        let token = tokens[position]
                        let length = token.utf8End &- token.utf8Start
                        let first = length > 0 ? bytes[min(token.utf8Start, bytes.count - 1)] : 0
                        return TokenMask.bit(token.isKind(.word, shape: .lower))
                            & TokenMask.bit(starts.contains(first: first, length: length))
                    }
                    while lookups != 0 {
                        let token = tokens[block + lookups.trailingZeroBitCount]
                        lookups &= lookups &- 1
                        let word = UnsafeBufferPointer(rebasing: bytes[token.utf8Range])
                        if let entry = wanted.entry(of: word), !wanted.values[entry] {
                            wanted.setValue(true, of: entry)
                            missing -= 1
                            if missing == 0 { return }
                        }
                    }
                    block += 64
                }
            }
        }
    }
}

/// The byte lengths of a document's one-token mentions. Lengths below 64 are bits of one word, so
/// that a document's set needs no allocation; the rare longer ones are listed.
private struct ByteLengths {
    /// Bit n set: length n is in the set (n < 64).
    private var short: UInt64 = 0
    /// The lengths from 64 on, each once.
    private var long: [Int] = []

    mutating func insert(_ length: Int) {
        if length < 64 {
            short |= 1 << UInt64(length)
        } else if !long.contains(length) {
            long.append(length)
        }
    }

    func contains(_ length: Int) -> Bool {
        length < 64 ? short & (1 << UInt64(length)) != 0 : long.contains(length)
    }
}

/// The first byte and byte length of every wanted word: a quick test that rules out most words
/// before they are hashed. Lengths from 63 bytes on are not told apart, nor first bytes that
/// agree in their low six bits (the lower-case letters all differ there).
private struct WordStarts {
    /// Per low six bits of the first byte: one bit per length. Small, as every document makes one.
    private var lengths = [UInt64](filling: 0, count: 64)

    mutating func insert(first: UInt8, length: Int) {
        lengths[Self.slot(first)] |= Self.bit(length)
    }

    /// Whether some wanted word may begin with `first` and be `length` bytes long.
    func contains(first: UInt8, length: Int) -> Bool {
        lengths.withUnsafeBufferPointer { $0[Self.slot(first)] } & Self.bit(length) != 0
    }

    private static func slot(_ first: UInt8) -> Int { Int(first & 0x3F) }

    private static func bit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }
}
