/// Phrases of news English around a name that show it is a place.
enum ContextPatterns {
    /// Words before "of" that make the name after it a place: "north of Brandon", "the city of
    /// Mansfield", "the outskirts of Kyiv".
    static let placeHeadsOfOf: Set<String> = [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "city", "town",
        "village", "county", "state", "province", "region", "capital", "suburb", "suburbs", "outskirts",
        "residents", "mayor", "people", "center", "centre", "heart", "part", "parts", "streets", "edge",
        "west", "township", "borough", "district", "port", "area", "hamlet", "community", "citizens",
        "governor", "outside", "coast", "shores", "islands", "island", "republic", "kingdom", "miles", "km",
        "kilometres", "kilometers", "downtown", "neighborhood", "neighbourhood",
    ]

    /// Party labels in "R-Marshall", "DFL-Cook": a legislator's party and home town.
    static let partyLabels: Set<String> = ["R", "D", "I", "DFL", "GOP", "Ind"]

    /// "Sen. Tom Bakk, DFL-Cook" or "(R-Texas)": the name follows a party label and a hyphen.
    static func isPartyHometown(_ position: Int, _ view: TokenView) -> Bool {
        guard position >= 2, view.isPunctuation(position - 1, ascii: "-"), view.tokens[position - 2].kind == .word,
              !view.tokens[position].followsSpace, !view.tokens[position - 1].followsSpace else { return false }
        return partyLabels.contains(String(view.text.text(of: view.tokens[position - 2])))
    }

    /// Words joined by a hyphen after a place name that make a compound about the place:
    /// "Philadelphia-based", "Texas-born", "Kyiv-bound".
    static let placeCompoundWords: Set<String> = [
        "based", "born", "bound", "area", "headquartered", "raised", "made", "registered", "flagged", "led",
        "backed", "held", "controlled", "occupied", "owned", "run", "style",
    ]

    /// "Philadelphia-based", "Russian-held": the name is the first part of such a compound.
    static func isPlaceCompound(after last: Int, _ view: TokenView) -> Bool {
        guard view.isPunctuation(last + 1, ascii: "-"), last + 2 < view.tokens.count,
              view.tokens[last + 2].kind == .word, !view.tokens[last + 2].followsSpace else { return false }
        return placeCompoundWords.contains(view.lowercased(last + 2))
    }

    /// "north of Brandon", "the city of Mansfield": "of" after a word that heads a place.
    static func isLocativeOf(_ position: Int, _ view: TokenView) -> Bool {
        guard let of = view.adjacentWord(before: position), view.isLowercased(of, "of"),
              let head = view.adjacentWord(before: of) else { return false }
        return placeHeadsOfOf.contains(view.lowercased(head))
    }

    /// "Steven Sachs of Alexandria", "Christopher Bowers, 19, of Martinez": a person's home town.
    static func isHometownOf(_ position: Int, _ view: TokenView) -> Bool {
        guard let of = view.adjacentWord(before: position), view.isLowercased(of, "of") else { return false }
        let before = of - 1
        guard before >= 0 else { return false }
        let token = view.tokens[before]
        if token.kind == .word && token.startsUppercase && !token.isSentenceStart { return true }
        // "..., 19, of Martinez"
        return view.isPunctuation(before, ascii: ",") && before >= 1 && view.tokens[before - 1].kind == .number
    }

    /// Whether mention `next` continues a list that mention `previous` belongs to: only ", ",
    /// "and", "or" and ", and" lie between them, in the same sentence. The mentions are read in
    /// place rather than copied.
    static func isListContinuation(from previous: Int, to next: Int, in mentions: [Mention], _ view: TokenView) -> Bool {
        guard mentions[previous].sentence == mentions[next].sentence else { return false }
        let between = mentions[previous].tokenRange.upperBound..<mentions[next].tokenRange.lowerBound
        guard !between.isEmpty, between.count <= 2 else { return false }
        for position in between {
            if view.isPunctuation(position, ascii: ",") { continue }
            if view.tokens[position].kind == .word && (view.isLowercased(position, "and") || view.isLowercased(position, "or")) {
                continue
            }
            return false
        }
        return true
    }
}
