/// Says in a few words what decided a resolution: "dateline; qualified by Texas; in Ohio, named
/// in the text", or "qualifies Tacoma" for the state in "Tacoma, Washington".
struct ResolutionReason {
    let index: GazetteerIndex

    /// `cues` are those of the mention at `position`; `qualifier` is the text of the qualifier
    /// that narrowed its candidates, `qualifies` that of the mention it narrowed; `closeness` is the candidate's closeness
    /// feature in `context`, as the last round weighed it.
    func text(for fact: CandidateFacts, cues: MentionCues, position: Int, qualifier: String?,
              qualifies: String?, closeness: Double,
              candidates: Int, context: ResolverFeatures.Context) -> String {
        // The parts are appended to one string, "; " between them; its storage is made with the
        // first part, as most mentions have none.
        var text = ""
        func startPart() {
            if text.isEmpty { text.reserveCapacity(96) } else { text += "; " }
        }
        if cues.contains(.dateline) { startPart(); text += "dateline" }
        if let qualifier { startPart(); text += "qualified by "; text += qualifier }
        if let qualifies { startPart(); text += "qualifies "; text += qualifies }
        if cues.contains(.unitWordAfter) && (fact.kind == .admin1 || fact.kind == .admin2) {
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
        guard text.isEmpty else { return text }
        return candidates == 1 ? "only place of this name" : Self.mostProminent(of: candidates)
    }

    /// "most prominent of 7 places of this name": made once for every count up to the most
    /// candidates a mention keeps, and shared.
    private static let mostProminentTexts: [String] = (0...ResolverWeights().maximumCandidates).map {
        "most prominent of \($0) places of this name"
    }

    private static func mostProminent(of candidates: Int) -> String {
        candidates < mostProminentTexts.count
            ? mostProminentTexts[candidates] : "most prominent of \(candidates) places of this name"
    }
}
