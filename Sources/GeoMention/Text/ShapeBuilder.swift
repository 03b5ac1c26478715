/// Accumulates the letters of a token to decide its ``Token/Shape`` and ``Token/Kind``.
struct ShapeBuilder {
    private var upper = 0
    private var lower = 0
    private var uncased = 0
    private var digits = 0
    /// 0 before any cased letter, 1 if the first was uppercase, 2 if lowercase.
    private var firstCased: UInt8 = 0

    /// Counts an ASCII lowercase letter.
    @inline(__always)
    mutating func addLower() {
        lower &+= 1
        if firstCased == 0 { firstCased = 2 }
    }

    /// Counts a run of `count` ASCII lowercase letters.
    @inline(__always)
    mutating func addLower(count: Int) {
        lower &+= count
        if firstCased == 0 { firstCased = 2 }
    }

    /// Counts an ASCII uppercase letter.
    @inline(__always)
    mutating func addUpper() {
        upper &+= 1
        if firstCased == 0 { firstCased = 1 }
    }

    /// Counts one scalar of the token.
    @inline(__always)
    mutating func add(_ cls: CharacterClass) {
        switch cls {
        case .upper:
            addUpper()
        case .lower:
            addLower()
        case .uncasedLetter:
            uncased &+= 1
        case .digit:
            digits &+= 1
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
    @inline(__always)
    var shape: Token.Shape {
        if letters == 0 { return .other }
        switch firstCased {
        case 0: return .uncased
        case 1: return lower == 0 && upper >= 2 ? .allCaps : .capitalized
        default: return upper == 0 ? .lower : .mixed
        }
    }
}
