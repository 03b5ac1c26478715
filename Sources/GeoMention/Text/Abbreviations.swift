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

    /// Whether the UTF-8 bytes are one of ``words``.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= 5 else { return false }
        return words.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }
}
