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

    func resolve(_ mentions: consuming [Mention]) -> [ResolvedMention] {
        resolve(mentions, explanation: nil)
    }

    /// Taking `mentions` lets each one move into its ``ResolvedMention`` rather than be copied
    /// (a retain of each of its strings and candidates) and then released with the array.
    func resolve(_ mentions: consuming [Mention], explanation: UnsafeMutablePointer<Explanation>?) -> [ResolvedMention] {
        var mentions = mentions
        guard !mentions.isEmpty else { return [] }
        var candidates = DocumentCandidates(mentions, index: index, maximumCandidates: weights.maximumCandidates)
        let qualified = candidates.narrowToQualifiers(of: mentions)
        let qualifies = candidates.narrowQualifiersToTheirMentions(mentions, narrowed: qualified)
        let facts = candidates.facts
        let names = EvidenceNames(mentions)
        let pools = Self.poolIDs(names, candidates)
        // The first round chooses by prominence alone; its scores are the priors.
        var scores = facts.map { fact in
            fact.prior - (fact.isPrimaryName || fact.form != .name ? 0 : weights.alternateName)
        }
        var choice = scores.withUnsafeBufferPointer { priors in
            mentions.indices.map { Self.best(UnsafeBufferPointer(rebasing: priors[candidates.range(of: $0)])) }
        }
        // Every round gathers its context and scores into the storage of the round before.
        var context = ResolverFeatures.Context()
        var scored = [Int](filling: -1, count: names.count)
        var pooling = PoolingBuffers(poolCount: (pools.max() ?? -1) + 1)
        // The last round's closeness of every candidate, which the reasons read again.
        var closeness = [Double](filling: 0, count: facts.count)
        for round in 0..<weights.rounds {
            gatherContext(&context, mentions: mentions, names: names, candidates: candidates, choice: choice)
            let last = round == weights.rounds - 1
            let keep = last && explanation != nil
            let vectors = score(candidates, mentions: mentions, names: names, context: context, scores: &scores,
                                scored: &scored, keepingVectors: keep, closeness: &closeness, keepingCloseness: last)
            if keep, let explanation {
                explanation.pointee = Explanation(
                    places: mentions.indices.map { candidates.range(of: $0).map { facts[$0].place } }, vectors: vectors)
            }
            pooledChoice(&choice, pools: pools, scores: scores, starts: candidates.starts, qualified: qualified,
                         qualifies: qualifies, buffers: &pooling)
        }
        // The chosen places' strings are read below, each a likely cache miss: asked for together.
        for position in mentions.indices where choice[position].0 >= 0 {
            index.prefetchPlaceStrings(candidates[position, choice[position].0].place)
        }
        // One name, one sense: most places are chosen by several mentions, and copied out once.
        // Per place, the resolved mention that first took it: its place is shared with the next,
        // and the table holds no copies to release.
        var firstTaken = IntKeyedTable<Int>(capacity: mentions.count)
        let reasons = ResolutionReason(index: index)
        var resolved: [ResolvedMention] = []
        resolved.reserveCapacity(mentions.count)
        for position in mentions.indices {
            let (chosen, confidence) = choice[position]
            guard chosen >= 0 else {
                resolved.append(ResolvedMention(mention: Self.take(&mentions, at: position), place: nil, form: .name,
                                                confidence: 0, reason: "not in the gazetteer"))
                continue
            }
            let fact = candidates[position, chosen]
            let factCloseness = closeness[candidates.range(of: position).lowerBound + chosen]
            let place: Place
            if let first = firstTaken.insertIfAbsent(resolved.count, for: fact.place), let known = resolved[first].place {
                place = known
            } else {
                place = index.place(at: fact.place)
            }
            // The text of another mention: one before this one has already moved into its
            // resolved mention.
            func text(of other: Int) -> String { other < position ? resolved[other].mention.text : mentions[other].text }
            // Only a qualifier that narrowed the candidates is named.
            let qualifier = qualified[position] ? mentions[position].qualifier.map(text(of:)) : nil
            // A qualifier narrowed by the mention it qualifies names that mention.
            let qualifiedMention = qualifies[position].map(text(of:))
            let reason = reasons.text(for: fact, cues: mentions[position].cues, position: position, qualifier: qualifier,
                                      qualifies: qualifiedMention, closeness: factCloseness,
                                      candidates: candidates.range(of: position).count, context: context)
            resolved.append(ResolvedMention(mention: Self.take(&mentions, at: position), place: place, form: fact.form,
                                            confidence: (confidence * 1000).rounded() / 1000, reason: reason))
        }
        return resolved
    }

    /// Moves mention `position` out of `mentions`, leaving an empty one (which allocates nothing)
    /// in its place.
    private static func take(_ mentions: inout [Mention], at position: Int) -> Mention {
        var taken = Mention(start: 0, end: 0, utf8Range: 0..<0, tokenRange: 0..<0, text: "", key: "", sentence: 0,
                            candidates: [])
        swap(&taken, &mentions[position])
        return taken
    }

    /// Replaces `scores` with the model's score of every candidate of every mention of `mentions`,
    /// end to end as in `candidates`, and with `keepingVectors` returns their feature vectors (else none); with
    /// `keepingCloseness` each candidate's closeness feature is written to `closeness` (one slot per
    /// candidate, end to end as in `candidates`).
    ///
    /// A name named again with the same candidates, and as much or as little the dateline, has the
    /// same features as before (the evidence leaves out the same name's share): its scores are
    /// copied rather than worked out again. `scored` is the storage for that, one slot per name.
    ///
    /// A mention with one candidate takes it whatever its score (and with the same confidence), so
    /// unless its vector is kept its score is left at 0 and only its closeness is worked out.
    private func score(_ candidates: DocumentCandidates, mentions: [Mention], names: EvidenceNames,
                       context: ResolverFeatures.Context, scores: inout [Double], scored: inout [Int],
                       keepingVectors: Bool, closeness: inout [Double], keepingCloseness: Bool) -> [[[Double]]] {
        var vectors: [[[Double]]] = []
        scores.removeAll(keepingCapacity: true)
        scores.reserveCapacity(candidates.facts.count)
        var logs = ResolverFeatures.EvidenceLogs()
        // Per name, the last of its mentions scored in full, or -1.
        scored.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: ResolverFeatures.count) { buffer in
            buffer.initialize(repeating: 0)
            candidates.facts.withUnsafeBufferPointer { facts in
                for position in 0..<candidates.mentionCount {
                    let name = names.ofMention[position], earlier = scored[name]
                    let isDateline = mentions[position].cues.contains(.dateline)
                    if earlier >= 0 && mentions[earlier].cues.contains(.dateline) == isDateline
                        && candidates.haveSameCandidates(earlier, position) {
                        if keepingVectors { vectors.append(vectors[earlier]) }
                        // One at a time: a slice of either array would keep its storage shared.
                        for index in candidates.range(of: earlier) {
                            if keepingCloseness { closeness[scores.count] = closeness[index] }
                            scores.append(scores[index])
                        }
                        continue
                    }
                    scored[name] = position
                    let range = candidates.range(of: position)
                    if range.count == 1 && !keepingVectors {
                        // An only candidate is chosen whatever its score, with the same confidence.
                        let fact = facts[range.lowerBound]
                        if keepingCloseness {
                            closeness[scores.count] = ResolverFeatures.closeness(of: fact, position: position, context: context)
                        }
                        scores.append(0)
                        continue
                    }
                    // The highest prior of the mention's candidates, the first of equals.
                    var topPrior = range.isEmpty ? 0 : facts[range.lowerBound].prior
                    for index in range.dropFirst() where topPrior < facts[index].prior { topPrior = facts[index].prior }
                    var kept: [[Double]] = []
                    for fact in facts[range] {
                        ResolverFeatures.fill(buffer, fact, isDateline: isDateline, position: position,
                                              topPrior: topPrior, context: context, logs: &logs)
                        if keepingVectors { kept.append(Array(buffer)) }
                        if keepingCloseness { closeness[scores.count] = buffer[ResolverFeature.closeness.rawValue] }
                        scores.append(model.score(UnsafeBufferPointer(buffer)))
                    }
                    if keepingVectors { vectors.append(kept) }
                }
            }
        }
        return vectors
    }

    /// The storage ``pooledChoice(_:pools:scores:starts:qualified:qualifies:buffers:)`` works in, kept from
    /// round to round.
    private struct PoolingBuffers {
        /// Each pool's sums, end to end.
        var pooled: [Double] = []
        /// Per pool, where its sums lie in ``pooled`` and its choice once worked out: one array
        /// for both, as the two are sized and reset together.
        var pools: [(pooledRange: Range<Int>?, decided: (Int, Double)?)]

        init(poolCount: Int) {
            pools = Array(filling: (nil, nil), count: poolCount)
        }
    }

    /// One name, one sense: replaces `choice` with the choices from the pooled scores of every
    /// mention of the same name (`pools` gives each mention's pool). A mention narrowed by its
    /// qualifier (marked in `qualified`) or narrowing it (with a mention in `qualifies`) decides
    /// alone. Mention `position`'s scores are `scores[starts[position]..<starts[position + 1]]`.
    private func pooledChoice(_ choice: inout [(Int, Double)], pools: [Int], scores: [Double], starts: [Int],
                              qualified: [Bool], qualifies: [Int?], buffers: inout PoolingBuffers) {
        func decidesAlone(_ position: Int) -> Bool { qualified[position] || qualifies[position] != nil }
        buffers.pooled.removeAll(keepingCapacity: true)
        buffers.pooled.reserveCapacity(scores.count)
        for pool in buffers.pools.indices { buffers.pools[pool] = (nil, nil) }
        scores.withUnsafeBufferPointer { scores in
            func scoresOf(_ position: Int) -> UnsafeBufferPointer<Double> {
                UnsafeBufferPointer(rebasing: scores[starts[position]..<starts[position + 1]])
            }
            // Each pool's sums, end to end. Mentions share a pool only when they have as many
            // candidates, so the sums line up.
            for position in pools.indices where !decidesAlone(position) {
                let pool = pools[position], own = scoresOf(position)
                if let range = buffers.pools[pool].pooledRange {
                    for candidate in own.indices where candidate < range.count {
                        buffers.pooled[range.lowerBound + candidate] += own[candidate]
                    }
                } else {
                    buffers.pools[pool].pooledRange = buffers.pooled.count..<(buffers.pooled.count + own.count)
                    buffers.pooled.append(contentsOf: own)
                }
            }
            // Every mention of a pool gets the pool's choice: worked out once.
            for position in pools.indices {
                if decidesAlone(position) {
                    choice[position] = Self.best(scoresOf(position))
                    continue
                }
                let pool = pools[position]
                if let known = buffers.pools[pool].decided {
                    choice[position] = known
                    continue
                }
                let best = buffers.pools[pool].pooledRange.map { range in
                    buffers.pooled.withUnsafeBufferPointer { Self.best(UnsafeBufferPointer(rebasing: $0[range])) }
                } ?? Self.best(scoresOf(position))
                buffers.pools[pool].decided = best
                choice[position] = best
            }
        }
    }

    /// Gathers into `context` what the places `choice` gives say about the document.
    private func gatherContext(_ context: inout ResolverFeatures.Context, mentions: [Mention], names: EvidenceNames,
                               candidates: DocumentCandidates, choice: [(Int, Double)]) {
        context.evidence.gather(names: names, candidates: candidates, choice: choice, weights: weights)
        var datelineCountry: UInt16 = 0
        var datelineAdmin1 = -1
        if let dateline = mentions.indices.first(where: { mentions[$0].cues.contains(.dateline) }), choice[dateline].0 >= 0 {
            var fact = candidates[dateline, choice[dateline].0]
            if let qualifier = mentions[dateline].qualifier, choice[qualifier].0 >= 0, fact.kind == .country {
                fact = candidates[qualifier, choice[qualifier].0]
            }
            datelineCountry = fact.country
            datelineAdmin1 = fact.kind == .country ? -1 : fact.admin1
        }
        context.datelineCountry = datelineCountry
        context.datelineAdmin1 = datelineAdmin1
        context.dominantCountry = context.evidence.dominantCountry
    }

    /// The most prominent of the readings of `facts` (``appendReadings(of:unitWordAfter:to:)``;
    /// the first of equals), found without building the readings; nil when there is none.
    ///
    /// The candidates are read in place, by index, so that the loop and the rule's look-ups do
    /// not retain and release the array: the recogniser asks this of every mention.
    static func mostProminentReading(of facts: [CandidateFacts], unitWordAfter: Bool) -> CandidateFacts? {
        facts.withUnsafeBufferPointer { facts in
            let rule = ReadingRule(facts, unitWordAfter: unitWordAfter)
            var best = -1
            for index in facts.indices where rule.keeps(facts[index], among: facts) {
                if best >= 0 && !(facts[best].prior < facts[index].prior) { continue }
                best = index
            }
            return best >= 0 ? facts[best] : nil
        }
    }

    /// Appends to `readings` the candidates of `facts` a reader would still consider. A unit
    /// word after the name ("the Donetsk region", "Kherson oblast") leaves only the
    /// administrative units, when there are any. Without one, a first-level unit named like its
    /// own seat gives way to the seat: "Mykolaiv" and "Istanbul" name the cities, "Mykolaiv
    /// Oblast" (another name) the unit.
    static func appendReadings(of facts: [CandidateFacts], unitWordAfter: Bool, to readings: inout [CandidateFacts]) {
        facts.withUnsafeBufferPointer { facts in
            let rule = ReadingRule(facts, unitWordAfter: unitWordAfter)
            if rule == .all {
                readings.append(contentsOf: facts)
            } else {
                for fact in facts where rule.keeps(fact, among: facts) { readings.append(fact) }
            }
        }
    }

    /// Whether ``appendReadings(of:unitWordAfter:to:)`` keeps every candidate of `facts`.
    static func keepsAllReadings(of facts: UnsafeBufferPointer<CandidateFacts>, unitWordAfter: Bool) -> Bool {
        ReadingRule(facts, unitWordAfter: unitWordAfter) == .all
    }

    /// Which of a mention's candidates ``appendReadings(of:unitWordAfter:to:)`` keeps.
    private enum ReadingRule {
        case all
        /// Only the administrative units.
        case units
        /// All but the first-level units that have their seat among the candidates.
        case seatsOverUnits

        init(_ facts: some Collection<CandidateFacts>, unitWordAfter: Bool) {
            if unitWordAfter {
                self = facts.contains(where: Self.isUnit) ? .units : .all
            } else {
                self = facts.contains(where: \.isSeat) ? .seatsOverUnits : .all
            }
        }

        private static func isUnit(_ fact: CandidateFacts) -> Bool { fact.kind == .admin1 || fact.kind == .admin2 }

        func keeps(_ fact: CandidateFacts, among facts: UnsafeBufferPointer<CandidateFacts>) -> Bool {
            switch self {
            case .all: true
            case .units: Self.isUnit(fact)
            case .seatsOverUnits: !(fact.kind == .admin1 && facts.contains { $0.isSeat && $0.admin1 == fact.place })
            }
        }
    }

    /// Mentions whose name and number of candidates are the same share one sense: each mention's
    /// pool, numbered in order of first appearance.
    ///
    /// Most names come with one number of candidates, so each name's first pool is kept by the
    /// name's number; only the pools of further counts go through a table.
    private static func poolIDs(_ names: EvidenceNames, _ candidates: DocumentCandidates) -> [Int] {
        // Per name, the candidate count and number of its first pool, or (-1, -1).
        var firstPools = [(count: Int, pool: Int)](filling: (-1, -1), count: names.count)
        var furtherPools = IntKeyedTable<Int>()
        var next = 0
        return (0..<candidates.mentionCount).map { position in
            let name = names.ofMention[position], count = candidates.range(of: position).count
            let first = firstPools[name]
            if first.pool < 0 {
                firstPools[name] = (count, next)
            } else if first.count == count {
                return first.pool
            } else if let known = furtherPools.insertIfAbsent(next, for: name << 32 | count) {
                // Fewer than 2^32 candidates, so the name's number and the count share one key.
                return known
            }
            next += 1
            return next - 1
        }
    }

    /// The index of the highest score and the share of belief it holds.
    static func best<Scores: RandomAccessCollection<Double>>(_ scores: Scores) -> (Int, Double) where Scores.Index == Int {
        // An only candidate holds all the belief, capped as ``confidence(_:chosen:)`` caps it
        // (exp(0) / exp(0) is exactly 1, whatever the score), without the exponentials: about
        // half of all mentions name one place only.
        if scores.count == 1 { return (scores.startIndex, maximumConfidence) }
        guard let top = scores.indices.max(by: { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }) else {
            return (-1, 0)
        }
        return (top, confidence(scores, chosen: top))
    }

    /// The most confidence a choice is given: the gazetteer and the text can both be wrong.
    static let maximumConfidence = 0.99

    /// Softmax probability of candidate `chosen`, at most ``maximumConfidence``.
    static func confidence<Scores: RandomAccessCollection<Double>>(_ scores: Scores, chosen: Int) -> Double
    where Scores.Index == Int {
        guard scores.indices.contains(chosen) else { return 0 }
        let top = scores.max() ?? 0
        let total = scores.reduce(0) { $0 + exp($1 - top) }
        return min(maximumConfidence, exp(scores[chosen] - top) / total)
    }
}
