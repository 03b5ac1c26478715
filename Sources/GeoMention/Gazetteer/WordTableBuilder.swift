import Foundation

/// Reads the word facts of the binary index from `words/english.tsv`, `words/given-names.tsv`
/// and `words/surnames.tsv` (see `Gazetteer/FORMAT.md`). Missing files leave the table empty.
/// ``KeyTableBuilder`` stores them in the key table beside the name keys.
struct WordTableBuilder {
    static let sourceFiles = ["words/english.tsv", "words/given-names.tsv", "words/surnames.tsv"]

    /// What the lists say about one lower-case word, in the index's fixed-point units.
    struct Entry {
        var zipf: UInt8 = 0
        var flags: UInt8 = 0
        var given: UInt16 = 0
        var surname: UInt16 = 0

        mutating func merge(_ other: Self) {
            zipf = max(zipf, other.zipf)
            flags |= other.flags
            given = max(given, other.given)
            surname = max(surname, other.surname)
        }
    }

    let directory: String

    /// Every listed word, lower-cased, with what the lists say about it.
    func entries() throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        let english = directory + "/" + Self.sourceFiles[0]
        if FileManager.default.fileExists(atPath: english) {
            let table = try TSVFile(path: english)
            let word = try table.column("word"), zipf = try table.column("zipf"), kind = try table.column("dictionary")
            try table.forEachRow { row, _ in
                var entry = Entry()
                entry.zipf = UInt8(clamping: Int(((row.double(zipf) ?? 0) * 10).rounded()))
                switch row.string(kind) {
                case "lower": entry.flags |= WordInfo.Flag.lower
                case "proper": entry.flags |= WordInfo.Flag.proper
                default: break
                }
                entries[row.string(word), default: Entry()].merge(entry)
            }
        }
        for (index, scale) in [(1, 10_000.0), (2, 10_000.0)] {
            let path = directory + "/" + Self.sourceFiles[index]
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let table = try TSVFile(path: path)
            let name = try table.column("name"), percent = try table.column("percent")
            try table.forEachRow { row, _ in
                let value = UInt16(clamping: Int(((row.double(percent) ?? 0) * scale).rounded()))
                var entry = Entry()
                if index == 1 { entry.given = value } else { entry.surname = value }
                entries[row.string(name).lowercased(), default: Entry()].merge(entry)
            }
        }
        return entries
    }
}
