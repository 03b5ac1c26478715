/// Words that, followed by a period, do not end a sentence: titles, months, company
/// suffixes and the AP abbreviations of US states. Initials chains (`U.S.`, `N.Y.`,
/// `e.g.`) are single tokens and never end a sentence either; neither does a single
/// capital letter followed by a period (`John F. Kennedy`).
enum Abbreviations {
    /// The abbreviations, without their period; matched case-sensitively.
    static let words: Set<String> = [
        // Titles and ranks.
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Gen", "Gov", "Sen", "Rep", "Col", "Lt",
        "Sgt", "Capt", "Maj", "Adm", "Cmdr", "Pres", "Jr", "Sr",
        // Places in names.
        "St", "Mt", "Ft", "Pt", "Ave", "Blvd",
        // Months.
        "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
        // Companies and others.
        "Inc", "Co", "Corp", "Ltd", "vs", "No",
        // US states, AP style.
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
        "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
        "Okla", "Ore", "Pa", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wyo",
    ]

    /// ``words`` packed by ``packed(_:)``, sorted: a word is found without building a string.
    private static let packedWords: [UInt64] = words.map { word in
        Array(word.utf8).withUnsafeBufferPointer { packed($0) }
    }.sorted()

    /// Up to seven bytes in one integer, first byte highest, the length in the lowest byte, so
    /// that different byte strings give different integers.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for byte in bytes { value = value << 8 | UInt64(byte) }
        return value << 8 | UInt64(bytes.count)
    }

    /// Whether the UTF-8 bytes are one of ``words``.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= 5 else { return false }
        let word = UnsafeBufferPointer(rebasing: bytes[range])
        guard word.allSatisfy({ $0 < 0x80 }) else {
            // Unicode equality, as for any string: the Kelvin sign "K" spells "K".
            return words.contains(String(decoding: word, as: UTF8.self))
        }
        let key = packed(word)
        var low = 0, high = packedWords.count
        while low < high {
            let middle = (low + high) / 2
            if packedWords[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < packedWords.count && packedWords[low] == key
    }
}
