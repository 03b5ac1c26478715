/// Links each mention to the mention that qualifies it, and marks datelines.
///
/// A qualifier follows its place after a comma in the same sentence and names a larger unit that
/// can contain it: "Paris, Texas", "Springfield, Ill.", "Rivne, Ukraine". A dateline is a name in
/// capitals that opens a paragraph and is followed by a comma, a dash or a parenthesis:
/// "LVIV, Ukraine —", "PARIS, Texas (AP) —"; its qualifier is linked the same way.
struct QualifierLinker {
    let view: TokenView

    /// The marks after a name in capitals that make it a dateline.
    private static let datelineMarks = [",", "—", "–", "-", "(", "--", ":"]

    func link(_ mentions: inout [Mention]) {
        let tokens = view.tokens
        // Mentions are read in place, field by field: a copy of one would cost a retain and a
        // release of each of its strings and of its candidates.
        for position in mentions.indices {
            let tokenRange = mentions[position].tokenRange
            let last = tokenRange.upperBound - 1
            if position + 1 < mentions.count {
                if mentions[position + 1].tokenRange.lowerBound == last + 2, view.isPunctuation(last + 1, ascii: ","),
                   mentions[position + 1].sentence == mentions[position].sentence,
                   canContain(mentions[position + 1].candidates, mentions[position].candidates),
                   !isListItem(at: position, in: mentions) {
                    mentions[position].qualifier = position + 1
                    mentions[position + 1].cues.insert(.isQualifier)
                }
            }
            guard mentions[position].cues.contains(.capitalsContext) else { continue }
            let capitals = tokenRange.allSatisfy { tokens[$0].kind != .word || tokens[$0].shape == .allCaps }
            if capitals, view.isPunctuation(last + 1, oneOf: Self.datelineMarks) {
                mentions[position].cues.insert(.dateline)
            }
        }
    }

    /// Re-links qualifiers after some mentions were dropped: a qualifier index must point at the
    /// same mention in the shorter list, or be cleared when that mention is gone.
    static func relink(_ mentions: inout [Mention]) {
        for position in mentions.indices {
            guard mentions[position].qualifier != nil else { continue }
            let next = position + 1
            if next < mentions.count, mentions[next].cues.contains(.isQualifier),
               mentions[next].sentence == mentions[position].sentence,
               mentions[next].tokenRange.lowerBound <= mentions[position].tokenRange.upperBound + 1 {
                mentions[position].qualifier = next
            } else {
                mentions[position].qualifier = nil
            }
        }
    }

    /// Whether the mention at `position` and the one after it belong to a list of places
    /// ("Lviv, Kharkiv and Odesa", "Ukraine, Lviv and Kharkiv") rather than a place and its
    /// qualifier: a list goes on after the second name with "and", "or" or another comma and
    /// name, or had a comma-joined name before the first.
    private func isListItem(at position: Int, in mentions: [Mention]) -> Bool {
        // A name read first as a state or country qualifies even inside a list:
        // "Paris, Texas, and Springfield, Ill.".
        guard !readsAsUnit(mentions[position + 1].candidates,
                           unitWordAfter: mentions[position + 1].cues.contains(.unitWordAfter)) else { return false }
        let after = mentions[position + 1].tokenRange.upperBound
        if position + 2 < mentions.count, mentions[position + 2].sentence == mentions[position + 1].sentence {
            let third = mentions[position + 2].tokenRange.lowerBound
            let gap = after..<third
            if !gap.isEmpty, gap.count <= 2, gap.allSatisfy({ view.isPunctuation($0, ascii: ",")
                || (view.tokens[$0].kind == .word && (view.isLowercased($0, "and") || view.isLowercased($0, "or"))) }) {
                return true
            }
        }
        if position > 0 {
            let first = mentions[position].tokenRange.lowerBound
            if mentions[position - 1].sentence == mentions[position].sentence,
               mentions[position - 1].tokenRange.upperBound == first - 1,
               view.isPunctuation(first - 1, ascii: ","), mentions[position - 1].qualifier == nil {
                return true
            }
        }
        return false
    }

    /// Whether the most likely reading of a mention with `candidates` is a country, first-level
    /// unit or region, once units named like their own seat have given way to the seat ("Kharkiv"
    /// reads as the city).
    private func readsAsUnit(_ candidates: [MentionCandidate], unitWordAfter: Bool) -> Bool {
        let facts = candidates.prefix(40).map { CandidateFacts($0, index: view.index) }
        guard let top = PlaceResolver.mostProminentReading(of: facts, unitWordAfter: unitWordAfter) else { return false }
        return top.kind == .country || top.kind == .admin1 || top.kind == .region
    }

    /// Whether a mention with the candidates `outer` may name a unit that contains one with the
    /// candidates `inner`: a country, a first- or second-level unit, or a region, among whose
    /// candidates one is larger than some candidate of `inner`.
    private func canContain(_ outer: [MentionCandidate], _ inner: [MentionCandidate]) -> Bool {
        let index = view.index
        let rank: (PlaceKind) -> Int = { kind in
            switch kind {
            case .country: 4
            case .region: 3
            case .admin1: 3
            case .admin2: 2
            case .city, .physical: 1
            }
        }
        // Each place's kind is a read from the gazetteer: the scans stop once the rank can go no
        // higher or lower.
        var outerBest = 0
        for candidate in outer where outerBest < 4 { outerBest = max(outerBest, rank(index.kind(of: candidate.place))) }
        guard outerBest >= 2 else { return false }
        var innerLeast = 4
        for candidate in inner where innerLeast > 1 { innerLeast = min(innerLeast, rank(index.kind(of: candidate.place))) }
        return outerBest > innerLeast
    }
}
