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
    static let names: [String] = MentionFeature.allCases.map(\.name)

    static let count = names.count

    /// Feature vectors for every mention of a document, one row per mention in mention order.
    /// `keys` numbers the mentions' names.
    static func matrix(for mentions: [Mention], keys: MentionKeys, view: TokenView) -> FeatureMatrix {
        let tokens = view.tokens
        var matrix = FeatureMatrix(rows: mentions.count)
        let edges = MentionEdges(mentions, tokenCount: tokens.count)
        let lowerCase = LowerCaseOccurrences(mentions: mentions, view: view) { position in
            !mentions[position].candidates.isEmpty && wordCount(mentions[position].tokenRange, tokens) == 1
        }
        var senses = SenseFacts(keys: keys, geography: GeographicSupport(mentions: mentions, keys: keys, index: view.index),
                                index: view.index)
        var usage = [NameUsage](filling: NameUsage(), count: keys.count)
        // Through a buffer, by position, so that no mention is copied to be read.
        mentions.withUnsafeBufferPointer { mentions in
            for position in mentions.indices {
                let key = keys.ids[position]
                if !mentions[position].candidates.isEmpty {
                    let mention = mentions.baseAddress! + position
                    let facts = senses.facts(for: mention, key: key)
                    fill(&matrix, row: position, mention: mention, kind: facts.kind, view: view, edges: edges,
                         lowerCaseInDocument: lowerCase.isFound(mention: position))
                    matrix[position, .admin1Support] = facts.support.admin1
                    matrix[position, .countrySupport] = facts.support.country
                    matrix[position, .nearSupport] = facts.support.near
                }
                if matrix[position, .givenNameBefore] > 0 || matrix[position, .surnameAfter] > 0 {
                    usage[key].forPerson = true
                }
                if mentions[position].cues.contains(.locativePreposition) || matrix[position, .qualifierAfter] > 0 {
                    usage[key].locative = true
                }
                usage[key].occurrences += 1
            }
        }
        // Names listed after a place that a preposition introduces share its cue:
        // "in Sharon, Cornwall and Salisbury".
        for position in mentions.indices.dropFirst() {
            let previous = position - 1
            let cued = mentions[previous].cues.contains(.locativePreposition) || matrix[previous, .listLocative] > 0
            if cued && ContextPatterns.isListContinuation(from: previous, to: position, in: mentions, view) {
                matrix[position, .listLocative] = 1
            }
        }
        for position in mentions.indices {
            let name = usage[keys.ids[position]]
            matrix[position, .occurrences] = FeatureLogarithms.log2(min(name.occurrences, 32))
            matrix[position, .personElsewhere] = name.forPerson ? 1 : 0
            matrix[position, .locativeElsewhere] = name.locative ? 1 : 0
        }
        return matrix
    }

    /// How a document uses one name across its mentions.
    private struct NameUsage {
        /// How many mentions it has.
        var occurrences = 0
        /// A given name stands before one of them or a surname after.
        var forPerson = false
        /// A locative preposition stands before one of them or a qualifier after.
        var locative = false
    }

    /// How many word tokens `range` covers.
    private static func wordCount(_ range: Range<Int>, _ tokens: [Token]) -> Int {
        var words = 0
        for position in range where tokens[position].kind == .word { words += 1 }
        return words
    }

    /// The word lists consulted around a name, merged so that one lookup answers them all.
    private struct WordRoles: OptionSet {
        let rawValue: UInt8
        static let determiner = WordRoles(rawValue: 1 << 0)
        static let direction = WordRoles(rawValue: 1 << 1)
        static let streetSuffix = WordRoles(rawValue: 1 << 2)
        static let nonPlaceSuffix = WordRoles(rawValue: 1 << 3)
        static let institutionSuffix = WordRoles(rawValue: 1 << 4)
    }

    /// Every word of those lists with the lists it is in, looked up by the lower-cased bytes of a
    /// token so that no string is built or hashed.
    private static let wordRoles: ByteWordTable<WordRoles> = {
        var roles: [String: WordRoles] = [:]
        let lists: [(Set<String>, WordRoles)] = [
            (RecognitionLexicon.determiners, .determiner), (RecognitionLexicon.directionWords, .direction),
            (RecognitionLexicon.streetSuffixes, .streetSuffix), (RecognitionLexicon.nonPlaceSuffixes, .nonPlaceSuffix),
            (RecognitionLexicon.institutionSuffixes, .institutionSuffix),
        ]
        for (words, role) in lists {
            for word in words { roles[word, default: []].insert(role) }
        }
        var table = ByteWordTable<WordRoles>(expectedCount: roles.count)
        for (word, role) in roles { table.insert(word, value: role) }
        return table
    }()

    /// The lists token `position` is in as a lower-case word, and whether it is "the".
    private static func roles(of position: Int, _ view: TokenView) -> (roles: WordRoles, isThe: Bool) {
        view.withLowercasedBytes(position) { word in
            let roles = wordRoles.entry(of: word).map { wordRoles.values[$0] } ?? []
            return (roles, word.elementsEqual("the".utf8))
        }
    }

    /// Writes into row `row` the features that `mention` and the words around it decide; `kind`
    /// is the kind of its most likely reading, `lowerCaseInDocument` whether its word occurs in
    /// lower case elsewhere. The features of the whole document are left to ``matrix(for:keys:view:)``.
    /// The mention is read in place, through a pointer, as a copy would retain and release each of
    /// its texts and lists.
    private static func fill(_ matrix: inout FeatureMatrix, row: Int, mention: UnsafePointer<Mention>, kind: PlaceKind,
                             view: TokenView, edges: MentionEdges, lowerCaseInDocument: Bool) {
        let tokens = view.tokens
        let range = mention.pointee.tokenRange
        let first = range.lowerBound
        let last = range.upperBound - 1
        let cues = mention.pointee.cues
        // What the row needs of the candidates is read where they lie, before anything is written:
        // bound to a local, or read after a write to the matrix, the list would be retained and
        // released.
        let top = mention.pointee.candidates[0]
        let candidateCount = mention.pointee.candidates.count
        let allDemonyms = mention.everyCandidate(is: .demonym)
        let prior = top.prior
        func set(_ feature: MentionFeature, _ value: Double) { matrix[row, feature] = value }
        func flag(_ feature: MentionFeature, _ condition: Bool) { if condition { matrix[row, feature] = 1 } }

        set(.bias, 1)
        set(.prior, prior)
        flag(.kindCountry, kind == .country)
        flag(.kindAdmin1, kind == .admin1)
        flag(.kindAdmin2, kind == .admin2)
        flag(.kindRegion, kind == .region)
        flag(.kindPhysical, kind == .physical)
        flag(.formAbbreviation, top.form == .abbreviation)
        flag(.formDemonym, allDemonyms)
        let words = wordCount(range, tokens)
        flag(.words2, words == 2)
        flag(.words3plus, words >= 3)
        flag(.primaryName, top.isPrimaryName)
        set(.candidates, FeatureLogarithms.log2(candidateCount))

        let single = words == 1
        // An abbreviation in its own capitals ("US", "EU") says nothing about the English word it spells.
        let info = single && top.form != .abbreviation ? view.wordInfo(first) : .unknown
        set(.zipf, info.zipf)
        flag(.lowercaseWord, info.isLowerCaseWord)
        set(.lowercaseZipf, info.isLowerCaseWord ? info.zipf : 0)
        flag(.properNoun, info.isProperNoun)
        set(.givenName, FeatureLogarithms.log10OnePlusThousandfold(info.givenNamePercent))
        set(.surname, FeatureLogarithms.log10OnePlusThousandfold(info.surnamePercent))
        let weak = cues.contains(.weakCapital)
        flag(.weakCapital, weak)
        set(.weakLowercase, weak && info.isLowerCaseWord ? info.zipf : 0)
        flag(.allCaps, tokens[first].shape == .allCaps)
        flag(.capitalsContext, cues.contains(.capitalsContext))
        flag(.locative, cues.contains(.locativePreposition))
        flag(.dateline, cues.contains(.dateline))
        flag(.isQualifier, cues.contains(.isQualifier))
        flag(.headline, mention.pointee.sentence == 0)
        flag(.shortWord, single && tokens[first].utf8End - tokens[first].utf8Start <= 3)
        flag(.smallPlace, prior < 5)
        set(.smallCommonWord, prior < 6 ? info.zipf : 0)
        flag(.demonymPlural, top.form == .demonym && mention.pointee.key.hasSuffix("s"))

        if let previous = view.adjacentWord(before: first) {
            let (roles, isThe) = roles(of: previous, view)
            flag(.determinerBefore, tokens[previous].shape == .lower && roles.contains(.determiner))
            flag(.theBefore, isThe)
            flag(.theBeforeSmall, isThe && prior < 6.5)
            let direction = roles.contains(.direction)
            flag(.directionBefore, direction)
            flag(.placeBefore, edges.isEnd(previous) && !direction)
            if tokens[previous].startsUppercase && !edges.isEnd(previous) && !direction {
                flag(.capitalWordBefore, !tokens[previous].isSentenceStart || tokens[previous].shape == .allCaps)
                let previousInfo = view.wordInfo(previous)
                flag(.givenNameBefore, previousInfo.isGivenName && !previousInfo.isLowerCaseWord)
                flag(.capitalSequenceSmall, prior < 6)
            }
        }
        if let next = view.adjacentWord(after: last), tokens[next].startsUppercase {
            let roles = roles(of: next, view).roles
            let street = roles.contains(.streetSuffix)
            let organisation = roles.contains(.nonPlaceSuffix)
            let institution = roles.contains(.institutionSuffix)
            let nextInfo = view.wordInfo(next)
            // What kind of capitalised word follows: a suffix, a common noun ("Mansfield Public
            // Library"), another place, or a name ("Paris Hilton").
            let suffix = street || organisation || institution
            let common = !suffix && nextInfo.isLowerCaseWord && nextInfo.zipf >= 3.5
            flag(.streetAfter, street)
            flag(.organisationAfter, organisation)
            flag(.institutionAfter, institution)
            flag(.commonWordAfter, common)
            flag(.placeAfter, !suffix && !common && edges.isStart(next))
            flag(.capitalWordAfter, !suffix && !common && !edges.isStart(next))
            flag(.surnameAfter, single && info.isGivenName && (nextInfo.isSurname || nextInfo.isGivenName)
                 && !nextInfo.isLowerCaseWord)
            flag(.capitalSequenceSmall, prior < 6)
        }
        let personLike = FeatureLogarithms.log10OnePlusThousandfold(info.givenNamePercent + info.surnamePercent)
        set(.personSmallPlace, prior < 6 ? personLike : 0)
        set(.personLikePlace, personLike)
        flag(.hyphenJoined, tokens[first].joinedByHyphen
             || (last + 2 < tokens.count && tokens[last + 2].joinedByHyphen && view.isPunctuation(last + 1, ascii: "-")))
        flag(.possessive, tokens[last].followedByPossessive)
        if view.isPunctuation(last + 1, ascii: ","), last + 2 < tokens.count, tokens[last + 2].kind == .word,
           tokens[last + 2].startsUppercase, tokens[last + 2].sentence == tokens[last].sentence {
            flag(.qualifierAfter, true)
        }
        flag(.lowercaseInDocument, single && lowerCaseInDocument)
        flag(.partyHometown, ContextPatterns.isPartyHometown(first, view))
        flag(.basedAfter, ContextPatterns.isPlaceCompound(after: last, view))
        flag(.ofLocative, ContextPatterns.isLocativeOf(first, view))
        flag(.ofAfterPerson, ContextPatterns.isHometownOf(first, view))
        flag(.unitList, cues.contains(.unitList))
        flag(.insideParentheses, view.isPunctuation(first - 1, ascii: "(") && view.isPunctuation(last + 1, ascii: ")"))
    }
}

/// Which tokens begin and which end a mention, by token index.
private struct MentionEdges {
    private static let start: UInt8 = 1, end: UInt8 = 2
    private var marks: [UInt8]

    init(_ mentions: [Mention], tokenCount: Int) {
        marks = [UInt8](filling: 0, count: tokenCount)
        for position in mentions.indices {
            let range = mentions[position].tokenRange
            guard !range.isEmpty && range.upperBound <= tokenCount else { continue }
            marks[range.lowerBound] |= Self.start
            marks[range.upperBound - 1] |= Self.end
        }
    }

    /// Whether a mention begins at token `position`.
    func isStart(_ position: Int) -> Bool { marks[position] & Self.start != 0 }

    /// Whether a mention ends at token `position`.
    func isEnd(_ position: Int) -> Bool { marks[position] & Self.end != 0 }
}
