import Foundation

/// Chooses, for every mention of a document, the place the writer meant.
///
/// Each candidate gets a score that adds up the evidence a careful reader uses:
/// - prominence (``Prominence``): countries over towns, big towns over small ones;
/// - an explicit qualifier that contains it ("Paris, Texas", "Springfield, Ill.");
/// - the countries and first-level regions the document is about: those it names, and those of
///   the places already resolved, each weighed by how sure that resolution is;
/// - closeness to the other places of the document, which cluster in local news;
/// - a small cost for a former or alternate name ("Kiev" is Kyiv, but few towns are known by a
///   former name).
/// One name keeps one sense in a document: the scores of all its mentions are pooled. The
/// evidence is gathered twice: first from prominence and qualifiers, then again from the
/// places chosen in the first round.
struct PlaceResolver {
    let index: GazetteerIndex
    var weights = ResolverWeights()

    func resolve(_ mentions: [Mention]) -> [ResolvedMention] {
        guard !mentions.isEmpty else { return [] }
        let facts = mentions.map { mention in
            Self.yieldingUnitsToSeats(mention.candidates.prefix(weights.maximumCandidates).map { CandidateFacts($0, index: index) },
                                      cost: weights.unitSharingSeatName)
        }
        let qualifierMatches = mentions.indices.map { self.qualifierMatches(mentions, facts, at: $0) }
        var choice = mentions.indices.map { position -> (Int, Double) in
            let scores = facts[position].indices.map { candidate in
                baseScore(facts[position][candidate]) + (qualifierMatches[position].contains(candidate) ? weights.qualifier : 0)
            }
            return Self.best(scores)
        }
        var evidence = DocumentEvidence()
        var scores: [[Double]] = []
        for _ in 0..<weights.rounds {
            evidence = DocumentEvidence(mentions: mentions, facts: facts, choice: choice, weights: weights)
            scores = mentions.indices.map { position in
                facts[position].indices.map { candidate in
                    score(facts[position][candidate], mention: position, qualified: qualifierMatches[position].contains(candidate),
                          evidence: evidence, mentions: mentions)
                }
            }
            // One sense per name: pool the scores of every mention of the same key.
            var pooled: [String: [Double]] = [:]
            for position in mentions.indices {
                let key = poolKey(mentions[position], facts[position])
                if var sum = pooled[key] {
                    for candidate in sum.indices where candidate < scores[position].count { sum[candidate] += scores[position][candidate] }
                    pooled[key] = sum
                } else {
                    pooled[key] = scores[position]
                }
            }
            choice = mentions.indices.map { position in
                if !qualifierMatches[position].isEmpty { return Self.best(scores[position]) }
                let pool = pooled[poolKey(mentions[position], facts[position])] ?? scores[position]
                let best = Self.best(pool).0
                return (best, Self.confidence(scores[position], chosen: best))
            }
        }
        return mentions.indices.map { position in
            let (chosen, confidence) = choice[position]
            guard chosen >= 0 else {
                return ResolvedMention(mention: mentions[position], place: nil, form: .name, confidence: 0,
                                       reason: "no candidate")
            }
            let fact = facts[position][chosen]
            return ResolvedMention(
                mention: mentions[position], place: index.place(at: fact.place), form: fact.form,
                confidence: (confidence * 1000).rounded() / 1000,
                reason: reason(for: fact, at: position, qualified: qualifierMatches[position].contains(chosen),
                               candidates: facts[position].count, evidence: evidence, mentions: mentions))
        }
    }

    /// A first-level unit named like its own seat ("Mykolaiv", "Istanbul", "Kyiv") is meant as
    /// the city unless the text says "region", "oblast" or "province" (which makes a different
    /// name): the unit's prominence is lowered below the city's.
    static func yieldingUnitsToSeats(_ facts: [CandidateFacts], cost: Double) -> [CandidateFacts] {
        let seatUnits = Set(facts.filter(\.isSeat).map(\.admin1))
        guard !seatUnits.isEmpty else { return facts }
        return facts.map { fact in
            fact.kind == .admin1 && seatUnits.contains(fact.place) ? fact.lowered(by: cost) : fact
        }
    }

    /// Mentions whose key and candidate list are the same share one sense.
    private func poolKey(_ mention: Mention, _ facts: [CandidateFacts]) -> String {
        mention.key + "#" + String(facts.count)
    }

    /// Candidates of mention `position` that its qualifier contains.
    private func qualifierMatches(_ mentions: [Mention], _ facts: [[CandidateFacts]], at position: Int) -> Set<Int> {
        guard let qualifier = mentions[position].qualifier else { return [] }
        var matches = Set<Int>()
        for (candidate, fact) in facts[position].enumerated()
        where facts[qualifier].contains(where: { fact.isWithin($0) }) {
            matches.insert(candidate)
        }
        return matches
    }

    private func baseScore(_ fact: CandidateFacts) -> Double {
        fact.prior - (fact.isPrimaryName || fact.form != .name ? 0 : weights.alternateName)
    }

    private func score(_ fact: CandidateFacts, mention position: Int, qualified: Bool, evidence: DocumentEvidence,
                       mentions: [Mention]) -> Double {
        var total = baseScore(fact)
        if qualified { total += weights.qualifier }
        total += weights.country * log1p(evidence.countryWeight(fact.country, excluding: position))
        if fact.admin1 >= 0 && fact.kind != .admin1 {
            total += weights.admin1 * log1p(evidence.admin1Weight(fact.admin1, excluding: position))
        }
        if fact.kind == .city || fact.kind == .admin2 {
            total += weights.proximity * evidence.closeness(to: fact.point, excluding: mentions[position].key)
        }
        return total
    }

    private func reason(for fact: CandidateFacts, at position: Int, qualified: Bool, candidates: Int,
                        evidence: DocumentEvidence, mentions: [Mention]) -> String {
        var parts: [String] = []
        if mentions[position].cues.contains(.dateline) { parts.append("dateline") }
        if qualified, let qualifier = mentions[position].qualifier { parts.append("qualified by \(mentions[qualifier].text)") }
        if fact.kind != .country && evidence.countryWeight(fact.country, excluding: position) >= 1,
           let name = index.countries[Self.code(fact.country)]?.name {
            parts.append("in \(name), named in the text")
        }
        if fact.admin1 >= 0 && fact.kind != .admin1 && evidence.admin1Weight(fact.admin1, excluding: position) >= 0.5 {
            parts.append("in \(index.place(at: fact.admin1).name), named in the text")
        }
        if (fact.kind == .city || fact.kind == .admin2) && evidence.closeness(to: fact.point, excluding: mentions[position].key) >= 0.5 {
            parts.append("near other places in the text")
        }
        if parts.isEmpty {
            parts.append(candidates == 1 ? "only place of this name" : "most prominent of \(candidates) places of this name")
        }
        return parts.joined(separator: "; ")
    }

    static func code(_ key: UInt16) -> String {
        String(decoding: [UInt8(key & 0xFF), UInt8(key >> 8)], as: UTF8.self)
    }

    /// The index of the highest score and the share of belief it holds.
    static func best(_ scores: [Double]) -> (Int, Double) {
        guard let top = scores.indices.max(by: { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }) else {
            return (-1, 0)
        }
        return (top, confidence(scores, chosen: top))
    }

    /// Softmax probability of candidate `chosen`.
    static func confidence(_ scores: [Double], chosen: Int) -> Double {
        guard scores.indices.contains(chosen) else { return 0 }
        let top = scores.max() ?? 0
        let total = scores.reduce(0) { $0 + exp($1 - top) }
        return min(0.99, exp(scores[chosen] - top) / total)
    }
}
