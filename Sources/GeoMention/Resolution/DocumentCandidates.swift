/// The candidates the resolver weighs for each mention of a document, end to end in one array:
/// one allocation for the document rather than one or two per mention.
///
/// Mention `position`'s candidates are `facts[range(of: position)]`, in the order of
/// ``Mention/candidates``; the scores of a round are laid out the same way.
struct DocumentCandidates {
    private(set) var facts: [CandidateFacts] = []
    /// Where each mention's candidates start in ``facts``, and where the last end.
    private(set) var starts: [Int] = [0]

    /// Every mention's readings (``PlaceResolver/appendReadings(of:unitWordAfter:to:)``) of at most
    /// `maximumCandidates` candidates.
    init(_ mentions: [Mention], index: GazetteerIndex, maximumCandidates: Int) {
        // Each mention is read in place through a pointer and its candidates by index, so that
        // neither the mention nor its candidate list is retained and released. Each mention's
        // candidates are appended in place; most keep them all.
        mentions.withUnsafeBufferPointer { mentions in
            var total = 0
            for position in mentions.indices {
                total += min(mentions[position].candidates.count, maximumCandidates)
            }
            facts.reserveCapacity(total)
            starts.reserveCapacity(mentions.count + 1)
            // The few mentions that drop some readings have their candidates copied out here first.
            var candidates: [CandidateFacts] = []
            for position in mentions.indices {
                appendReadings(of: mentions.baseAddress! + position, index: index, maximumCandidates: maximumCandidates,
                               copies: &candidates)
            }
        }
    }

    /// Appends the readings of the mention `mention` points to (at most `maximumCandidates` of
    /// its candidates) to ``facts`` and marks where they end; `copies` is storage for the few
    /// mentions that drop some readings.
    private mutating func appendReadings(of mention: UnsafePointer<Mention>, index: GazetteerIndex,
                                         maximumCandidates: Int, copies candidates: inout [CandidateFacts]) {
        let start = facts.count
        let count = min(mention.pointee.candidates.count, maximumCandidates)
        var candidate = 0
        while candidate < count {
            facts.append(CandidateFacts(mention.pointee.candidates[candidate], index: index))
            candidate += 1
        }
        let unitWordAfter = mention.pointee.cues.contains(.unitWordAfter)
        let keepsAll = facts.withUnsafeBufferPointer {
            PlaceResolver.keepsAllReadings(of: UnsafeBufferPointer(rebasing: $0[start...]), unitWordAfter: unitWordAfter)
        }
        if !keepsAll {
            candidates.removeAll(keepingCapacity: true)
            candidates.append(contentsOf: facts[start...])
            facts.removeLast(facts.count - start)
            PlaceResolver.appendReadings(of: candidates, unitWordAfter: unitWordAfter, to: &facts)
        }
        starts.append(facts.count)
    }

    var mentionCount: Int { starts.count - 1 }

    /// Where mention `position`'s candidates lie in ``facts``.
    @inline(__always)
    func range(of position: Int) -> Range<Int> { starts[position]..<starts[position + 1] }

    /// Whether mentions `first` and `second` have the same candidates, in the same order.
    func haveSameCandidates(_ first: Int, _ second: Int) -> Bool {
        let firstRange = range(of: first), secondRange = range(of: second)
        guard firstRange.count == secondRange.count else { return false }
        return facts.withUnsafeBufferPointer { facts in
            zip(facts[firstRange], facts[secondRange]).allSatisfy { $0.isSameCandidate(as: $1) }
        }
    }

    /// Candidate `candidate` of mention `position`.
    @inline(__always)
    subscript(position: Int, candidate: Int) -> CandidateFacts { facts[starts[position] + candidate] }

    /// An explicit qualifier leaves only the candidates it contains ("Paris, Texas"): each
    /// mention in turn keeps the candidates that lie within one of its qualifier's (as narrowed so
    /// far), unless none does.
    /// - Returns: per mention, whether its qualifier narrowed it.
    mutating func narrowToQualifiers(of mentions: [Mention]) -> [Bool] {
        var qualified = [Bool](filling: false, count: mentions.count)
        guard mentions.contains(where: { $0.qualifier != nil }) else { return qualified }
        // Compacted in place, mention by mention: a mention's candidates only ever move towards
        // the front, and never over those of a later mention before they are read, so a
        // qualifier before the mention is read narrowed and one after it as it was.
        var write = 0, readStart = 0
        for position in mentions.indices {
            // starts[position] is already the compacted start; starts[position + 1] is still the
            // old end, as are the bounds of every later mention.
            let range = readStart..<starts[position + 1]
            let qualifier = mentions[position].qualifier
            // A mention named as its own qualifier is read from a copy, as its candidates move.
            let own = qualifier == position ? Array(facts[range]) : nil
            func isMatch(_ index: Int) -> Bool {
                let fact = facts[index]
                if let own { return own.contains { fact.isWithin($0) } }
                guard let qualifier else { return false }
                return self.range(of: qualifier).contains { fact.isWithin(facts[$0]) }
            }
            let narrows = qualifier != nil && range.contains(where: isMatch)
            for index in range where !narrows || isMatch(index) {
                facts[write] = facts[index]
                write += 1
            }
            readStart = range.upperBound
            starts[position + 1] = write
            qualified[position] = narrows
        }
        facts.removeLast(facts.count - write)
        return qualified
    }

    /// Whether a qualifier's reading `outer` holds a qualified mention's reading `inner`: a unit
    /// that contains it, or a city whose districts it may be ("Queens, New York" is New York
    /// City as much as the state).
    private static func holds(_ outer: CandidateFacts, _ inner: CandidateFacts) -> Bool {
        if outer.kind == .city {
            return inner.kind == .city && inner.place != outer.place
                && !GreatCircle.latitudesSeparate(inner.latitude, outer.latitude, byMoreThan: cityDistrictKilometres)
                && GreatCircle.distance(inner.point, outer.point) <= cityDistrictKilometres
        }
        return inner.isWithin(outer)
    }

    /// How far from a city's point a place may lie and still be one of its districts.
    private static let cityDistrictKilometres = 25.0

    /// A qualifier reads as the unit that holds the mention it qualifies: "Washington" in
    /// "Tacoma, Washington" is the state, not the capital, once "Tacoma" has been narrowed to the
    /// Tacoma in Washington state. Run after ``narrowToQualifiers(of:)``, whose result is
    /// `narrowed`: each mention that qualifies one or more narrowed mentions keeps the candidates
    /// that hold one of theirs, unless none or all of its candidates do.
    ///
    /// Nearly every document has a dateline qualified by its country, and the country holds all
    /// of its own places; so every qualifier is weighed first, against the candidates as they
    /// are, and the candidates are compacted in place only when one of them drops some.
    /// - Returns: per mention, the first mention it qualifies when that narrowed it, or nil.
    mutating func narrowQualifiersToTheirMentions(_ mentions: [Mention], narrowed: [Bool]) -> [Int?] {
        var qualifies = [Int?](filling: nil, count: mentions.count)
        // Each narrowed mention with the qualifier it narrows to, ordered by qualifier and then
        // by mention: mentions are visited in order, and the sort keeps equal qualifiers in it.
        var heads: [(qualifier: Int, head: Int)] = []
        for position in mentions.indices where narrowed[position] {
            guard let qualifier = mentions[position].qualifier, qualifier != position else { continue }
            heads.append((qualifier, position))
        }
        guard !heads.isEmpty else { return qualifies }
        if heads.count > 1 { heads.sort { ($0.qualifier, $0.head) < ($1.qualifier, $1.head) } }
        // The candidates each narrowing qualifier keeps, end to end, by index into ``facts``.
        var holding: [Int] = []
        // Per narrowing qualifier, in mention order: where its kept candidates lie in `holding`.
        var narrowing: [(qualifier: Int, kept: Range<Int>)] = []
        var group = heads.startIndex
        while group < heads.endIndex {
            let qualifier = heads[group].qualifier
            var end = group + 1
            while end < heads.endIndex && heads[end].qualifier == qualifier { end += 1 }
            let qualifiedMentions = heads[group..<end]
            let range = range(of: qualifier), first = holding.count
            for outer in range where qualifiedMentions.contains(where: { head in
                self.range(of: head.head).contains { Self.holds(facts[outer], facts[$0]) }
            }) {
                holding.append(outer)
            }
            let count = holding.count - first
            if count == 0 || count == range.count {
                holding.removeLast(count)
            } else {
                narrowing.append((qualifier, first..<holding.count))
                qualifies[qualifier] = qualifiedMentions.first!.head
            }
            group = end
        }
        guard !narrowing.isEmpty else { return qualifies }
        // Compacted in place: kept candidates only ever move towards the front, past those
        // already written, and every choice above was made on the candidates as they were.
        var write = 0, readStart = 0, next = 0
        for position in 0..<mentionCount {
            let readEnd = starts[position + 1]
            if next < narrowing.count && narrowing[next].qualifier == position {
                for index in holding[narrowing[next].kept] {
                    facts[write] = facts[index]
                    write += 1
                }
                next += 1
            } else {
                for index in readStart..<readEnd {
                    facts[write] = facts[index]
                    write += 1
                }
            }
            readStart = readEnd
            starts[position + 1] = write
        }
        facts.removeLast(facts.count - write)
        return qualifies
    }
}
