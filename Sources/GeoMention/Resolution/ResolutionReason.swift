/// Says in a few words what decided a resolution: "dateline; qualified by Texas; in Ohio, named
/// in the text".
struct ResolutionReason {
    let index: GazetteerIndex

    /// `closeness` is the candidate's closeness feature in `context`, as the last round weighed it.
    func text(for fact: CandidateFacts, mention: Mention, position: Int, qualifier: String?, qualified: Bool,
              closeness: Double,
              candidates: Int, context: ResolverFeatures.Context) -> String {
        // The parts are appended to one string, "; " between them.
        var text = ""
        text.reserveCapacity(96)
        func startPart() { if !text.isEmpty { text += "; " } }
        if mention.cues.contains(.dateline) { startPart(); text += "dateline" }
        if qualified, let qualifier { startPart(); text += "qualified by "; text += qualifier }
        if mention.cues.contains(.unitWordAfter) && (fact.kind == .admin1 || fact.kind == .admin2) {
            startPart(); text += "named as a region"
        }
        if fact.kind != .country && context.evidence.countryWeight(fact.country, excluding: position) >= 1,
           let name = index.countryName(forKey: fact.country) {
            startPart(); text += "in "; text += name; text += ", named in the text"
        }
        if fact.admin1 >= 0 && fact.kind != .admin1 && context.evidence.admin1Weight(fact.admin1, excluding: position) >= 0.5 {
            startPart(); text += "in "; text += index.name(of: fact.admin1); text += ", named in the text"
        }
        if (fact.kind == .city || fact.kind == .admin2)
            && closeness >= 0.5 {
            startPart(); text += "near other places in the text"
        }
        if text.isEmpty {
            if candidates == 1 {
                text = "only place of this name"
            } else {
                text += "most prominent of "; text += String(candidates); text += " places of this name"
            }
        }
        return text
    }
}
