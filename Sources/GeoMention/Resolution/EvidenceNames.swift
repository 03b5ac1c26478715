/// The names under which a document's mentions count as evidence (``Mention/evidenceKey``),
/// numbered in order of first appearance.
struct EvidenceNames {
    /// Per mention, the number of its name.
    let ofMention: [Int]
    /// Number of distinct names.
    let count: Int

    init(_ mentions: [Mention]) {
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(mentions.count)
        ofMention = mentions.map { mention in
            let key = mention.evidenceKey
            if let known = numbers[key] { return known }
            numbers[key] = numbers.count
            return numbers.count - 1
        }
        count = numbers.count
    }
}
