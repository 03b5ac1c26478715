/// The scanner's rules for initials chains, possessives, punctuation runs, hyphens and
/// symbols.
extension TokenScanner {
    func isASCIILetter(_ offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let lowered = bytes[offset] | 0x20
        return lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z")
    }

    func isPeriod(_ offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] == UInt8(ascii: ".")
    }

    /// Scans `U.S.`, `e.g.`, `N.Y.`: two or more single ASCII letters each followed by a
    /// period, not followed by a word character. Returns false (consuming nothing) otherwise.
    ///
    /// Nearly every word start fails the first test, so only that test is inlined into the
    /// scan loop.
    @inline(__always)
    mutating func scanInitials() -> Bool {
        isPeriod(index + 1) && scanInitialsChain()
    }

    /// ``scanInitials()`` once a period follows the first character.
    @inline(never)
    private mutating func scanInitialsChain() -> Bool {
        var end = index
        var shape = ShapeBuilder()
        while isASCIILetter(end) && isPeriod(end + 1) {
            shape.add(CharacterClass.ascii(bytes[end]))
            end += 2
        }
        guard end - index >= 4 else { return false }
        if end < bytes.count && classify(bytes, at: end).0.isWordCharacter { return false }
        let start = index, scalarStart = scalar
        scalar += end - index
        index = end
        append(utf8Start: start, scalarStart: scalarStart, kind: .word, shape: shape.shape,
               extra: .endsWithPeriod)
        return true
    }

    mutating func scanPossessive(apostropheLength: Int) {
        let start = index, scalarStart = scalar
        index += apostropheLength + 1
        scalar += 2
        let shape: Token.Shape = bytes[index - 1] == UInt8(ascii: "S") ? .capitalized : .lower
        append(utf8Start: start, scalarStart: scalarStart, kind: .possessive, shape: shape)
    }

    /// Scans a run of scalars of either class as one punctuation token.
    mutating func scanRun(of first: CharacterClass, or second: CharacterClass) {
        let start = index, scalarStart = scalar
        while index < bytes.count {
            let (cls, length) = classify(bytes, at: index)
            guard cls == first || cls == second else { break }
            index += length
            scalar += 1
        }
        append(utf8Start: start, scalarStart: scalarStart, kind: .punctuation, shape: .other)
    }

    /// Scans a hyphen (or a dash run of hyphens); a single hyphen between two words
    /// marks the next word ``Token/Flags/joinedByHyphen``.
    mutating func scanHyphen() {
        let start = index
        let afterWord = !sawSpace && lastToken.map {
            $0.utf8End == start && ($0.kind == .word || $0.kind == .number)
        } ?? false
        scanRun(of: .hyphen, or: .hyphen)
        let hyphens = tokens[tokenCount - 1]
        let single = hyphens.end - hyphens.start == 1
        if afterWord && single && index < bytes.count && classify(bytes, at: index).0.isWordCharacter {
            joinNext = true
        }
    }

    /// Scans a symbol with the marks, modifiers and joined symbols that belong to it
    /// (emoji sequences, regional indicator pairs).
    mutating func scanSymbol() {
        let start = index, scalarStart = scalar
        var previous: UInt32 = 0
        var first = true
        while index < bytes.count {
            let (value, length) = decodeScalar(bytes, at: index)
            let cls = value < 0x80 ? CharacterClass.ascii(UInt8(value)) : CharacterClass.nonASCII(value)
            let regionalPair = (0x1F1E6...0x1F1FF).contains(value)
                && (0x1F1E6...0x1F1FF).contains(previous) && scalar - scalarStart == 1
            let continues = cls == .extender || cls == .mark || previous == 0x200D || regionalPair
            guard first || continues, first || cls != .space else { break }
            first = false
            previous = value
            index += length
            scalar += 1
        }
        append(utf8Start: start, scalarStart: scalarStart, kind: .symbol, shape: .other)
    }
}
