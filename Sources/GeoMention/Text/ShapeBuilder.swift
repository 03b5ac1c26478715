/// Accumulates the letters of a token to decide its ``Token/Shape`` and ``Token/Kind``.
struct ShapeBuilder {
    private var upper = 0
    private var lower = 0
    private var uncased = 0
    private var digits = 0
    private var firstCasedIsUpper: Bool?

    /// Counts one scalar of the token.
    @inline(__always)
    mutating func add(_ cls: CharacterClass) {
        switch cls {
        case .upper:
            upper += 1
            if firstCasedIsUpper == nil { firstCasedIsUpper = true }
        case .lower:
            lower += 1
            if firstCasedIsUpper == nil { firstCasedIsUpper = false }
        case .uncasedLetter:
            uncased += 1
        case .digit:
            digits += 1
        default:
            break
        }
    }

    private var letters: Int { upper + lower + uncased }

    /// Whether the token so far has digits and no letters.
    var isDigitsOnly: Bool { letters == 0 && digits > 0 }

    /// `.number` for digits without letters, `.word` otherwise.
    var kind: Token.Kind { isDigitsOnly ? .number : .word }

    /// The shape the letters give.
    var shape: Token.Shape {
        if letters == 0 { return .other }
        switch firstCasedIsUpper {
        case nil: return .uncased
        case true?: return lower == 0 && upper >= 2 ? .allCaps : .capitalized
        case false?: return upper == 0 ? .lower : .mixed
        }
    }
}
