/// Finds the names in a list closed by a plural unit word and looks each up as that unit:
/// "Barrow and Jackson counties" names Barrow County and Jackson County, "in Becker, Clay, Otter
/// Tail and Wilkin counties" four counties.
///
/// The items replace whatever the spotter made of the same words (the town of Barrow, say) and
/// are marked ``MentionCues/unitList``.
struct UnitListExpander {
    let view: TokenView

    /// Plural unit words (all eight letters long) and the singular that forms each item's name.
    static let units: [String: String] = ["counties": "county", "parishes": "parish", "boroughs": "borough"]
    /// The first letters of the unit words, to pass over other words without building their text.
    private static let unitInitials: [UInt8] = Array("cpb".utf8)

    /// Replaces in `mentions` the words of every unit list with the list's items, keeping text order.
    func expand(_ mentions: inout [Mention]) {
        let tokens = view.tokens
        var found: [Mention] = []
        Self.forEachUnitWordCandidate(tokens) { position in
            let initial = view.firstByte(position)
            guard initial >= 0x80 || Self.unitInitials.contains(initial),
                  let unit = Self.units[view.lowercased(position)] else { return }
            found.append(contentsOf: items(before: position, unit: unit))
        }
        guard !found.isEmpty else { return }
        var covered = [Bool](filling: false, count: tokens.count)
        for mention in found { for position in mention.tokenRange { covered[position] = true } }
        mentions.removeAll { mention in mention.tokenRange.contains { covered[$0] } }
        mentions.append(contentsOf: found)
        mentions.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
    }

    /// Calls `body` with the position of each lower-case word as long as the unit words, in text
    /// order. The length, which rules out most tokens, is tested first. The positions are handed
    /// over one by one rather than collected, so that no array grows per document.
    private static func forEachUnitWordCandidate(_ tokens: [Token], _ body: (Int) -> Void) {
        tokens.withUnsafeBufferPointer { tokens in
            for position in tokens.indices {
                let token = tokens[position]
                // The length of every unit word.
                if token.utf8End &- token.utf8Start == 8 && token.kind == .word && token.shape == .lower {
                    body(position)
                }
            }
        }
    }

    /// The list items that end right before token `position`, last first, looked up as `unit`.
    private func items(before position: Int, unit: String) -> [Mention] {
        let tokens = view.tokens
        var result: [Mention] = []
        var end = position  // exclusive end of the current item
        while end > 0 {
            var start = end
            while start > 0, tokens[start - 1].kind == .word, tokens[start - 1].startsUppercase,
                  tokens[start - 1].sentence == tokens[position].sentence, end - start < 4 {
                start -= 1
            }
            guard start < end, let mention = lookup(start..<end, unit: unit) else { break }
            result.append(mention)
            // Skip the separator: ",", "and", "or", ", and".
            var next = start
            var separated = false
            while next > 0, view.isPunctuation(next - 1, ascii: ",")
                    || (tokens[next - 1].kind == .word && (view.isLowercased(next - 1, "and") || view.isLowercased(next - 1, "or"))) {
                next -= 1
                separated = true
            }
            guard separated else { break }
            end = next
        }
        return result
    }

    private func lookup(_ range: Range<Int>, unit: String) -> Mention? {
        let tokens = view.tokens
        let first = tokens[range.lowerBound], last = tokens[range.upperBound - 1]
        let text = String(view.text.text(utf8Range: first.utf8Start..<last.utf8End))
        let key = NameNormalizer.normalize(text + " " + unit)
        guard let entry = view.index.entry(forKey: key), !entry.postings.isEmpty else { return nil }
        var candidates: [MentionCandidate] = []
        var seen = Set<Int>()
        for posting in entry.postings {
            let place = view.index.postingPlace(posting)
            guard view.index.kind(of: place) == .admin2, seen.insert(place).inserted else { continue }
            candidates.append(MentionCandidate(place: place, form: .name, isPrimaryName: true, prior: view.index.prior(of: place)))
        }
        guard !candidates.isEmpty else { return nil }
        return Mention(start: first.start, end: last.end, utf8Range: first.utf8Start..<last.utf8End,
                       tokenRange: range, text: text, key: key, sentence: first.sentence,
                       candidates: candidates, cues: [.unitList])
    }
}
