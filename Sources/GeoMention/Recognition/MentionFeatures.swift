import Foundation

/// The facts the ``RecognitionModel`` weighs to decide whether a spotted name is a place.
///
/// Each feature is a number, most of them 0 or 1. They describe the name (how prominent its
/// best place is, what kind of place, whether the word is a common English word or a person's
/// name), its context (sentence start, headline, preposition before, capitalised words around,
/// a qualifier after), and the document (the same name used for a person elsewhere, in lower
/// case elsewhere, how often it recurs).
enum MentionFeatures {
    /// Feature names, in vector order. The model file names its weights by these.
    static let names: [String] = [
        "bias", "prior", "kind_country", "kind_admin1", "kind_admin2", "kind_region", "kind_physical",
        "form_abbreviation", "form_demonym", "words_2", "words_3plus", "zipf", "lowercase_word",
        "lowercase_zipf", "proper_noun", "given_name", "surname", "weak_capital", "weak_lowercase",
        "all_caps", "capitals_context", "locative", "determiner_before", "capital_word_before",
        "capital_word_after", "given_name_before", "surname_after", "hyphen_joined", "possessive",
        "qualifier_after", "is_qualifier", "dateline", "lowercase_in_document", "occurrences",
        "person_elsewhere", "locative_elsewhere", "primary_name", "candidates", "street_after",
        "organisation_after", "small_place", "small_common_word", "person_small_place", "short_word",
        "headline", "demonym_plural", "capital_sequence_small", "inside_parentheses", "place_after",
        "place_before", "direction_before", "institution_after", "person_like_place", "the_before_small",
        "the_before", "admin1_support", "country_support", "near_support", "common_word_after",
        "party_hometown", "of_locative", "of_after_person", "list_locative", "unit_list",
        "based_after",
    ]

    static let count = names.count

    /// Feature vectors for every mention of a document, in mention order.
    static func vectors(for mentions: [Mention], view: TokenView) -> [[Double]] {
        let lowerCaseWords = lowerCaseWordSet(view)
        var local: [[Double]] = []
        var personKeys = Set<String>(), locativeKeys = Set<String>()
        var occurrences: [String: Int] = [:]
        let mentionStarts = Set(mentions.map(\.tokenRange.lowerBound))
        let mentionEnds = Set(mentions.map { $0.tokenRange.upperBound - 1 })
        for mention in mentions {
            var vector = [Double](repeating: 0, count: count)
            fill(&vector, mention: mention, view: view, lowerCaseWords: lowerCaseWords,
                 mentionStarts: mentionStarts, mentionEnds: mentionEnds)
            if vector[index("given_name_before")] > 0 || vector[index("surname_after")] > 0 { personKeys.insert(mention.key) }
            if mention.cues.contains(.locativePreposition) || vector[index("qualifier_after")] > 0 {
                locativeKeys.insert(mention.key)
            }
            occurrences[mention.key, default: 0] += 1
            local.append(vector)
        }
        // Names listed after a place that a preposition introduces share its cue:
        // "in Sharon, Cornwall and Salisbury".
        for position in mentions.indices.dropFirst() {
            let previous = position - 1
            let cued = mentions[previous].cues.contains(.locativePreposition) || local[previous][index("list_locative")] > 0
            if cued && ContextPatterns.isListContinuation(from: mentions[previous], to: mentions[position], view) {
                local[position][index("list_locative")] = 1
            }
        }
        let support = GeographicSupport(mentions: mentions, index: view.index)
        for (position, mention) in mentions.enumerated() {
            let (admin1, country, near) = support.support(for: mention)
            local[position][index("admin1_support")] = admin1
            local[position][index("country_support")] = country
            local[position][index("near_support")] = near
            local[position][index("occurrences")] = log2(Double(occurrences[mention.key] ?? 1))
            local[position][index("person_elsewhere")] = personKeys.contains(mention.key) ? 1 : 0
            local[position][index("locative_elsewhere")] = locativeKeys.contains(mention.key) ? 1 : 0
        }
        return local
    }

    private static let positions: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

    static func index(_ name: String) -> Int { positions[name]! }

    private static func lowerCaseWordSet(_ view: TokenView) -> Set<Substring> {
        var words = Set<Substring>()
        for token in view.tokens where token.kind == .word && token.shape == .lower {
            words.insert(view.text.text(of: token))
        }
        return words
    }

    private static func fill(_ v: inout [Double], mention: Mention, view: TokenView, lowerCaseWords: Set<Substring>,
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
        func set(_ name: String, _ value: Double) { v[index(name)] = value }
        func flag(_ name: String, _ condition: Bool) { if condition { v[index(name)] = 1 } }

        set("bias", 1)
        set("prior", prior)
        flag("kind_country", kind == .country)
        flag("kind_admin1", kind == .admin1)
        flag("kind_admin2", kind == .admin2)
        flag("kind_region", kind == .region)
        flag("kind_physical", kind == .physical)
        flag("form_abbreviation", top.form == .abbreviation)
        flag("form_demonym", mention.candidates.allSatisfy { $0.form == .demonym })
        let words = mention.tokenRange.filter { tokens[$0].kind == .word }.count
        flag("words_2", words == 2)
        flag("words_3plus", words >= 3)
        flag("primary_name", top.isPrimaryName)
        set("candidates", log2(Double(mention.candidates.count)))

        let single = words == 1
        // An abbreviation in its own capitals ("US", "EU") says nothing about the English word it spells.
        let info = single && top.form != .abbreviation ? view.wordInfo(first) : .unknown
        set("zipf", info.zipf)
        flag("lowercase_word", info.isLowerCaseWord)
        set("lowercase_zipf", info.isLowerCaseWord ? info.zipf : 0)
        flag("proper_noun", info.isProperNoun)
        set("given_name", log10(1 + info.givenNamePercent * 1000))
        set("surname", log10(1 + info.surnamePercent * 1000))
        let weak = mention.cues.contains(.weakCapital)
        flag("weak_capital", weak)
        set("weak_lowercase", weak && info.isLowerCaseWord ? info.zipf : 0)
        flag("all_caps", tokens[first].shape == .allCaps)
        flag("capitals_context", mention.cues.contains(.capitalsContext))
        flag("locative", mention.cues.contains(.locativePreposition))
        flag("dateline", mention.cues.contains(.dateline))
        flag("is_qualifier", mention.cues.contains(.isQualifier))
        flag("headline", mention.sentence == 0)
        flag("short_word", single && tokens[first].utf8End - tokens[first].utf8Start <= 3)
        flag("small_place", prior < 5)
        set("small_common_word", prior < 6 ? info.zipf : 0)
        flag("demonym_plural", top.form == .demonym && mention.key.hasSuffix("s"))

        if let previous = view.adjacentWord(before: first) {
            let word = view.lowercased(previous)
            flag("determiner_before", tokens[previous].shape == .lower && RecognitionLexicon.determiners.contains(word))
            flag("the_before", word == "the")
            flag("the_before_small", word == "the" && prior < 6.5)
            let direction = RecognitionLexicon.directionWords.contains(word)
            flag("direction_before", direction)
            flag("place_before", mentionEnds.contains(previous) && !direction)
            if tokens[previous].startsUppercase && !mentionEnds.contains(previous) && !direction {
                flag("capital_word_before", !tokens[previous].isSentenceStart || tokens[previous].shape == .allCaps)
                let previousInfo = view.wordInfo(previous)
                flag("given_name_before", previousInfo.isGivenName && !previousInfo.isLowerCaseWord)
                flag("capital_sequence_small", prior < 6)
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
            flag("street_after", street)
            flag("organisation_after", organisation)
            flag("institution_after", institution)
            flag("common_word_after", common)
            flag("place_after", !suffix && !common && mentionStarts.contains(next))
            flag("capital_word_after", !suffix && !common && !mentionStarts.contains(next))
            flag("surname_after", single && info.isGivenName && (nextInfo.isSurname || nextInfo.isGivenName)
                 && !nextInfo.isLowerCaseWord)
            if prior < 6 { v[index("capital_sequence_small")] = 1 }
        }
        let personLike = log10(1 + (info.givenNamePercent + info.surnamePercent) * 1000)
        set("person_small_place", prior < 6 ? personLike : 0)
        set("person_like_place", personLike)
        flag("hyphen_joined", tokens[first].joinedByHyphen
             || (last + 2 < tokens.count && tokens[last + 2].joinedByHyphen && view.isPunctuation(last + 1, "-")))
        flag("possessive", tokens[last].followedByPossessive)
        if view.isPunctuation(last + 1, ","), last + 2 < tokens.count, tokens[last + 2].kind == .word,
           tokens[last + 2].startsUppercase, tokens[last + 2].sentence == tokens[last].sentence {
            flag("qualifier_after", true)
        }
        flag("lowercase_in_document", single && lowerCaseWords.contains(Substring(view.lowercased(first))))
        flag("party_hometown", ContextPatterns.isPartyHometown(first, view))
        flag("based_after", ContextPatterns.isPlaceCompound(after: last, view))
        flag("of_locative", ContextPatterns.isLocativeOf(first, view))
        flag("of_after_person", ContextPatterns.isHometownOf(first, view))
        flag("unit_list", mention.cues.contains(.unitList))
        flag("inside_parentheses", view.isPunctuation(first - 1, "(") && view.isPunctuation(last + 1, ")"))
    }
}
