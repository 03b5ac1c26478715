/// Annotates spotted names with the cues of their context and drops those that cannot be places.
///
/// Only near-certain rules live here; everything that is a matter of degree is weighed by the
/// ``RecognitionModel``. Dropped:
/// - month and day names ("May", "March");
/// - titles and contractions that happen to spell a place ("Sen." in "State Sen. Ford", "I’ve");
/// - a name right after a person's title ("President Jordan", "Gov. Lincoln");
/// - a word in capitals among lower-case words, unless the gazetteer lists it in capitals
///   ("AIDS" is an acronym, "US" an abbreviation);
/// - a given name followed by a surname ("Paris Hilton", "Georgia May Jagger", "London Breed");
/// - a country abbreviation glued to a currency sign ("US$460");
/// - an adjectival used as a language ("spoke French", "in English", "English-speaking");
/// - a common word opening an organisation's name with "for" ("the Centre for Monitoring Indian Economy");
/// - a company's legal form right after its name ("Nestlé SA", "Philips NV"), unless that name
///   is itself a place ("Reno NV").
struct MentionFilter {
    let view: TokenView

    /// The lexicon's lists this filter consults, looked up by a token's bytes.
    private static let locativePrepositions = LexiconWordSet(RecognitionLexicon.locativePrepositions)
    private static let unitWords = LexiconWordSet(RecognitionLexicon.unitWords)
    private static let calendarWords = LexiconWordSet(RecognitionLexicon.calendarWords)
    private static let personTitles = LexiconWordSet(RecognitionLexicon.personTitles)
    private static let institutionSuffixes = LexiconWordSet(RecognitionLexicon.institutionSuffixes)
    private static let languageCuesBefore = LexiconWordSet(RecognitionLexicon.languageCuesBefore)
    private static let languageCuesAfter = LexiconWordSet(RecognitionLexicon.languageCuesAfter)
    /// The marks after a name in capitals that make it a dateline inside a paragraph.
    private static let datelineMarks = ["—", "–", "--", "-", ":", "("]
    /// Words that may stand between a language cue and the language ("spoke only French").
    private static let languageQualifiers = LexiconWordSet([
        "only", "mostly", "fluent", "perfect", "little", "broken", "good", "some", "both",
    ])

    /// The lists a mention's key is in, among those the key-only rules consult.
    private struct KeyRoles: OptionSet {
        let rawValue: UInt8
        /// A month or day name (``RecognitionLexicon/calendarWords``).
        static let calendar = KeyRoles(rawValue: 1 << 0)
        /// A person's title (``RecognitionLexicon/personTitles``).
        static let personTitle = KeyRoles(rawValue: 1 << 1)
    }

    /// The ASCII words of both lists with the lists each is in, so that one hash of a key answers
    /// both rules.
    private static let keyRoleTable: ByteWordTable<KeyRoles> = {
        var roles: [String: KeyRoles] = [:]
        for (words, role) in [(calendarWords.words, KeyRoles.calendar), (personTitles.words, .personTitle)] {
            for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) { roles[word, default: []].insert(role) }
        }
        var table = ByteWordTable<KeyRoles>(expectedCount: roles.count)
        for (word, role) in roles.sorted(by: { $0.key < $1.key }) { table.insert(word, value: role) }
        return table
    }()

    /// The lists `key` is in. An ASCII key is looked up once by its bytes; any other key is
    /// looked up as a string in each list, as ``LexiconWordSet`` does.
    private static func roles(ofKey key: String) -> KeyRoles {
        let ascii = key.utf8.withContiguousStorageIfAvailable { bytes -> KeyRoles? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return keyRoleTable.entry(of: bytes).map { keyRoleTable.values[$0] } ?? []
        }
        if let ascii, let roles = ascii { return roles }
        var roles: KeyRoles = []
        if calendarWords.contains(key) { roles.insert(.calendar) }
        if personTitles.contains(key) { roles.insert(.personTitle) }
        return roles
    }

    /// Whether token `position`, lower-cased, is in `words`; no string is built for an ASCII word.
    private func isWord(_ position: Int, in words: LexiconWordSet) -> Bool {
        view.withLowercasedBytes(position) { words.contains($0) }
    }

    /// The spotted names with their cues, without those that cannot be places. The list is
    /// annotated and thinned in place, so a list handed over for good is never copied.
    func filter(_ spotted: consuming [Mention]) -> [Mention] {
        var titleCaseSentences = [UInt8](filling: 0, count: view.text.sentences.count)
        var kept = spotted
        // Mentions are annotated where they lie and the kept ones moved forward in place: read
        // through the buffer, none is copied out of the array.
        let keptCount = kept.withUnsafeMutableBufferPointer { mentions in
            for position in mentions.indices {
                annotate(&mentions[position], titleCaseSentences: &titleCaseSentences)
            }
            var keptCount = 0
            // Where the spotted name before this one ends, kept or not.
            var previousEnd = -1
            for position in mentions.indices {
                let end = mentions[position].tokenRange.upperBound
                defer { previousEnd = end }
                guard !isDropped(mentions.baseAddress! + position),
                      !isLegalForm(mentions.baseAddress! + position, previousNameEnd: previousEnd) else { continue }
                if keptCount != position { mentions.swapAt(keptCount, position) }
                keptCount += 1
            }
            return keptCount
        }
        kept.removeSubrange(keptCount...)
        return kept
    }

    /// Whether one of the rules says the mention cannot be a place. The mention is read in place,
    /// through a pointer: passed by value, it would be copied (a retain and a release of each of
    /// its texts and of its candidates) for every mention of the document. The lists its key is in
    /// are looked up once, for both rules that ask about them.
    private func isDropped(_ mention: UnsafePointer<Mention>) -> Bool {
        let roles = Self.roles(ofKey: mention.pointee.key)
        return isCalendarWord(mention, roles) || isTitleOrContraction(mention, roles) || followsTitle(mention)
            || isAcronym(mention) || isCurrency(mention) || isLanguage(mention) || isGivenNameOfPerson(mention)
            || opensOrganisationName(mention)
    }

    // MARK: Cues

    private func annotate(_ mention: inout Mention, titleCaseSentences: inout [UInt8]) {
        let tokens = view.tokens
        let first = mention.tokenRange.lowerBound
        if tokens[first].isSentenceStart || isTitleCase(sentence: mention.sentence, known: &titleCaseSentences) {
            mention.cues.insert(.weakCapital)
        }
        if let previous = view.adjacentWord(before: first), tokens[previous].shape == .lower,
           isWord(previous, in: Self.locativePrepositions) {
            mention.cues.insert(.locativePreposition)
        } else if first >= 2, tokens[first - 1].kind == .word, tokens[first - 1].shape == .lower,
                  view.isLowercased(first - 1, "the"), tokens[first - 2].kind == .word,
                  isWord(first - 2, in: Self.locativePrepositions) {
            mention.cues.insert(.locativePreposition)
        }
        if let next = view.adjacentWord(after: mention.tokenRange.upperBound - 1), tokens[next].shape == .lower,
           isWord(next, in: Self.unitWords) {
            mention.cues.insert(.unitWordAfter)
        }
        if mention.tokenRange.allSatisfy({ tokens[$0].kind != .word || tokens[$0].shape == .allCaps }),
           isInCapitals(mention.tokenRange) {
            mention.cues.insert(.capitalsContext)
        }
    }

    /// Whether sentence `index` reads like a headline: most of its longer words capitalised.
    /// Worked out on first asking and remembered in `known` (0 not yet known, 1 no, 2 yes).
    private func isTitleCase(sentence index: Int, known: inout [UInt8]) -> Bool {
        let sentences = view.text.sentences
        // In a tokenised text sentence `index` is the index-th; look it up in any other.
        guard index < known.count, sentences[index].index == index else {
            return sentences.contains { $0.index == index && isTitleCase($0) }
        }
        if known[index] == 0 { known[index] = isTitleCase(sentences[index]) ? 2 : 1 }
        return known[index] == 2
    }

    /// Three quarters of a sentence's long words (four bytes or more) capitalised, and at least
    /// three of them. As the counts are whole numbers, "capitalised ≥ 0.75 × long" is
    /// "4 × capitalised ≥ 3 × long". The scan stops at a long lower-case word after which even
    /// capitalised long words in every remaining token could not bring the sentence there: each
    /// such word adds 4 to one side and 3 to the other, so the `remaining` tokens can close a gap
    /// of at most `remaining`. Most sentences are plain prose and are known after a few words.
    private func isTitleCase(_ sentence: Sentence) -> Bool {
        let tokens = view.tokens
        var long = 0, capitalised = 0
        for position in sentence.tokenRange where tokens[position].kind == .word {
            let token = tokens[position]
            guard token.utf8End - token.utf8Start >= 4 else { continue }
            long += 1
            if token.startsUppercase {
                capitalised += 1
            } else if 4 * capitalised + (sentence.tokenRange.upperBound - 1 - position) < 3 * long {
                return false
            }
        }
        return long >= 3 && 4 * capitalised >= 3 * long
    }

    /// Whether the capitals of the mention of tokens `range` are shared by its line: a dateline or
    /// an all-capitals line.
    private func isInCapitals(_ range: Range<Int>) -> Bool {
        let tokens = view.tokens
        let first = range.lowerBound, last = range.upperBound - 1
        if tokens[first].paragraphStart || tokens[first].followsNewline || first == 0 { return true }
        // A dateline inside a paragraph: "CHARLESTON, W.Va. -", "MANSFIELD --", "BEIRUT:".
        if last + 1 < tokens.count, tokens[last + 1].kind == .punctuation {
            if view.isPunctuation(last + 1, oneOf: Self.datelineMarks) { return true }
            if view.isPunctuation(last + 1, ","), last + 2 < tokens.count, tokens[last + 2].kind == .word, tokens[last + 2].startsUppercase,
               tokens[last + 2].shape != .allCaps || tokens[last + 2].utf8End - tokens[last + 2].utf8Start <= 3 {
                return true
            }
        }
        for position in [first - 1, last + 1] where position >= 0 && position < tokens.count {
            if tokens[position].kind == .word && tokens[position].shape == .allCaps
                && tokens[position].utf8End - tokens[position].utf8Start > 1 { return true }
        }
        return false
    }

    // MARK: Rules

    /// `roles`: the lists the mention's key is in.
    private func isCalendarWord(_ mention: UnsafePointer<Mention>, _ roles: KeyRoles) -> Bool {
        mention.pointee.tokenRange.count == 1 && roles.contains(.calendar)
    }

    /// `roles`: the lists the mention's key is in.
    private func isTitleOrContraction(_ mention: UnsafePointer<Mention>, _ roles: KeyRoles) -> Bool {
        if roles.contains(.personTitle) && mention.everyCandidate(is: .name) {
            return true
        }
        // Only a word with an apostrophe can be a contraction.
        guard mention.pointee.tokenRange.count == 1, Self.containsApostrophe(view.bytes(inUTF8: mention.pointee.utf8Range)) else { return false }
        let word = view.lowercased(mention.pointee.tokenRange.lowerBound)
        for suffix in ["’ve", "'ve", "’re", "'re", "’ll", "'ll", "n’t", "n't", "’d", "'d", "’m", "'m"]
        where word.hasSuffix(suffix) {
            return true
        }
        return false
    }

    /// Whether the UTF-8 `text` has a straight (') or typographic (’, E2 80 99) apostrophe.
    private static func containsApostrophe(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text {
            if byte == UInt8(ascii: "'") || (byte == 0x99 && previous == (0xE2, 0x80)) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    private func followsTitle(_ mention: UnsafePointer<Mention>) -> Bool {
        let first = mention.pointee.tokenRange.lowerBound
        guard let previous = view.adjacentWord(before: first) ?? wordBeforePeriod(first) else { return false }
        return isWord(previous, in: Self.personTitles)
    }

    /// The word before an abbreviation's period: "Gov" in "Gov. Lincoln".
    private func wordBeforePeriod(_ position: Int) -> Int? {
        guard position >= 2, view.isPunctuation(position - 1, ascii: "."), view.tokens[position - 2].kind == .word,
              view.tokens[position - 2].sentence == view.tokens[position].sentence else { return nil }
        return position - 2
    }

    /// A one-word name that is a given name, followed by a capitalised surname (possibly after a
    /// second given name): "Paris Hilton", "Georgia May Jagger", "London Breed".
    private func isGivenNameOfPerson(_ mention: UnsafePointer<Mention>) -> Bool {
        guard mention.pointee.tokenRange.count == 1 else { return false }
        let position = mention.pointee.tokenRange.lowerBound
        // The token tests come before the candidates are read: they rule out most names, and
        // reading the candidates through the pointer retains and releases their list.
        guard view.tokens[position].shape == .capitalized, view.wordInfo(position).isGivenName,
              let next = view.adjacentWord(after: position), view.tokens[next].shape == .capitalized,
              !mention.isDemonym else { return false }
        let info = view.wordInfo(next)
        if info.isGivenName, let after = view.adjacentWord(after: next), view.tokens[after].shape == .capitalized {
            let afterInfo = view.wordInfo(after)
            // "Georgia May Jagger": a second given name, then a surname or a rare capitalised word.
            if !afterInfo.isLowerCaseWord && (afterInfo.isSurname || afterInfo.isProperNoun || afterInfo.zipf < 3) {
                return !isWord(after, in: Self.institutionSuffixes)
            }
        }
        return info.isSurname && !info.isLowerCaseWord
            && !isWord(next, in: Self.institutionSuffixes)
    }

    /// An adjectival used as the name of a language: "spoke only French", "in English",
    /// "English language learners".
    private func isLanguage(_ mention: UnsafePointer<Mention>) -> Bool {
        guard mention.pointee.tokenRange.count == 1,
              mention.someCandidate(is: .demonym) else { return false }
        let position = mention.pointee.tokenRange.lowerBound
        var previous = view.adjacentWord(before: position)
        if let word = previous, isWord(word, in: Self.languageQualifiers) {
            previous = view.adjacentWord(before: word)
        }
        if let previous, view.tokens[previous].shape == .lower,
           isWord(previous, in: Self.languageCuesBefore) {
            // "in English", but not "in Russian-held territory" or "in French Guiana".
            return view.adjacentWord(after: position).map { !view.tokens[$0].startsUppercase } ?? true
                && !view.isPunctuation(position + 1, ascii: "-")
        }
        if let next = view.adjacentWord(after: position), view.tokens[next].shape == .lower,
           isWord(next, in: Self.languageCuesAfter) {
            return true
        }
        return view.isPunctuation(position + 1, ascii: "-") && position + 2 < view.tokens.count
            && view.isLowercased(position + 2, "speaking")
    }

    /// A common English word opening an organisation's name with "for" is no place: "the Centre
    /// for Monitoring Indian Economy", "the Union for the Mediterranean". After "the", one
    /// capitalised word that news uses often and no dictionary lists as a proper noun, then "for",
    /// then a capitalised word or "the". A place keeps its name ("left Washington for Camp David").
    private func opensOrganisationName(_ mention: UnsafePointer<Mention>) -> Bool {
        let first = mention.pointee.tokenRange.lowerBound
        guard mention.pointee.tokenRange.count == 1,
              let the = view.adjacentWord(before: first), view.isLowercased(the, "the"),
              let forWord = view.adjacentWord(after: first), view.isLowercased(forWord, "for"),
              let next = view.adjacentWord(after: forWord),
              view.tokens[next].startsUppercase || view.isLowercased(next, "the") else { return false }
        let info = view.wordInfo(first)
        return !info.isProperNoun && info.zipf >= Self.organisationWordZipf
    }

    /// The Zipf frequency from which a word opening "… for …" counts as a common one ("centre" 4.9).
    private static let organisationWordZipf = 4.0

    /// A country abbreviation glued to a currency sign is a currency: "US$460", "A$", "HK$".
    private func isCurrency(_ mention: UnsafePointer<Mention>) -> Bool {
        let next = mention.pointee.tokenRange.upperBound
        guard next < view.tokens.count, !view.tokens[next].followsSpace, view.tokens[next].kind == .symbol else { return false }
        return view.text.text(of: view.tokens[next]).hasPrefix("$")
    }

    /// Whether the mention is a company's legal form written right after the company's name
    /// ("Nestlé SA"): one token, written as in ``RecognitionLexicon/legalForms``, after a
    /// capitalised word that is no common word opening the sentence and does not end the spotted
    /// name before it (which ends before token `previousNameEnd`).
    private func isLegalForm(_ mention: UnsafePointer<Mention>, previousNameEnd: Int) -> Bool {
        let first = mention.pointee.tokenRange.lowerBound
        // Every legal form is one token of at most four bytes: most mentions are ruled out before
        // their text is hashed.
        guard mention.pointee.tokenRange.count == 1, mention.pointee.utf8Range.count <= 4,
              let before = view.adjacentWord(before: first), view.tokens[before].startsUppercase,
              RecognitionLexicon.legalForms.contains(mention.pointee.text) else { return false }
        // A capital that only starts the sentence ("That SA holds") names no company.
        if view.tokens[before].isSentenceStart && view.wordInfo(before).zipf >= Self.commonWordZipf { return false }
        return previousNameEnd != first
    }

    /// The Zipf frequency from which a word is one of the commonest of English ("that", "this").
    private static let commonWordZipf = 5.0

    private func isAcronym(_ mention: UnsafePointer<Mention>) -> Bool {
        guard mention.pointee.tokenRange.count == 1, view.tokens[mention.pointee.tokenRange.lowerBound].shape == .allCaps,
              !mention.pointee.cues.contains(.capitalsContext) else { return false }
        return !mention.someCandidate(is: .abbreviation)
    }
}
