/// The words of one sentence in lower case, the unit the event readers scan.
///
/// Words joined by hyphens become one word ("sit-in", "counter-offensive"); numbers are kept
/// (dates need them); other punctuation is dropped but remembered as a clause break, so a
/// phrase never matches across a comma.
///
/// The lower-case forms are UTF-8 bytes in one buffer per sentence (reused from sentence to
/// sentence), and each word is looked up
/// once in the lexicon and in ``EventVocabulary``; the readers then compare word numbers and
/// flags, and make a `String` only for what they report.
struct SentenceWords {
    /// One word and the tokens it covers.
    struct Word {
        /// Its lower-case UTF-8 bytes in ``SentenceWords/lowercased``.
        var bytes: Range<Int>
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
        /// Its number in the lexicon's word table, or -1 when the lexicon does not use it.
        var lexiconWord: Int32 = -1
        /// What the date and governor readers know about it.
        var info = EventVocabulary.Info.none
    }

    /// The words in order.
    private(set) var words: [Word] = []
    /// The sentence's UTF-8 with ASCII capitals folded, then the lower-case bytes of its words
    /// that are not all ASCII (see ``collect(_:)``).
    private(set) var lowercased: [UInt8] = []
    /// Whether a word could belong to a time expression (a number, a month or weekday name, a
    /// relative time word): without one ``DateExpression/find(in:into:)`` has nothing to read.
    private(set) var hasDateCue = false
    /// The document the words are read from.
    let text: TokenizedText

    /// Words of no sentence yet; ``read(_:lexicon:)`` fills them.
    init(_ text: TokenizedText) {
        self.text = text
    }

    /// Collects the words of `sentence` and looks them up in `lexicon`.
    init(_ text: TokenizedText, sentence: Sentence, lexicon: EventLexicon) {
        self.init(text)
        read(sentence, lexicon: lexicon)
    }

    /// Replaces the words with those of `sentence` of the same text, looked up in `lexicon`;
    /// the buffers of the previous sentence are reused.
    mutating func read(_ sentence: Sentence, lexicon: EventLexicon) {
        words.removeAll(keepingCapacity: true)
        lowercased.removeAll(keepingCapacity: true)
        words.reserveCapacity(sentence.tokenRange.count)
        lowercased.reserveCapacity(sentence.utf8Range.count)
        collect(sentence)
        hasDateCue = lookUp(lexicon: lexicon)
    }

    /// Appends the words of `sentence` and their lower-case bytes.
    ///
    /// The whole sentence is copied once with its ASCII capitals folded, and an ASCII word
    /// (hyphenated parts included, when nothing but the hyphen stands between them) points at
    /// its own span of that copy. A word with other bytes is lower-cased part by part after it,
    /// as `String.lowercased()` gives each part.
    private mutating func collect(_ sentence: Sentence) {
        var document = text.text
        let tokens = text.tokens
        document.withUTF8 { utf8 in
            let base = sentence.utf8Start
            let copied = sentence.utf8Range.clamped(to: 0..<utf8.count)
            let isASCII = Self.appendFolded(UnsafeBufferPointer(rebasing: utf8[copied]), to: &lowercased)
            /// Whether the word's bytes are its span of the folded copy.
            func inPlace(_ word: Word) -> Bool { word.bytes.upperBound <= copied.count }
            var pendingBreak = false
            var joinNext = false
            // The UTF-8 range of the hyphen that set `joinNext`.
            var hyphen = 0..<0
            for index in sentence.tokenRange {
                let token = tokens[index]
                switch token.kind {
                case .word, .number:
                    let ascii = isASCII || Self.isASCII(utf8[token.utf8Range])
                    if joinNext, token.joinedByHyphen, !words.isEmpty {
                        let last = words.count - 1
                        let previousEnd = tokens[words[last].tokens.upperBound - 1].utf8End
                        if ascii && inPlace(words[last]) && hyphen.lowerBound == previousEnd
                            && token.utf8Start == hyphen.upperBound {
                            words[last].bytes = words[last].bytes.lowerBound..<(token.utf8End - base)
                        } else {
                            if inPlace(words[last]) {
                                let start = lowercased.count
                                let previous = Array(lowercased[words[last].bytes])
                                lowercased.append(contentsOf: previous)
                                words[last].bytes = start..<lowercased.count
                            }
                            lowercased.append(UInt8(ascii: "-"))
                            Self.appendLowercased(utf8[token.utf8Range], to: &lowercased)
                            words[last].bytes = words[last].bytes.lowerBound..<lowercased.count
                        }
                        words[last].tokens = words[last].tokens.lowerBound..<(index + 1)
                    } else {
                        let bytes: Range<Int>
                        if ascii {
                            bytes = (token.utf8Start - base)..<(token.utf8End - base)
                        } else {
                            let start = lowercased.count
                            Self.appendLowercased(utf8[token.utf8Range], to: &lowercased)
                            bytes = start..<lowercased.count
                        }
                        words.append(Word(bytes: bytes, tokens: index..<(index + 1),
                                          afterBreak: pendingBreak, shape: token.shape,
                                          isNumber: token.kind == .number))
                    }
                    pendingBreak = false
                    joinNext = false
                case .punctuation where token.utf8Range.count == 1 && utf8[token.utf8Start] == UInt8(ascii: "-")
                    && !token.followsSpace:
                    joinNext = true
                    hyphen = token.utf8Range
                case .possessive:
                    if !words.isEmpty { words[words.count - 1].followedByPossessive = true }
                default:
                    pendingBreak = true
                    joinNext = false
                }
            }
        }
    }

    /// Appends `bytes` with their ASCII capitals folded to lower case; returns whether they
    /// are all ASCII.
    private static func appendFolded(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let start = out.count
        out.append(contentsOf: bytes)
        var union: UInt8 = 0
        out.withUnsafeMutableBufferPointer { out in
            for index in start..<out.count {
                let byte = out[index]
                union |= byte
                out[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            }
        }
        return union < 0x80
    }

    /// Whether `bytes` are all ASCII.
    private static func isASCII(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var union: UInt8 = 0
        for byte in bytes { union |= byte }
        return union < 0x80
    }

    /// Looks every word up in ``EventVocabulary`` and the lexicon; returns whether one could
    /// belong to a time expression.
    private mutating func lookUp(lexicon: EventLexicon) -> Bool {
        var hasDateCue = false
        let vocabulary = EventVocabulary.shared
        let lexicon = lexicon.wordIndex
        lowercased.withUnsafeBufferPointer { all in
            words.withUnsafeMutableBufferPointer { words in
                for index in words.indices {
                    let bytes = UnsafeBufferPointer(rebasing: all[words[index].bytes])
                    if Self.startsNumber(bytes) { hasDateCue = true }
                    // Most words are in neither table, and most of those fail the cheap test;
                    // a word is looked up only in the tables whose test it passes (the others
                    // would answer what the word already holds: no info, no lexicon number).
                    let signature = WordTable.signature(bytes)
                    let mayBeInVocabulary = vocabulary.table.mayContain(signature: signature)
                    let mayBeInLexicon = lexicon.words.mayContain(signature: signature)
                    guard mayBeInVocabulary || mayBeInLexicon else { continue }
                    let hash = WordTable.hash(bytes)
                    if mayBeInVocabulary {
                        let info = vocabulary.info(of: bytes, hash: hash)
                        words[index].info = info
                        if info.roles.contains(.dateCue) { hasDateCue = true }
                    }
                    if mayBeInLexicon { words[index].lexiconWord = lexicon.number(of: bytes, hash: hash) }
                }
            }
        }
        return hasDateCue
    }

    /// Appends `bytes` in lower case: ASCII copied and its capitals folded in place, else as
    /// `String.lowercased()` gives it.
    private static func appendLowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        guard isASCII(bytes) else {
            out.append(contentsOf: String(decoding: bytes, as: UTF8.self).lowercased().utf8)
            return
        }
        _ = appendFolded(UnsafeBufferPointer(rebasing: bytes), to: &out)
    }

    /// Whether `bytes` start as a number may (a digit or `+`, as ``DateExpression`` reads them).
    private static func startsNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        return first &- UInt8(ascii: "0") < 10 || first == UInt8(ascii: "+")
    }

    /// The lower-case bytes of the word at `position`.
    func bytes(_ position: Int) -> ArraySlice<UInt8> {
        lowercased[words[position].bytes]
    }

    /// The word at `position` in lower case.
    func lowercasedText(_ position: Int) -> String {
        String(decoding: bytes(position), as: UTF8.self)
    }

    /// The word at `position` as written, its hyphenated parts joined by `-`.
    func original(_ position: Int) -> String {
        original(position..<(position + 1))
    }

    /// The words at `positions` as written, one space between words and `-` between the
    /// hyphenated parts of a word.
    func original(_ positions: Range<Int>) -> String {
        let tokens = text.tokens
        func isPart(_ token: Token) -> Bool { token.kind == .word || token.kind == .number }
        // One separator before every part but the first.
        var capacity = -1
        for position in positions {
            for index in words[position].tokens where isPart(tokens[index]) {
                capacity += tokens[index].utf8Range.count + 1
            }
        }
        guard capacity > 0 else { return "" }
        var document = text.text
        return document.withUTF8 { utf8 in
            String(unsafeUninitializedCapacity: capacity) { out in
                var written = 0
                for position in positions {
                    var separator = UInt8(ascii: " ")
                    for index in words[position].tokens where isPart(tokens[index]) {
                        if written > 0 {
                            out[written] = separator
                            written += 1
                        }
                        separator = UInt8(ascii: "-")
                        for byte in utf8[tokens[index].utf8Range] {
                            out[written] = byte
                            written += 1
                        }
                    }
                }
                return written
            }
        }
    }

    /// The position of the word that holds token `index`, if any.
    func position(ofToken index: Int) -> Int? {
        holding(index, at: position(atOrAfterToken: index))
    }

    /// The position of the word that holds token `index`, if any, knowing that it is not
    /// before `start`: a walk from there, for a token a few words on.
    func position(ofToken index: Int, from start: Int) -> Int? {
        var position = start
        while position < words.count && words[position].tokens.upperBound <= index { position += 1 }
        return holding(index, at: position)
    }

    /// `position` when the word there holds token `index`.
    private func holding(_ index: Int, at position: Int) -> Int? {
        position < words.count && words[position].tokens.contains(index) ? position : nil
    }

    /// The position of the first word at or after token `index`, or `words.count`.
    func position(atOrAfterToken index: Int) -> Int {
        // Words cover ascending, disjoint token ranges: a binary search on their ends.
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].tokens.upperBound > index { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
