/// The normalised names of one document's mentions, numbered in order of first appearance.
///
/// The recogniser keeps several tallies per name (how often it recurs, whether it is used for a
/// person, which sure places it names). With the names numbered once, those tallies are arrays
/// indexed by number rather than dictionaries that hash the name again for every lookup.
struct MentionKeys {
    /// The number of each mention's key, in mention order.
    let ids: [Int]
    /// How many distinct keys the mentions have; every number lies in `0..<count`.
    let count: Int

    init(_ mentions: [Mention]) {
        self.init(keys: mentions.lazy.map(\.key), count: mentions.count)
    }

    /// Numbers `keys`, of which there are about `count`.
    init(keys: some Sequence<String>, count: Int) {
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(count)
        var ids: [Int] = []
        ids.reserveCapacity(count)
        for key in keys {
            let next = numbers.count
            let id = numbers[key, default: next]
            if id == next { numbers[key] = next }
            ids.append(id)
        }
        self.ids = ids
        self.count = numbers.count
    }
}
