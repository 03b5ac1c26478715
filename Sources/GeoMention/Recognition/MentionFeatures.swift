import Foundation

/// One feature of ``MentionFeatures``, in vector order. Its ``name`` (the case name in snake case,
/// "kind_country") names its weight in the model file.
enum MentionFeature: Int, CaseIterable, SnakeCaseNamed {
        case bias, prior, kindCountry, kindAdmin1, kindAdmin2, kindRegion, kindPhysical, formAbbreviation
        case formDemonym, words2, words3plus, zipf, lowercaseWord, lowercaseZipf, properNoun, givenName
        case surname, weakCapital, weakLowercase, allCaps, capitalsContext, locative, determinerBefore
        case capitalWordBefore, capitalWordAfter, givenNameBefore, surnameAfter, hyphenJoined, possessive
        case qualifierAfter, isQualifier, dateline, lowercaseInDocument, occurrences, personElsewhere
        case locativeElsewhere, primaryName, candidates, streetAfter, organisationAfter, smallPlace
        case smallCommonWord, personSmallPlace, shortWord, headline, demonymPlural, capitalSequenceSmall
        case insideParentheses, placeAfter, placeBefore, directionBefore, institutionAfter, personLikePlace
        case theBeforeSmall, theBefore, admin1Support, countrySupport, nearSupport, commonWordAfter
        case partyHometown, ofLocative, ofAfterPerson, listLocative, unitList, basedAfter
}

/// The facts the ``RecognitionModel`` weighs to decide whether a spotted name is a place.
///
/// Each feature is a number, most of them 0 or 1. They describe the name (how prominent its
/// best place is, what kind of place, whether the word is a common English word or a person's
/// name), its context (sentence start, headline, preposition before, capitalised words around,
/// a qualifier after), and the document (the same name used for a person elsewhere, in lower
/// case elsewhere, how often it recurs).
enum MentionFeatures {
    /// Feature names, in vector order. The model file names its weights by these.
    /// Feature names, in vector order. The model file names its weights by these.
    static let names: [String] = MentionFeature.allCases.map(\.name)

    static let count = names.count

    /// Feature vectors for every mention of a document, in mention order.
    static func vectors(for mentions: [Mention], view: TokenView) -> [[Double]] {
        let lowerCaseWords = lowerCaseWordSet(view, mentions: mentions)
        var local: [[Double]] = []
        var personKeys = Set<String>(), locativeKeys = Set<String>()
        var occurrences: [String: Int] = [:]
        let mentionStarts = Set(mentions.map(\.tokenRange.lowerBound))
        let mentionEnds = Set(mentions.map { $0.tokenRange.upperBound - 1 })
        for mention in mentions {
            var vector = [Double](repeating: 0, count: count)
            if !mention.candidates.isEmpty {
                fill(&vector, mention: mention, view: view, lowerCaseWords: lowerCaseWords,
                     mentionStarts: mentionStarts, mentionEnds: mentionEnds)
            }
            if vector[MentionFeature.givenNameBefore.rawValue] > 0 || vector[MentionFeature.surnameAfter.rawValue] > 0 { personKeys.insert(mention.key) }
            if mention.cues.contains(.locativePreposition) || vector[MentionFeature.qualifierAfter.rawValue] > 0 {
                locativeKeys.insert(mention.key)
            }
            occurrences[mention.key, default: 0] += 1
            local.append(vector)
        }
        // Names listed after a place that a preposition introduces share its cue:
        // "in Sharon, Cornwall and Salisbury".
        for position in mentions.indices.dropFirst() {
            let previous = position - 1
            let cued = mentions[previous].cues.contains(.locativePreposition) || local[previous][MentionFeature.listLocative.rawValue] > 0
            if cued && ContextPatterns.isListContinuation(from: mentions[previous], to: mentions[position], view) {
                local[position][MentionFeature.listLocative.rawValue] = 1
            }
        }
        let support = GeographicSupport(mentions: mentions, index: view.index)
        for (position, mention) in mentions.enumerated() {
            let (admin1, country, near) = support.support(for: mention)
            local[position][MentionFeature.admin1Support.rawValue] = admin1
            local[position][MentionFeature.countrySupport.rawValue] = country
            local[position][MentionFeature.nearSupport.rawValue] = near
            local[position][MentionFeature.occurrences.rawValue] = log2(Double(min(occurrences[mention.key] ?? 1, 32)))
            local[position][MentionFeature.personElsewhere.rawValue] = personKeys.contains(mention.key) ? 1 : 0
            local[position][MentionFeature.locativeElsewhere.rawValue] = locativeKeys.contains(mention.key) ? 1 : 0
        }
        return local
    }


    /// Hashes of the lower-case words of the document (FNV-1a over their UTF-8 bytes) that could
    /// be one of the one-word mentions: only words of the same byte length are hashed.
    private static func lowerCaseWordSet(_ view: TokenView, mentions: [Mention]) -> Set<UInt64> {
        var lengths = Set<Int>()
        for mention in mentions where mention.tokenRange.count == 1 {
            lengths.insert(view.tokens[mention.tokenRange.lowerBound].utf8End - view.tokens[mention.tokenRange.lowerBound].utf8Start)
        }
        var words = Set<UInt64>()
        guard !lengths.isEmpty else { return words }
        var source = view.text.text
        source.withUTF8 { bytes in
            for token in view.tokens where token.kind == .word && token.shape == .lower
                && lengths.contains(token.utf8End - token.utf8Start) {
                words.insert(wordHash(UnsafeBufferPointer(rebasing: bytes[token.utf8Range])))
            }
        }
        return words
    }

    /// FNV-1a over `bytes`.
    private static func wordHash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return hash
    }

    private static func fill(_ v: inout [Double], mention: Mention, view: TokenView, lowerCaseWords: Set<UInt64>,
                             mentionStarts: Set<Int>, mentionEnds: Set<Int>) {
        let tokens = view.tokens
        let first = mention.tokenRange.lowerBound
        let last = mention.tokenRange.upperBound - 1
        let top = mention.candidates[0]
        // The kind of the most likely reading, once a unit named like its seat gives way to the
        // seat ("Kharkiv" reads as the city, not the oblast).
        let readings = PlaceResolver.readings(mention.candidates.prefix(40).map { CandidateFacts($0, index: view.index) },
                                              unitWordAfter: mention.cues.contains(.unitWordAfter))
        let kind = readings.max(by: { $0.prior < $1.prior })?.kind ?? view.index.kind(of: top.place)
        let prior = mention.topPrior
        func set(_ feature: MentionFeature, _ value: Double) { v[feature.rawValue] = value }
        func flag(_ feature: MentionFeature, _ condition: Bool) { if condition { v[feature.rawValue] = 1 } }

        set(.bias, 1)
        set(.prior, prior)
        flag(.kindCountry, kind == .country)
        flag(.kindAdmin1, kind == .admin1)
        flag(.kindAdmin2, kind == .admin2)
        flag(.kindRegion, kind == .region)
        flag(.kindPhysical, kind == .physical)
        flag(.formAbbreviation, top.form == .abbreviation)
        flag(.formDemonym, mention.candidates.allSatisfy { $0.form == .demonym })
        let words = mention.tokenRange.filter { tokens[$0].kind == .word }.count
        flag(.words2, words == 2)
        flag(.words3plus, words >= 3)
        flag(.primaryName, top.isPrimaryName)
        set(.candidates, log2(Double(mention.candidates.count)))

        let single = words == 1
        // An abbreviation in its own capitals ("US", "EU") says nothing about the English word it spells.
        let info = single && top.form != .abbreviation ? view.wordInfo(first) : .unknown
        set(.zipf, info.zipf)
        flag(.lowercaseWord, info.isLowerCaseWord)
        set(.lowercaseZipf, info.isLowerCaseWord ? info.zipf : 0)
        flag(.properNoun, info.isProperNoun)
        set(.givenName, log10(1 + info.givenNamePercent * 1000))
        set(.surname, log10(1 + info.surnamePercent * 1000))
        let weak = mention.cues.contains(.weakCapital)
        flag(.weakCapital, weak)
        set(.weakLowercase, weak && info.isLowerCaseWord ? info.zipf : 0)
        flag(.allCaps, tokens[first].shape == .allCaps)
        flag(.capitalsContext, mention.cues.contains(.capitalsContext))
        flag(.locative, mention.cues.contains(.locativePreposition))
        flag(.dateline, mention.cues.contains(.dateline))
        flag(.isQualifier, mention.cues.contains(.isQualifier))
        flag(.headline, mention.sentence == 0)
        flag(.shortWord, single && tokens[first].utf8End - tokens[first].utf8Start <= 3)
        flag(.smallPlace, prior < 5)
        set(.smallCommonWord, prior < 6 ? info.zipf : 0)
        flag(.demonymPlural, top.form == .demonym && mention.key.hasSuffix("s"))

        if let previous = view.adjacentWord(before: first) {
            let word = view.lowercased(previous)
            flag(.determinerBefore, tokens[previous].shape == .lower && RecognitionLexicon.determiners.contains(word))
            flag(.theBefore, word == "the")
            flag(.theBeforeSmall, word == "the" && prior < 6.5)
            let direction = RecognitionLexicon.directionWords.contains(word)
            flag(.directionBefore, direction)
            flag(.placeBefore, mentionEnds.contains(previous) && !direction)
            if tokens[previous].startsUppercase && !mentionEnds.contains(previous) && !direction {
                flag(.capitalWordBefore, !tokens[previous].isSentenceStart || tokens[previous].shape == .allCaps)
                let previousInfo = view.wordInfo(previous)
                flag(.givenNameBefore, previousInfo.isGivenName && !previousInfo.isLowerCaseWord)
                flag(.capitalSequenceSmall, prior < 6)
            }
        }
        if let next = view.adjacentWord(after: last), tokens[next].startsUppercase {
            let word = view.lowercased(next)
            let street = RecognitionLexicon.streetSuffixes.contains(word)
            let organisation = RecognitionLexicon.nonPlaceSuffixes.contains(word)
            let institution = RecognitionLexicon.institutionSuffixes.contains(word)
            let nextInfo = view.wordInfo(next)
            // What kind of capitalised word follows: a suffix, a common noun ("Mansfield Public
            // Library"), another place, or a name ("Paris Hilton").
            let suffix = street || organisation || institution
            let common = !suffix && nextInfo.isLowerCaseWord && nextInfo.zipf >= 3.5
            flag(.streetAfter, street)
            flag(.organisationAfter, organisation)
            flag(.institutionAfter, institution)
            flag(.commonWordAfter, common)
            flag(.placeAfter, !suffix && !common && mentionStarts.contains(next))
            flag(.capitalWordAfter, !suffix && !common && !mentionStarts.contains(next))
            flag(.surnameAfter, single && info.isGivenName && (nextInfo.isSurname || nextInfo.isGivenName)
                 && !nextInfo.isLowerCaseWord)
            if prior < 6 { v[MentionFeature.capitalSequenceSmall.rawValue] = 1 }
        }
        let personLike = log10(1 + (info.givenNamePercent + info.surnamePercent) * 1000)
        set(.personSmallPlace, prior < 6 ? personLike : 0)
        set(.personLikePlace, personLike)
        flag(.hyphenJoined, tokens[first].joinedByHyphen
             || (last + 2 < tokens.count && tokens[last + 2].joinedByHyphen && view.isPunctuation(last + 1, "-")))
        flag(.possessive, tokens[last].followedByPossessive)
        if view.isPunctuation(last + 1, ","), last + 2 < tokens.count, tokens[last + 2].kind == .word,
           tokens[last + 2].startsUppercase, tokens[last + 2].sentence == tokens[last].sentence {
            flag(.qualifierAfter, true)
        }
        flag(.lowercaseInDocument, single && lowerCaseWords.contains(wordHash(view.lowercased(first).utf8)))
        flag(.partyHometown, ContextPatterns.isPartyHometown(first, view))
        flag(.basedAfter, ContextPatterns.isPlaceCompound(after: last, view))
        flag(.ofLocative, ContextPatterns.isLocativeOf(first, view))
        flag(.ofAfterPerson, ContextPatterns.isHometownOf(first, view))
        flag(.unitList, mention.cues.contains(.unitList))
        flag(.insideParentheses, view.isPunctuation(first - 1, "(") && view.isPunctuation(last + 1, ")"))
    }
}
