/// The facts about a mention that follow from its name and candidates alone, wherever it
/// stands: the kind of its most likely reading and its geographic support.
///
/// A document repeats its names, and the repeats nearly always carry the same candidates, so the
/// facts are worked out once per distinct name, candidate list and unit-word cue, then reused.
struct SenseFacts {
    /// The facts of one sense.
    struct Facts {
        /// The kind of the most likely reading.
        let kind: PlaceKind
        /// ``GeographicSupport`` (first-level, country, nearness).
        let support: (admin1: Double, country: Double, near: Double)
    }

    /// One distinct (name, candidates, unit word after) with its facts.
    private struct Sense {
        let candidates: [MentionCandidate]
        let unitWordAfter: Bool
        let facts: Facts
        /// The sense of the same name seen before this one, or -1.
        let earlier: Int
    }

    /// Candidates read per mention.
    private static let candidateLimit = 40

    private let index: GazetteerIndex
    private let geography: GeographicSupport
    private var senses: [Sense] = []
    /// The facts of the candidates of the sense being worked out; its storage serves every sense.
    private var candidateFacts: [CandidateFacts] = []
    /// Per name number: its latest sense, or -1.
    private var latestSense: [Int]

    init(keys: MentionKeys, geography: GeographicSupport, index: GazetteerIndex) {
        self.index = index
        self.geography = geography
        latestSense = [Int](filling: -1, count: keys.count)
        // Most names have one sense; the buffer holds the candidates the resolver reads per mention.
        senses.reserveCapacity(keys.count)
        candidateFacts.reserveCapacity(Self.candidateLimit)
    }

    /// The facts of `mention`, whose name has number `key`; its candidates must not be empty.
    /// The mention is read in place rather than copied.
    mutating func facts(for mention: UnsafePointer<Mention>, key: Int) -> Facts {
        let unitWordAfter = mention.pointee.cues.contains(.unitWordAfter)
        var known = latestSense[key]
        while known >= 0 {
            if senses[known].unitWordAfter == unitWordAfter && hasCandidates(known, of: mention) {
                return senses[known].facts
            }
            known = senses[known].earlier
        }
        // A new sense keeps the candidates.
        let candidates = mention.pointee.candidates
        // The candidates' places are read from the index once, for both facts. The list is read
        // through its buffer: a prefix of the array would retain and release it once more.
        candidateFacts.removeAll(keepingCapacity: true)
        candidates.withUnsafeBufferPointer { candidates in
            for candidate in candidates.prefix(Self.candidateLimit) {
                candidateFacts.append(CandidateFacts(candidate, index: index))
            }
        }
        let support = geography.support(key: key, candidates: candidateFacts)
        let kind = likelyKind(candidateFacts, unitWordAfter: unitWordAfter) ?? index.kind(of: candidates[0].place)
        let facts = Facts(kind: kind, support: (support.0, support.1, support.2))
        senses.append(Sense(candidates: candidates, unitWordAfter: unitWordAfter, facts: facts,
                            earlier: latestSense[key]))
        latestSense[key] = senses.count - 1
        return facts
    }

    /// Whether sense `sense` has the candidates of `mention`. Both lists are read where they lie,
    /// element by element: comparing the arrays would retain and release each of them, for every
    /// repeated name of the document.
    private func hasCandidates(_ sense: Int, of mention: UnsafePointer<Mention>) -> Bool {
        senses.withUnsafeBufferPointer { senses in
            let count = senses[sense].candidates.count
            guard count == mention.pointee.candidates.count else { return false }
            for position in 0..<count where senses[sense].candidates[position] != mention.pointee.candidates[position] {
                return false
            }
            return true
        }
    }

    /// The kind of the most likely reading, once a unit named like its seat gives way to the
    /// seat ("Kharkiv" reads as the city, not the oblast); nil when there is no reading.
    private func likelyKind(_ candidates: [CandidateFacts], unitWordAfter: Bool) -> PlaceKind? {
        PlaceResolver.mostProminentReading(of: candidates, unitWordAfter: unitWordAfter)?.kind
    }
}
