/// Finds names that are places by their form but that the gazetteer does not know, so that they
/// are reported (without coordinates) instead of silently dropped: capitalised words before a
/// feature word ("Neches River", "Freeborn Lake", "Readington Township", "Preble County") or
/// after one ("Lake Vermont", "Fort Benning", "Mount Ushba", "River Lune").
///
/// Only stretches that no spotted name overlaps are considered; a candidate stretch must not
/// continue into a street, an organisation or an institution ("Mahnomen County Road").
struct UnknownPlaceFinder {
    let view: TokenView

    /// Feature words that end a place name.
    static let trailingWords: Set<String> = [
        "river", "creek", "lake", "county", "parish", "township", "valley", "mountains", "island", "islands",
        "bay", "canyon",
    ]
    /// Feature words that begin a place name.
    static let leadingWords: Set<String> = ["lake", "mount", "mt", "fort", "river"]
    /// The UTF-8 of the feature words, to compare with the text without building strings.
    private static let trailingSpellings = trailingWords.map { Array($0.utf8) }
    private static let leadingSpellings = leadingWords.map { Array($0.utf8) }
    /// The lexicon's titles, looked up by a word's bytes.
    private static let personTitles = LexiconWordSet(RecognitionLexicon.personTitles)

    /// Adds the unknown places to `mentions` in text order. A lone feature word the spotter
    /// took for a place ("Lake", a town in Mississippi) gives way to the longer unknown name.
    func add(to mentions: inout [Mention]) {
        let found = find(besides: mentions)
        guard !found.isEmpty else { return }
        var taken = [Bool](filling: false, count: view.tokens.count)
        for mention in found { for position in mention.tokenRange { taken[position] = true } }
        mentions.removeAll { $0.tokenRange.contains { taken[$0] } }
        mentions += found
        mentions.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
    }

    /// Whether `mention` is a single feature word ("Lake") whose word is left free for a longer
    /// unknown name. A word can be part of such a name only when it is capitalised next to
    /// another capitalised word, so the key is looked up in the word lists for those alone.
    /// The mention is read in place, through a pointer, as a copy would retain and release each
    /// of its texts and lists.
    private func isLoneFeatureWord(_ mention: UnsafePointer<Mention>) -> Bool {
        guard mention.pointee.tokenRange.count == 1 else { return false }
        let position = mention.pointee.tokenRange.lowerBound
        guard view.tokens[position].shape == .capitalized,
              isCapitalizedWord(position - 1) || isCapitalizedWord(position + 1) else { return false }
        return Self.leadingWords.contains(mention.pointee.key) || Self.trailingWords.contains(mention.pointee.key)
    }

    /// Whether token `position` exists and is a capitalised word.
    private func isCapitalizedWord(_ position: Int) -> Bool {
        let tokens = view.tokens
        return tokens.indices.contains(position) && tokens[position].kind == .word && tokens[position].shape == .capitalized
    }

    /// The unknown places among the words that `mentions` leave free; lone feature words leave
    /// their word free.
    private func find(besides mentions: [Mention]) -> [Mention] {
        let tokens = view.tokens
        var covered = [Bool](filling: false, count: tokens.count)
        mentions.withUnsafeBufferPointer { mentions in
            for index in mentions.indices where !isLoneFeatureWord(mentions.baseAddress! + index) {
                for position in mentions[index].tokenRange { covered[position] = true }
            }
        }
        var found: [Mention] = []
        // The free capitalised words, 64 tokens at a time, as the bits of a mask made without a
        // branch per token: about one token in six is one, at no pattern the processor could
        // guess. Each set bit past the end of the last run starts a run.
        var next = 0
        var block = 0
        while block < tokens.count {
            var starts = Self.freeCapitalizedWords(tokens, covered, from: block)
            if next > block { starts &= next - block >= 64 ? 0 : ~0 << UInt64(next - block) }
            while starts != 0 {
                let position = block + starts.trailingZeroBitCount
                // A run of capitalised words in one sentence.
                var end = position
                while end + 1 < tokens.count, Self.isCapitalizedWord(tokens[end + 1]),
                      !covered[end + 1], tokens[end + 1].sentence == tokens[position].sentence,
                      !tokens[end + 1].followsNewline, end + 1 - position < 4 {
                    end += 1
                }
                if let range = placeLike(position...end) { found.append(mention(range)) }
                next = end + 1
                starts &= next - block >= 64 ? 0 : ~0 << UInt64(next - block)
            }
            block += 64
        }
        return found
    }

    /// Bit `i` set when token `block + i` is a capitalised word that `covered` leaves free, for
    /// the (up to) 64 tokens from `block`.
    private static func freeCapitalizedWords(_ tokens: [Token], _ covered: [Bool], from block: Int) -> UInt64 {
        tokens.withUnsafeBufferPointer { tokens in
            covered.withUnsafeBufferPointer { covered in
                TokenMask.block(from: block, below: tokens.count) { position in
                    TokenMask.bit(isCapitalizedWord(tokens[position])) & ~TokenMask.bit(covered[position])
                }
            }
        }
    }

    @inline(__always)
    private static func isCapitalizedWord(_ token: Token) -> Bool {
        token.isKind(.word, shape: .capitalized)
    }

    /// The part of the run that reads as a place name, if any.
    private func placeLike(_ run: ClosedRange<Int>) -> ClosedRange<Int>? {
        guard run.count >= 2 else { return nil }
        if let next = view.adjacentWord(after: run.upperBound), view.tokens[next].startsUppercase {
            return nil  // the run goes on into another capitalised word: a longer name
        }
        if isWord(run.upperBound, oneOf: Self.trailingWords, spelled: Self.trailingSpellings), !isWeakStart(run.lowerBound),
           (run.lowerBound..<run.upperBound).allSatisfy(isNameWord) {
            return run
        }
        if run.count <= 3, isWord(run.lowerBound, oneOf: Self.leadingWords, spelled: Self.leadingSpellings),
           ((run.lowerBound + 1)...run.upperBound).allSatisfy(isNameWord) {
            return run
        }
        return nil
    }

    /// Whether token `position`, lower-cased, is one of `words`, whose UTF-8 forms are `spellings`.
    /// An ASCII word is compared with the spellings where it stands; any other is lower-cased
    /// as a string.
    private func isWord(_ position: Int, oneOf words: Set<String>, spelled spellings: [[UInt8]]) -> Bool {
        let range = view.tokens[position].utf8Range
        let asciiMatch = view.text.text.utf8.withContiguousStorageIfAvailable { text -> Bool? in
            let word = text[range]
            guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
            return spellings.contains { spelling in
                spelling.count == word.count
                    && zip(spelling, word).allSatisfy { lower, byte in lower == (byte &- 0x41 < 26 ? byte | 0x20 : byte) }
            }
        }
        if let asciiMatch = asciiMatch ?? nil { return asciiMatch }
        return words.contains(view.lowercased(position))
    }

    /// A word that can be part of a proper name: not a title, not a common English word.
    private func isNameWord(_ position: Int) -> Bool {
        if view.withLowercasedBytes(position, { Self.personTitles.contains($0) }) { return false }
        let info = view.wordInfo(position)
        return !(info.isLowerCaseWord && info.zipf >= 3.5)
    }

    /// The run opens a sentence with a common English word ("Rising River levels").
    private func isWeakStart(_ position: Int) -> Bool {
        guard view.tokens[position].isSentenceStart else { return false }
        let info = view.wordInfo(position)
        return info.isLowerCaseWord && info.zipf >= 4
    }

    private func mention(_ range: ClosedRange<Int>) -> Mention {
        let first = view.tokens[range.lowerBound], last = view.tokens[range.upperBound]
        let text = String(view.text.text(utf8Range: first.utf8Start..<last.utf8End))
        return Mention(start: first.start, end: last.end, utf8Range: first.utf8Start..<last.utf8End,
                       tokenRange: range.lowerBound..<(range.upperBound + 1), text: text,
                       key: NameNormalizer.normalize(text), sentence: first.sentence, candidates: [])
    }
}
