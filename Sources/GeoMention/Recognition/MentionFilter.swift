/// Drops the spotted names that are not places in their context, and notes the cues that later
/// stages weigh.
///
/// Each rule is general English usage, not a list of exceptions:
/// - month and day names ("May", "March") are never places;
/// - a word in capitals among lower-case words is an acronym, not a dateline ("AIDS", "NATO");
/// - a name after a title or a given name, or a given name before a surname, is a person
///   ("President Jordan", "Michael Jordan", "Paris Hilton"); once a name is a person in a
///   document, its bare repetitions are too ("Jordan said");
/// - a name before a street word or a publication, company or team word is part of that name
///   ("Dublin Road", "Washington Post", "Georgia Tech");
/// - a frequent lower-case English word capitalised only because it opens a sentence or a
///   headline, or written after a determiner, or also used in lower case in the same document,
///   is that word ("Mobile phones", "the Nice weather"), unless a preposition or a qualifier
///   marks it as a place or the place is so prominent that the reading is clear ("Turkey").
struct MentionFilter {
    let view: TokenView

    /// Frequency (Zipf) above which a lower-case English word is "common".
    static let commonWordZipf = 3.3

    func filter(_ spotted: [Mention]) -> [Mention] {
        let titleCaseSentences = titleCaseSentenceSet()
        let lowerCaseWords = lowerCaseWordSet()
        var personKeys = Set<String>()
        var kept: [Mention] = []
        for var mention in spotted {
            annotate(&mention, titleCaseSentences: titleCaseSentences)
            if isCalendarWord(mention) || isAcronym(mention) { continue }
            if isPerson(mention) {
                personKeys.insert(mention.key)
                continue
            }
            if isPartOfLongerName(mention) { continue }
            if isCommonWord(mention, lowerCaseWords: lowerCaseWords) { continue }
            kept.append(mention)
        }
        // A name that names a person once stays a person when repeated alone.
        return kept.filter { mention in
            !(personKeys.contains(mention.key) && mention.tokenRange.count == 1
              && !mention.cues.contains(.locativePreposition) && !hasQualifierAfter(mention))
        }
    }

    // MARK: Cues

    private func annotate(_ mention: inout Mention, titleCaseSentences: Set<Int>) {
        let tokens = view.tokens
        let first = mention.tokenRange.lowerBound
        if tokens[first].isSentenceStart || titleCaseSentences.contains(mention.sentence) {
            mention.cues.insert(.weakCapital)
        }
        if let previous = view.adjacentWord(before: first), tokens[previous].shape == .lower,
           RecognitionLexicon.locativePrepositions.contains(view.lowercased(previous)) {
            mention.cues.insert(.locativePreposition)
        } else if first >= 2, tokens[first - 1].kind == .word, tokens[first - 1].shape == .lower,
                  view.lowercased(first - 1) == "the", tokens[first - 2].kind == .word,
                  RecognitionLexicon.locativePrepositions.contains(view.lowercased(first - 2)) {
            mention.cues.insert(.locativePreposition)
        }
        if mention.tokenRange.allSatisfy({ tokens[$0].kind != .word || tokens[$0].shape == .allCaps }),
           isInCapitals(mention) {
            mention.cues.insert(.capitalsContext)
        }
    }

    /// Sentences that read like a headline: most of their longer words capitalised.
    private func titleCaseSentenceSet() -> Set<Int> {
        var result = Set<Int>()
        for sentence in view.text.sentences {
            var long = 0, capitalised = 0
            for position in sentence.tokenRange where view.tokens[position].kind == .word {
                let token = view.tokens[position]
                guard token.utf8End - token.utf8Start >= 4 else { continue }
                long += 1
                if token.startsUppercase { capitalised += 1 }
            }
            if long >= 3 && Double(capitalised) >= 0.75 * Double(long) { result.insert(sentence.index) }
        }
        return result
    }

    /// Lower-case words used in the document.
    private func lowerCaseWordSet() -> Set<Substring> {
        var words = Set<Substring>()
        for token in view.tokens where token.kind == .word && token.shape == .lower {
            words.insert(view.text.text(of: token))
        }
        return words
    }

    /// Whether the mention's capitals are shared by its line: a dateline or an all-capitals line.
    private func isInCapitals(_ mention: Mention) -> Bool {
        let tokens = view.tokens
        let first = mention.tokenRange.lowerBound, last = mention.tokenRange.upperBound - 1
        if tokens[first].paragraphStart || tokens[first].followsNewline || first == 0 { return true }
        for position in [first - 1, last + 1] where position >= 0 && position < tokens.count {
            if tokens[position].kind == .word && tokens[position].shape == .allCaps
                && tokens[position].utf8End - tokens[position].utf8Start > 1 { return true }
        }
        return false
    }

    // MARK: Rules

    private func isCalendarWord(_ mention: Mention) -> Bool {
        mention.tokenRange.count == 1 && RecognitionLexicon.calendarWords.contains(mention.key)
    }

    private func isAcronym(_ mention: Mention) -> Bool {
        guard mention.tokenRange.count == 1, view.tokens[mention.tokenRange.lowerBound].shape == .allCaps,
              !mention.cues.contains(.capitalsContext) else { return false }
        // Forms listed in capitals ("US", "UK", "DRC") are abbreviations, not acronyms.
        return !mention.candidates.contains { $0.form == .abbreviation }
    }

    private func isPerson(_ mention: Mention) -> Bool {
        let tokens = view.tokens
        let first = mention.tokenRange.lowerBound
        if let previous = view.adjacentWord(before: first) ?? wordBeforePeriod(first) {
            let word = view.lowercased(previous)
            if RecognitionLexicon.personTitles.contains(word) { return true }
            if tokens[previous].startsUppercase, tokens[previous].shape != .allCaps {
                let info = view.wordInfo(previous)
                let isInitial = tokens[previous].utf8End - tokens[previous].utf8Start == 1
                if isInitial && view.isPunctuation(previous + 1, ".") && previous + 1 < first { return true }
                if info.isGivenName && !info.isLowerCaseWord && !tokens[previous].isSentenceStart
                    || info.isGivenName && info.givenNamePercent >= 0.05 && !info.isLowerCaseWord {
                    return true
                }
            }
        }
        // A given name followed by a surname: "Paris Hilton", "Georgia May Jagger".
        if mention.tokenRange.count == 1, mention.candidates.allSatisfy({ $0.form == .name }),
           let next = view.adjacentWord(after: first), tokens[next].startsUppercase, tokens[next].shape != .allCaps {
            let own = view.wordInfo(first), following = view.wordInfo(next)
            if own.isGivenName && (following.isSurname || following.isGivenName) && !following.isLowerCaseWord {
                return true
            }
        }
        return false
    }

    /// The word before an abbreviation's period: "Gov" in "Gov. Lincoln".
    private func wordBeforePeriod(_ position: Int) -> Int? {
        guard position >= 2, view.isPunctuation(position - 1, "."), view.tokens[position - 2].kind == .word,
              view.tokens[position - 2].sentence == view.tokens[position].sentence else { return nil }
        return position - 2
    }

    private func isPartOfLongerName(_ mention: Mention) -> Bool {
        let last = mention.tokenRange.upperBound - 1
        guard let next = view.adjacentWord(after: last), view.tokens[next].startsUppercase else { return false }
        let word = view.lowercased(next)
        return RecognitionLexicon.streetSuffixes.contains(word) || RecognitionLexicon.nonPlaceSuffixes.contains(word)
    }

    private func isCommonWord(_ mention: Mention, lowerCaseWords: Set<Substring>) -> Bool {
        guard mention.tokenRange.count == 1, mention.candidates.first?.form == .name else { return false }
        let position = mention.tokenRange.lowerBound
        let info = view.wordInfo(position)
        guard info.isLowerCaseWord, info.zipf >= Self.commonWordZipf else { return false }
        if mention.cues.contains(.locativePreposition) || hasQualifierAfter(mention) { return false }
        let prior = mention.topPrior
        if let previous = view.adjacentWord(before: position), view.tokens[previous].shape == .lower,
           RecognitionLexicon.determiners.contains(view.lowercased(previous)) || view.lowercased(previous) == "the" {
            return prior < 9
        }
        if mention.cues.contains(.weakCapital) && prior < 8.5 { return true }
        if lowerCaseWords.contains(Substring(view.lowercased(position))) && prior < 7.5 { return true }
        // Capitalised mid-sentence, a very common word still names a small place only rarely.
        return info.zipf >= 4.5 && prior < 6.5
    }

    /// ", <capitalised word>" follows the mention: a qualifier such as "Paris, Texas".
    private func hasQualifierAfter(_ mention: Mention) -> Bool {
        let last = mention.tokenRange.upperBound - 1
        guard view.isPunctuation(last + 1, ","), last + 2 < view.tokens.count else { return false }
        let next = view.tokens[last + 2]
        return next.kind == .word && next.startsUppercase && next.sentence == view.tokens[last].sentence
    }
}
