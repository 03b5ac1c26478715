/// The words of one sentence in lower case, the unit the event readers scan.
///
/// Words joined by hyphens become one word ("sit-in", "counter-offensive"); numbers are kept
/// (dates need them); other punctuation is dropped but remembered as a clause break, so a
/// phrase never matches across a comma.
///
/// The lower-case forms are UTF-8 bytes in one buffer per sentence, and each word is looked up
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
    let words: [Word]
    /// The lower-case UTF-8 bytes of every word, one after the other.
    let lowercased: [UInt8]
    /// Whether a word could belong to a time expression (a number, a month or weekday name, a
    /// relative time word): without one ``DateExpression/find(in:)`` has nothing to read.
    let hasDateCue: Bool
    private let text: TokenizedText

    /// Collects the words of `sentence` and looks them up in `lexicon`.
    init(_ text: TokenizedText, sentence: Sentence, lexicon: EventLexicon) {
        self.text = text
        var words: [Word] = []
        words.reserveCapacity(sentence.tokenRange.count)
        var lowercased: [UInt8] = []
        lowercased.reserveCapacity(sentence.utf8Range.count)
        var document = text.text
        document.withUTF8 { utf8 in
            var pendingBreak = false
            var joinNext = false
            for index in sentence.tokenRange {
                let token = text.tokens[index]
                switch token.kind {
                case .word, .number:
                    if joinNext, token.joinedByHyphen, !words.isEmpty {
                        lowercased.append(UInt8(ascii: "-"))
                        Self.appendLowercased(utf8[token.utf8Range], to: &lowercased)
                        words[words.count - 1].bytes = words[words.count - 1].bytes.lowerBound..<lowercased.count
                        words[words.count - 1].tokens = words[words.count - 1].tokens.lowerBound..<(index + 1)
                    } else {
                        let start = lowercased.count
                        Self.appendLowercased(utf8[token.utf8Range], to: &lowercased)
                        words.append(Word(bytes: start..<lowercased.count, tokens: index..<(index + 1),
                                          afterBreak: pendingBreak, shape: token.shape,
                                          isNumber: token.kind == .number))
                    }
                    pendingBreak = false
                    joinNext = false
                case .punctuation where token.utf8Range.count == 1 && utf8[token.utf8Start] == UInt8(ascii: "-")
                    && !token.followsSpace:
                    joinNext = true
                case .possessive:
                    if !words.isEmpty { words[words.count - 1].followedByPossessive = true }
                default:
                    pendingBreak = true
                    joinNext = false
                }
            }
        }
        var hasDateCue = false
        let vocabulary = EventVocabulary.shared
        let lexicon = lexicon.wordIndex
        lowercased.withUnsafeBufferPointer { all in
            words.withUnsafeMutableBufferPointer { words in
                for index in words.indices {
                    let bytes = UnsafeBufferPointer(rebasing: all[words[index].bytes])
                    if Self.startsNumber(bytes) { hasDateCue = true }
                    // Most words are in neither table, and most of those fail the cheap test.
                    guard vocabulary.table.mayContain(bytes) || lexicon.words.mayContain(bytes) else { continue }
                    let hash = WordTable.hash(bytes)
                    let info = vocabulary.info(of: bytes, hash: hash)
                    words[index].info = info
                    words[index].lexiconWord = lexicon.number(of: bytes, hash: hash)
                    if info.roles.contains(.dateCue) { hasDateCue = true }
                }
            }
        }
        self.words = words
        self.lowercased = lowercased
        self.hasDateCue = hasDateCue
    }

    /// Appends `bytes` in lower case: byte by byte for ASCII, else as `String.lowercased()` gives it.
    private static func appendLowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for byte in bytes {
                out.append(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
            }
        } else {
            out.append(contentsOf: String(decoding: bytes, as: UTF8.self).lowercased().utf8)
        }
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
        var parts: [Substring] = []
        for index in words[position].tokens {
            let token = text.tokens[index]
            if token.kind == .word || token.kind == .number { parts.append(text.text(of: token)) }
        }
        return parts.joined(separator: "-")
    }

    /// The position of the word that holds token `index`, if any.
    func position(ofToken index: Int) -> Int? {
        words.firstIndex { $0.tokens.contains(index) }
    }

    /// The position of the first word at or after token `index`, or `words.count`.
    func position(atOrAfterToken index: Int) -> Int {
        words.firstIndex { $0.tokens.upperBound > index } ?? words.count
    }
}
