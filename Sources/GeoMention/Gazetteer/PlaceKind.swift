/// What sort of place a gazetteer entry is.
public enum PlaceKind: String, CaseIterable, Hashable, Sendable, Codable {
    case country
    case admin1
    case admin2
    case city
    case region
    case physical

    /// The code stored in the binary index.
    var code: UInt8 {
        switch self {
        case .country: 0
        case .admin1: 1
        case .admin2: 2
        case .city: 3
        case .region: 4
        case .physical: 5
        }
    }

    init?(code: UInt8) {
        switch code {
        case 0: self = .country
        case 1: self = .admin1
        case 2: self = .admin2
        case 3: self = .city
        case 4: self = .region
        case 5: self = .physical
        default: return nil
        }
    }
}

/// How a name refers to its place.
public enum NameForm: String, CaseIterable, Hashable, Sendable, Codable {
    /// The place's name or one of its alternate names: "Kyiv", "Kiev".
    case name
    /// A short form: "U.S.", "UK", "Ill.", "DRC".
    case abbreviation
    /// A demonym or adjectival: "Russian", "Ukrainians", "Kurdish".
    case demonym

    var code: UInt8 {
        switch self {
        case .name: 0
        case .abbreviation: 1
        case .demonym: 2
        }
    }

    init(code: UInt8) {
        switch code {
        case 1: self = .abbreviation
        case 2: self = .demonym
        default: self = .name
        }
    }
}
