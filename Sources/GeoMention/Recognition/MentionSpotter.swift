/// Finds the stretches of a tokenised text that spell a gazetteer name.
///
/// A match starts at a capitalised word and extends word by word while the words read so far
/// are a name or the start of a longer one ("New" → "New York" → "New York City"); the longest
/// name wins. Words may be joined by a hyphen, a period after an abbreviation ("St. Louis") or an
/// ampersand; a possessive "'s" is kept where a name is spelled with it ("St. John's", "Democratic
/// People's Republic of Korea"), and left out otherwise ("Canada's economy"). A comma always
/// separates names: "Washington, D.C." is a place and its qualifier, like "Paris, Texas". Inner words may be lower-case connectors ("Gulf of Mexico"); the first
/// and last word must start with a capital.
///
/// Case rules per name: a case-sensitive form ("US", "UK") must be written exactly so; an
/// abbreviation must be written in its own capitals ("Ill." but not "ill", "Ga." with its
/// period); a capitalised word never matches a lower-case word.
struct MentionSpotter {
    let index: GazetteerIndex
    /// The most words a name may have.
    static let maximumWords = 8

    /// Every name span in `text`, left to right, without overlaps. Filters come later.
    func spot(_ text: TokenizedText) -> [Mention] {
        var source = text.text
        return source.withUTF8 { bytes in
            let key = NameKeyBuffer()
            let tokens = text.tokens
            // Room for one name in sixteen tokens, about as many as news text has, so that the
            // list is rarely moved while it grows.
            var spotted: [Mention] = []
            spotted.reserveCapacity(tokens.count / 16)
            var position = 0
            while position < tokens.count {
                let first = tokens[position]
                guard first.kind == .word, first.startsUppercase else {
                    position += 1
                    continue
                }
                key.removeAll()
                var last = position
                var best: (last: Int, entry: KeyEntry, keyLength: Int)?
                var words = 1
                var glued = false
                while true {
                    append(tokens[last], of: bytes, to: key, glued: glued)
                    let plain = key.withBytes({ index.entry(forKey: $0) })
                    if let plain, !plain.postings.isEmpty && tokens[last].startsUppercase {
                        best = (last, plain, key.count)
                        // Likely a mention: its postings are fetched while longer names are tried.
                        index.prefetchPostings(of: plain)
                    }
                    // A possessive right after the word belongs to the name when a name is spelled
                    // with it: "St. John's" is a place, "Canada's" is Canada, even though
                    // "Canadas" is a village too. A longer name may go on after it ("Democratic
                    // People's Republic of Korea", "Queen Anne's County").
                    var entry = plain
                    var end = last
                    if last + 1 < tokens.count, tokens[last + 1].kind == .possessive {
                        key.append(0x73)
                        let withEnding = key.withBytes({ index.entry(forKey: $0) })
                        let spelled = withEnding.map(spellsPossessive) ?? false
                        if let withEnding, withEnding.isPrefix || spelled {
                            if spelled && tokens[last].startsUppercase {
                                best = (last + 1, withEnding, key.count)
                            }
                            entry = withEnding
                            end = last + 1
                        } else {
                            key.removeLast()
                        }
                    }
                    guard let entry else { break }
                    guard entry.isPrefix, words < Self.maximumWords,
                          let next = nextWord(after: end, in: tokens, bytes: bytes, key: key) else { break }
                    guard tokens[next].startsUppercase || isConnector(tokens[next], bytes) else { break }
                    // "W.Va." is keyed "wva", "W. Va." "w va": periods vanish, spaces stay.
                    glued = !tokens[next].followsSpace && next - last == 2 && bytes[tokens[last + 1].utf8Start] == UInt8(ascii: ".")
                    last = next
                    words += 1
                }
                if let best, let mention = key.withBytes(prefix: best.keyLength, { spelled in
                    makeMention(tokens: position...best.last, entry: best.entry, key: spelled, text: text, bytes: bytes)
                }) {
                    spotted.append(mention)
                    position = best.last + 1
                } else {
                    position += 1
                }
            }
            return spotted
        }
    }

    /// Appends a token's normalised form to `key`, separated by a space.
    private func append(_ token: Token, of bytes: UnsafeBufferPointer<UInt8>, to key: NameKeyBuffer, glued: Bool = false) {
        let slice = UnsafeBufferPointer(rebasing: bytes[token.utf8Range])
        var pendingSpace = !key.isEmpty && !glued
        // Letters and digits only, the common case: the word lower-cased, after its space.
        if key.appendLowercasedAlphanumerics(slice, spaced: pendingSpace) { return }
        if !slice.contains(where: { $0 >= 0x80 }) {
            key.withArray { array in
                for byte in slice { NameNormalizer.appendASCII(byte, to: &array, pendingSpace: &pendingSpace) }
            }
        } else {
            key.withArray { array in
                for scalar in String(decoding: slice, as: UTF8.self).unicodeScalars {
                    LatinScalarFolds.append(scalar, to: &array, pendingSpace: &pendingSpace)
                }
            }
        }
    }

    /// The next word token that may continue a name after token `last`, in the same sentence and
    /// line, with at most one joining mark between them. Adds to `key` what the joining mark
    /// contributes (an ampersand).
    private func nextWord(after last: Int, in tokens: [Token], bytes: UnsafeBufferPointer<UInt8>,
                          key: NameKeyBuffer) -> Int? {
        var next = last + 1
        guard next < tokens.count else { return nil }
        let sentence = tokens[last].sentence
        // A name goes on past a possessive only when spelled with it, and then ``spot(_:)`` has
        // taken the possessive into the key already.
        if tokens[next].kind == .possessive { return nil }
        if tokens[next].kind == .punctuation {
            let mark = bytes[tokens[next].utf8Start]
            let width = tokens[next].utf8End - tokens[next].utf8Start
            guard width == 1, !tokens[next].followsNewline else { return nil }
            switch mark {
            case UInt8(ascii: "-"), UInt8(ascii: "."): break
            case UInt8(ascii: "&"): key.append(0x20); key.append(0x26)
            default: return nil
            }
            next += 1
        }
        guard next < tokens.count, tokens[next].kind == .word, tokens[next].sentence == sentence,
              !tokens[next].followsNewline else { return nil }
        return next
    }

    /// Whether one of the names under `entry` is written with a possessive ending ("St. John's"
    /// but not "Canadas"): an apostrophe, straight or curly, before its "s".
    private func spellsPossessive(_ entry: KeyEntry) -> Bool {
        entry.postings.contains { posting in
            let surface = index.postingSurfaceBytes(posting)
            guard surface.count >= 2 else { return false }
            for position in 1..<surface.count where surface[position] | 0x20 == UInt8(ascii: "s") {
                let before = surface[position - 1]
                if before == UInt8(ascii: "'") { return true }
                // "’" is E2 80 99 in UTF-8.
                if before == 0x99 && position >= 3 && surface[position - 3] == 0xE2 && surface[position - 2] == 0x80 {
                    return true
                }
            }
            return false
        }
    }

    private func isConnector(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.shape == .lower, token.utf8End - token.utf8Start <= 5 else { return false }
        return Self.connectors.entry(of: UnsafeBufferPointer(rebasing: bytes[token.utf8Range])) != nil
    }

    /// ``RecognitionLexicon/nameConnectors``, looked up by a token's bytes without making a string.
    private static let connectors: ByteWordTable<Void> = {
        var table = ByteWordTable<Void>(expectedCount: RecognitionLexicon.nameConnectors.count)
        for word in RecognitionLexicon.nameConnectors { table.insert(word, value: ()) }
        return table
    }()

    /// Builds the mention for tokens `range` with the postings that pass the case rules, or nil
    /// when none does. The key's string is made only for a mention.
    private func makeMention(tokens range: ClosedRange<Int>, entry: KeyEntry, key: UnsafeBufferPointer<UInt8>, text: TokenizedText,
                             bytes: UnsafeBufferPointer<UInt8>) -> Mention? {
        let tokens = text.tokens
        let first = tokens[range.lowerBound], last = tokens[range.upperBound]
        let written = UnsafeBufferPointer(rebasing: bytes[first.utf8Start..<last.utf8End])
        let followedByPeriod = range.upperBound + 1 < tokens.count
            && tokens[range.upperBound + 1].kind == .punctuation
            && bytes[tokens[range.upperBound + 1].utf8Start] == UInt8(ascii: ".")
            && tokens[range.upperBound + 1].utf8Start == last.utf8End
        let allCapitals = range.allSatisfy { tokens[$0].kind != .word || tokens[$0].shape == .allCaps }
        var candidates: [MentionCandidate] = []
        candidates.reserveCapacity(entry.postings.count)
        for posting in entry.postings {
            let form = index.postingForm(posting)
            let surface = index.postingSurfaceBytes(posting)
            if index.postingIsCaseSensitive(posting) {
                guard index.postingSurfaceEquals(posting, written) else { continue }
            } else if form == .abbreviation {
                guard Self.abbreviationMatches(surface: surface, written: written, followedByPeriod: followedByPeriod,
                                               allCapitals: allCapitals) else { continue }
            }
            let place = index.postingPlace(posting)
            // A place has a second posting under the key only when one of the two is case-sensitive;
            // only then may it have been taken already.
            if index.postingPlaceIsRepeated(posting), let earlier = candidates.firstIndex(where: { $0.place == place }) {
                // The same place reached again through its abbreviation written as such ("EU"
                // after "E.U."): the abbreviation describes the text better.
                if form == .abbreviation { candidates[earlier].form = .abbreviation }
                continue
            }
            // The recogniser's features and the resolver read the candidate's record soon after.
            index.prefetchPlace(place)
            candidates.append(MentionCandidate(place: place, form: form, isPrimaryName: index.postingIsPrimary(posting),
                                               prior: index.postingPrior(posting)))
        }
        guard !candidates.isEmpty else { return nil }
        // An abbreviation written with its final period keeps the period: "Ill.", "Kan.".
        var end = (scalar: last.end, utf8: last.utf8End, token: range.upperBound + 1)
        if followedByPeriod, candidates.contains(where: { $0.form == .abbreviation }),
           entry.postings.contains(where: { posting in
               index.postingForm(posting) == .abbreviation
                   && Self.spellsWithFinalPeriod(surface: index.postingSurfaceBytes(posting), written: written, allCapitals: allCapitals)
           }) {
            let period = tokens[range.upperBound + 1]
            end = (period.end, period.utf8End, range.upperBound + 2)
        }
        let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[first.utf8Start..<end.utf8]), as: UTF8.self)
        return Mention(start: first.start, end: end.scalar, utf8Range: first.utf8Start..<end.utf8,
                       tokenRange: range.lowerBound..<end.token, text: surface,
                       key: String(decoding: key, as: UTF8.self), sentence: first.sentence, candidates: candidates)
    }

    /// Whether `surface` is exactly `written` followed by a period ("Ill." for "Ill", "W.Va." for
    /// "W.Va"), so that the period after the text belongs to the abbreviation ("E.U." is not
    /// "EU" plus a period: the period after "EU" ends the sentence).
    static func spellsWithFinalPeriod(surface: UnsafeBufferPointer<UInt8>, written: UnsafeBufferPointer<UInt8>,
                                      allCapitals: Bool) -> Bool {
        guard surface.count == written.count + 1, surface.last == UInt8(ascii: ".") else { return false }
        for position in written.indices {
            let a = surface[position], b = written[position]
            if a == b { continue }
            if allCapitals && a >= 0x61 && a <= 0x7A && a - 0x20 == b { continue }
            return false
        }
        return true
    }

    /// An abbreviation such as "Ill." or "U.S." matches text with the same letters in the same
    /// case (periods aside), or in capitals within capitals; when it ends in a period, the text
    /// must be followed by one (or end in one).
    static func abbreviationMatches(surface: UnsafeBufferPointer<UInt8>, written: UnsafeBufferPointer<UInt8>,
                                    followedByPeriod: Bool, allCapitals: Bool) -> Bool {
        let period = UInt8(ascii: ".")
        if surface.last == period && written.last != period && !followedByPeriod { return false }
        var surfaceLetters = surface.lazy.filter { $0 != period }.makeIterator()
        var writtenLetters = written.lazy.filter { $0 != period }.makeIterator()
        while true {
            let a = surfaceLetters.next(), b = writtenLetters.next()
            if a == nil && b == nil { return true }
            guard let a, let b else { return false }
            if a == b { continue }
            if allCapitals && a >= 0x61 && a <= 0x7A && a - 0x20 == b { continue }
            if a == 0x20 || b == 0x20 { return false }
            return false
        }
    }
}
