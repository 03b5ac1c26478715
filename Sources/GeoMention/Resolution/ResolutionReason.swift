/// Says in a few words what decided a resolution: "dateline; qualified by Texas; in Ohio, named
/// in the text".
struct ResolutionReason {
    let index: GazetteerIndex

    func text(for fact: CandidateFacts, mention: Mention, position: Int, qualifier: String?, qualified: Bool,
              candidates: Int, context: ResolverFeatures.Context) -> String {
        var parts: [String] = []
        if mention.cues.contains(.dateline) { parts.append("dateline") }
        if qualified, let qualifier { parts.append("qualified by \(qualifier)") }
        if mention.cues.contains(.unitWordAfter) && (fact.kind == .admin1 || fact.kind == .admin2) {
            parts.append("named as a region")
        }
        if fact.kind != .country && context.evidence.countryWeight(fact.country, excluding: position) >= 1,
           let name = index.countries[Self.code(fact.country)]?.name {
            parts.append("in \(name), named in the text")
        }
        if fact.admin1 >= 0 && fact.kind != .admin1 && context.evidence.admin1Weight(fact.admin1, excluding: position) >= 0.5 {
            parts.append("in \(index.name(of: fact.admin1)), named in the text")
        }
        if (fact.kind == .city || fact.kind == .admin2)
            && context.evidence.closeness(to: fact.point, excluding: position) >= 0.5 {
            parts.append("near other places in the text")
        }
        if parts.isEmpty {
            parts.append(candidates == 1 ? "only place of this name" : "most prominent of \(candidates) places of this name")
        }
        return parts.joined(separator: "; ")
    }

    static func code(_ key: UInt16) -> String {
        withUnsafeBytes(of: key.littleEndian) { String(decoding: $0, as: UTF8.self) }
    }
}
