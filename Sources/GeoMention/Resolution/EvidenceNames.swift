/// The names under which a document's mentions count as evidence (``Mention/evidenceKey``),
/// numbered in order of first appearance.
struct EvidenceNames {
    /// Per mention, the number of its name.
    let ofMention: [Int]
    /// Number of distinct names.
    let count: Int

    init(_ mentions: [Mention]) {
        // Each key is read in place; the "#unit" form is built only for the few mentions a
        // unit word follows.
        let names = MentionKeys(count: mentions.count) { mentions[$0].evidenceKey }
        ofMention = names.ids
        count = names.count
    }
}
