/// Which one-word names of a document also occur in it as a lower-case word ("Reading" and
/// "reading"): a hint that the name is a common word.
///
/// Only lower-case words as long (in UTF-8 bytes) as a one-token mention are considered, and a
/// name is looked for only when its lower-cased form has such a length: a name whose lower-case
/// form is longer or shorter than every one-token mention is never found.
struct LowerCaseOccurrences {
    /// The lower-cased names looked for, ordered by hash, each once.
    private let wanted: [(hash: UInt64, word: String)]
    /// Per entry of `wanted`: whether the document has it as a lower-case word.
    private let found: [Bool]
    /// Per mention: its entry in `wanted`, or -1 when it was not looked for.
    private let entryOfMention: [Int]

    /// Looks for the lower-cased first token of every mention whose position `isLookedFor` accepts.
    init(mentions: [Mention], view: TokenView, isLookedFor: (Int) -> Bool) {
        let tokens = view.tokens
        var lengths = [Bool]()
        for position in mentions.indices where mentions[position].tokenRange.count == 1 {
            let token = tokens[mentions[position].tokenRange.lowerBound]
            Self.include(token.utf8End - token.utf8Start, in: &lengths)
        }
        // The lower-cased names, each with the mention that asked for it.
        var requests: [(hash: UInt64, word: String, mention: Int)] = []
        requests.reserveCapacity(mentions.count)
        for position in mentions.indices where isLookedFor(position) {
            var word = view.lowercased(mentions[position].tokenRange.lowerBound)
            let length = word.utf8.count
            guard length < lengths.count, lengths[length] else { continue }
            requests.append((word.withUTF8 { Self.hash($0) }, word, position))
        }
        requests.sort { ($0.hash, $0.mention) < ($1.hash, $1.mention) }
        var wanted: [(hash: UInt64, word: String)] = []
        wanted.reserveCapacity(requests.count)
        var entryOfMention = [Int](repeating: -1, count: mentions.count)
        var starts = WordStarts()
        for request in requests {
            if let last = wanted.last, last.hash == request.hash, last.word == request.word {
                entryOfMention[request.mention] = wanted.count - 1
                continue
            }
            entryOfMention[request.mention] = wanted.count
            wanted.append((request.hash, request.word))
            starts.insert(first: request.word.utf8.first ?? 0, length: request.word.utf8.count)
        }
        self.wanted = wanted
        self.entryOfMention = entryOfMention
        found = Self.search(tokens: tokens, in: view.text.text, for: wanted, starts: starts)
    }

    /// Whether mention `position` was looked for and found in lower case.
    func isFound(mention position: Int) -> Bool {
        let entry = entryOfMention[position]
        return entry >= 0 && found[entry]
    }

    /// One pass over the lower-case words of the text: which of `wanted` occur among them.
    /// Only words that begin and end like a wanted one (`starts`) are hashed.
    private static func search(tokens: [Token], in text: String, for wanted: [(hash: UInt64, word: String)],
                               starts: WordStarts) -> [Bool] {
        var found = [Bool](repeating: false, count: wanted.count)
        guard !wanted.isEmpty else { return found }
        var missing = wanted.count
        var text = text
        text.withUTF8 { bytes in
            for token in tokens where token.kind == .word && token.shape == .lower {
                let length = token.utf8End - token.utf8Start
                guard starts.contains(first: length > 0 ? bytes[token.utf8Start] : 0, length: length) else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[token.utf8Range])
                let hash = Self.hash(word)
                var entry = firstEntry(withHash: hash, in: wanted)
                while entry < wanted.count && wanted[entry].hash == hash {
                    if !found[entry] && wanted[entry].word.utf8.elementsEqual(word) {
                        found[entry] = true
                        missing -= 1
                    }
                    entry += 1
                }
                if missing == 0 { break }
            }
        }
        return found
    }

    /// The first entry of `wanted` whose hash is at least `hash`.
    private static func firstEntry(withHash hash: UInt64, in wanted: [(hash: UInt64, word: String)]) -> Int {
        var low = 0, high = wanted.count
        while low < high {
            let middle = (low + high) / 2
            if wanted[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Marks `length` in a table of byte lengths indexed by length.
    private static func include(_ length: Int, in lengths: inout [Bool]) {
        if length >= lengths.count { lengths += repeatElement(false, count: length + 1 - lengths.count) }
        lengths[length] = true
    }

    /// FNV-1a over `bytes`.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return hash
    }
}

/// The first byte and byte length of every wanted word: a quick test that rules out most words
/// before they are hashed. Lengths from 63 bytes on are not told apart.
private struct WordStarts {
    /// Per first byte: one bit per length.
    private var lengths = [UInt64](repeating: 0, count: 256)

    mutating func insert(first: UInt8, length: Int) {
        lengths[Int(first)] |= Self.bit(length)
    }

    /// Whether some wanted word may begin with `first` and be `length` bytes long.
    func contains(first: UInt8, length: Int) -> Bool {
        lengths[Int(first)] & Self.bit(length) != 0
    }

    private static func bit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }
}
