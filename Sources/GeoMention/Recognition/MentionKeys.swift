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
        // Each key is read in place: going through a copy of its mention would copy (and
        // release) the candidate list and texts too.
        self.init(count: mentions.count) { mentions[$0].key }
    }

    /// Numbers the `count` keys that `key` gives by position. Keys are told apart by their UTF-8
    /// bytes, in a ``ByteWordTable`` rather than hashed with the standard library's seeded hasher.
    init(count: Int, key: (Int) -> String) {
        var numbers = ByteWordTable<Void>(expectedCount: count)
        var ids: [Int] = []
        ids.reserveCapacity(count)
        for position in 0..<count {
            var text = key(position)
            ids.append(text.withUTF8 { numbers.insert($0, hash: ByteWordTable<Void>.hash($0)) {} })
        }
        self.ids = ids
        self.count = numbers.count
    }
}
