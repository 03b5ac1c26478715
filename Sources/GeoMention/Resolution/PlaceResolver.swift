import Foundation

/// Chooses, for every mention of a document, the place the writer meant.
///
/// Each candidate is described by ``ResolverFeatures`` — the evidence a careful reader uses:
/// prominence, an explicit qualifier that contains it ("Paris, Texas"), the countries and
/// first-level regions the rest of the document is about, closeness to the document's other
/// places, the dateline, a unit word after the name ("the Donetsk region") — and scored by the
/// trained ``ResolverModel``; the best score wins.
///
/// The document evidence comes from the other mentions' choices, so resolution runs in rounds:
/// the first round chooses by prominence and qualifiers alone; each later round gathers the
/// evidence from the previous round's choices and scores again. One name keeps one sense in a
/// document: the scores of all its mentions are pooled (a mention with its own qualifier
/// decides by itself).
struct PlaceResolver {
    let index: GazetteerIndex
    let model: ResolverModel
    var weights = ResolverWeights()

    /// What the last round saw, for explaining and training: per mention, its candidates'
    /// places and feature vectors.
    struct Explanation {
        var places: [[Int]] = []
        var vectors: [[[Double]]] = []
    }

    func resolve(_ mentions: [Mention]) -> [ResolvedMention] {
        resolve(mentions, explanation: nil)
    }

    func resolve(_ mentions: [Mention], explanation: UnsafeMutablePointer<Explanation>?) -> [ResolvedMention] {
        guard !mentions.isEmpty else { return [] }
        var facts = mentions.map { mention in
            Self.readings(mention.candidates.prefix(weights.maximumCandidates).map { CandidateFacts($0, index: index) },
                          unitWordAfter: mention.cues.contains(.unitWordAfter))
        }
        // An explicit qualifier leaves only the candidates it contains ("Paris, Texas").
        var qualified = [Bool](repeating: false, count: mentions.count)
        for position in mentions.indices {
            let matches = qualifierMatches(mentions, facts, at: position)
            if !matches.isEmpty {
                facts[position] = matches.sorted().map { facts[position][$0] }
                qualified[position] = true
            }
        }
        let topPriors = facts.map { $0.map(\.prior).max() ?? 0 }
        let names = EvidenceNames(mentions)
        let pools = Self.poolIDs(names, facts)
        let isDateline = mentions.map { $0.cues.contains(.dateline) }
        // Where each mention's candidates start in the scores of a round, and where the last end.
        var starts = [0]
        starts.reserveCapacity(facts.count + 1)
        for candidates in facts { starts.append(starts[starts.count - 1] + candidates.count) }
        var choice = mentions.indices.map { position -> (Int, Double) in
            let scores = facts[position].indices.map { candidate in
                let fact = facts[position][candidate]
                return fact.prior - (fact.isPrimaryName || fact.form != .name ? 0 : weights.alternateName)
            }
            return Self.best(scores)
        }
        var context = ResolverFeatures.Context(evidence: DocumentEvidence(), datelineCountry: 0, datelineAdmin1: -1,
                                               dominantCountry: 0)
        for round in 0..<weights.rounds {
            context = makeContext(mentions: mentions, names: names, facts: facts, choice: choice)
            let keep = round == weights.rounds - 1 && explanation != nil
            let (scores, vectors) = score(facts, isDateline: isDateline, topPriors: topPriors, context: context,
                                          keepingVectors: keep)
            if keep, let explanation {
                explanation.pointee = Explanation(places: facts.map { $0.map(\.place) }, vectors: vectors)
            }
            choice = pooledChoice(pools: pools, scores: scores, starts: starts, qualified: qualified)
        }
        // One name, one sense: most places are chosen by several mentions, and copied out once.
        var places = IntKeyedTable<Place>(capacity: mentions.count)
        return mentions.indices.map { position in
            let (chosen, confidence) = choice[position]
            guard chosen >= 0 else {
                return ResolvedMention(mention: mentions[position], place: nil, form: .name, confidence: 0,
                                       reason: "not in the gazetteer")
            }
            let fact = facts[position][chosen]
            let place = places[fact.place] ?? index.place(at: fact.place)
            _ = places.insertIfAbsent(place, for: fact.place)
            return ResolvedMention(
                mention: mentions[position], place: place, form: fact.form,
                confidence: (confidence * 1000).rounded() / 1000,
                reason: ResolutionReason(index: index).text(for: fact, mention: mentions[position], position: position,
                                                            qualifier: mentions[position].qualifier.map { mentions[$0].text },
                                                            qualified: qualified[position],
                                                            candidates: facts[position].count, context: context))
        }
    }

    /// The model's score of every candidate of every mention, end to end in mention order, and
    /// with `keepingVectors` their feature vectors.
    private func score(_ facts: [[CandidateFacts]], isDateline: [Bool], topPriors: [Double],
                       context: ResolverFeatures.Context, keepingVectors: Bool) -> (scores: [Double], vectors: [[[Double]]]) {
        var vectors: [[[Double]]] = []
        var scores: [Double] = []
        scores.reserveCapacity(facts.reduce(0) { $0 + $1.count })
        var buffer = [Double](repeating: 0, count: ResolverFeatures.count)
        var logs = ResolverFeatures.EvidenceLogs()
        buffer.withUnsafeMutableBufferPointer { buffer in
            for position in facts.indices {
                var kept: [[Double]] = []
                for fact in facts[position] {
                    ResolverFeatures.fill(buffer, fact, isDateline: isDateline[position], position: position,
                                          topPrior: topPriors[position], context: context, logs: &logs)
                    if keepingVectors { kept.append(Array(buffer)) }
                    scores.append(model.score(UnsafeBufferPointer(buffer)))
                }
                if keepingVectors { vectors.append(kept) }
            }
        }
        return (scores, vectors)
    }

    /// One name, one sense: choices from the pooled scores of every mention of the same name
    /// (`pools` gives each mention's pool; a mention with its own qualifier decides alone).
    /// Mention `position`'s scores are `scores[starts[position]..<starts[position + 1]]`.
    private func pooledChoice(pools: [Int], scores: [Double], starts: [Int], qualified: [Bool]) -> [(Int, Double)] {
        let poolCount = (pools.max() ?? -1) + 1
        return scores.withUnsafeBufferPointer { scores in
            func scoresOf(_ position: Int) -> UnsafeBufferPointer<Double> {
                UnsafeBufferPointer(rebasing: scores[starts[position]..<starts[position + 1]])
            }
            // Each pool's sums, end to end. Mentions share a pool only when they have as many
            // candidates, so the sums line up.
            var pooled: [Double] = []
            var pooledRange = [Range<Int>?](repeating: nil, count: poolCount)
            for position in pools.indices where !qualified[position] {
                let pool = pools[position], own = scoresOf(position)
                if let range = pooledRange[pool] {
                    for candidate in own.indices where candidate < range.count {
                        pooled[range.lowerBound + candidate] += own[candidate]
                    }
                } else {
                    pooledRange[pool] = pooled.count..<(pooled.count + own.count)
                    pooled.append(contentsOf: own)
                }
            }
            // Every mention of a pool gets the pool's choice: worked out once.
            var decided = [(Int, Double)?](repeating: nil, count: poolCount)
            return pooled.withUnsafeBufferPointer { pooled in
                pools.indices.map { position in
                    if qualified[position] { return Self.best(scoresOf(position)) }
                    let pool = pools[position]
                    if let known = decided[pool] { return known }
                    let choice = pooledRange[pool].map { Self.best(UnsafeBufferPointer(rebasing: pooled[$0])) }
                        ?? Self.best(scoresOf(position))
                    decided[pool] = choice
                    return choice
                }
            }
        }
    }

    private func makeContext(mentions: [Mention], names: EvidenceNames, facts: [[CandidateFacts]],
                             choice: [(Int, Double)]) -> ResolverFeatures.Context {
        let evidence = DocumentEvidence(names: names, facts: facts, choice: choice, weights: weights)
        var datelineCountry: UInt16 = 0
        var datelineAdmin1 = -1
        if let dateline = mentions.indices.first(where: { mentions[$0].cues.contains(.dateline) }), choice[dateline].0 >= 0 {
            var fact = facts[dateline][choice[dateline].0]
            if let qualifier = mentions[dateline].qualifier, choice[qualifier].0 >= 0, fact.kind == .country {
                fact = facts[qualifier][choice[qualifier].0]
            }
            datelineCountry = fact.country
            datelineAdmin1 = fact.kind == .country ? -1 : fact.admin1
        }
        return ResolverFeatures.Context(evidence: evidence, datelineCountry: datelineCountry, datelineAdmin1: datelineAdmin1,
                                        dominantCountry: evidence.dominantCountry)
    }

    /// The candidates a reader would still consider. A unit word after the name ("the Donetsk
    /// region", "Kherson oblast") leaves only the administrative units, when there are any.
    /// Without one, a first-level unit named like its own seat gives way to the seat: "Mykolaiv"
    /// and "Istanbul" name the cities, "Mykolaiv Oblast" (another name) the unit.
    static func readings(_ facts: [CandidateFacts], unitWordAfter: Bool) -> [CandidateFacts] {
        if unitWordAfter {
            let units = facts.filter { $0.kind == .admin1 || $0.kind == .admin2 }
            return units.isEmpty ? facts : units
        }
        guard facts.contains(where: \.isSeat) else { return facts }
        let seatUnits = facts.lazy.filter(\.isSeat).map(\.admin1)
        return facts.filter { !($0.kind == .admin1 && seatUnits.contains($0.place)) }
    }

    /// Mentions whose name and number of candidates are the same share one sense: each mention's
    /// pool, numbered in order of first appearance.
    private static func poolIDs(_ names: EvidenceNames, _ facts: [[CandidateFacts]]) -> [Int] {
        var ids = IntKeyedTable<Int>(capacity: facts.count)
        return facts.indices.map { position in
            // Fewer than 2^32 candidates, so the name's number and the count share one key.
            let key = names.ofMention[position] << 32 | facts[position].count
            let next = ids.count
            return ids.insertIfAbsent(next, for: key) ?? next
        }
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

    /// The index of the highest score and the share of belief it holds.
    static func best<Scores: RandomAccessCollection<Double>>(_ scores: Scores) -> (Int, Double) where Scores.Index == Int {
        guard let top = scores.indices.max(by: { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }) else {
            return (-1, 0)
        }
        return (top, confidence(scores, chosen: top))
    }

    /// Softmax probability of candidate `chosen`.
    static func confidence<Scores: RandomAccessCollection<Double>>(_ scores: Scores, chosen: Int) -> Double
    where Scores.Index == Int {
        guard scores.indices.contains(chosen) else { return 0 }
        let top = scores.max() ?? 0
        let total = scores.reduce(0) { $0 + exp($1 - top) }
        return min(0.99, exp(scores[chosen] - top) / total)
    }
}
