/// ACLED-style geographic precision of a located mention.
///
/// 1: a particular town or city; 2: near a town ("near X", "outside X", "north of X",
/// "the outskirts of X") or a small part of a region (a second-level unit); 3: a first-level
/// region, a larger region or a physical feature; 4: a whole country (beyond ACLED's three
/// codes, for country mentions).
public enum GeoPrecision {
    /// The code for a place of `kind`, written `near` another place or not.
    public static func code(kind: PlaceKind, near: Bool) -> Int {
        switch kind {
        case .city: return near ? 2 : 1
        case .admin2: return 2
        case .admin1, .region, .physical: return 3
        case .country: return 4
        }
    }
}
