/// The single pass over a text's UTF-8 bytes that produces its tokens.
///
/// Scalar offsets are counted while scanning; every token records both byte and scalar
/// offsets. Sentences are assigned afterwards by ``SentenceSplitter``.
struct TokenScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var scalar = 0
    private var tokens: [Token] = []
    // White space seen since the last token.
    private var sawSpace = false
    private var newlines = 0
    private var joinNext = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 4 + 1)
    }

    /// Scans the whole text and hands over the tokens (the scanner keeps none).
    mutating func run() -> [Token] {
        defer { tokens = [] }
        scan()
        return tokens
    }

    private mutating func scan() {
        let count = bytes.count
        while index < count {
            if bytes[index] == 0x20 {
                sawSpace = true
                index &+= 1
                scalar &+= 1
                continue
            }
            let (cls, length) = classify(bytes, at: index)
            switch cls {
            case .space:
                sawSpace = true
            case .newline:
                sawSpace = true
                newlines += 1
            case .carriageReturn:
                sawSpace = true
                if index + 1 >= count || bytes[index + 1] != 0x0A { newlines += 1 }
            case .paragraphSeparator:
                sawSpace = true
                newlines += 2
            case .upper, .lower, .uncasedLetter, .digit, .mark:
                if !scanInitials() { scanWord() }
                continue
            case .period, .terminal:
                scanRun(of: CharacterClass.period, or: .terminal)
                continue
            case .hyphen:
                scanHyphen()
                continue
            case .symbol, .extender:
                scanSymbol()
                continue
            case .apostrophe, .comma, .punctuation:
                emit(from: index, scalarStart: scalar, length: length, scalars: 1,
                     kind: .punctuation, shape: .other)
                index += length
                scalar += 1
                continue
            }
            index += length
            scalar += 1
        }
    }

    /// Appends a token ending at the current position and resets the gap state.
    private mutating func append(
        utf8Start: Int, scalarStart: Int, kind: Token.Kind, shape: Token.Shape,
        extra: Token.Flags = []
    ) {
        var flags = extra
        if sawSpace { flags.insert(.followsSpace) }
        if newlines > 0 { flags.insert(.followsNewline) }
        if newlines > 1 || tokens.isEmpty { flags.insert(.paragraphStart) }
        if joinNext { flags.insert(.joinedByHyphen) }
        tokens.append(Token(
            utf8Range: utf8Start..<index, scalarRange: scalarStart..<scalar,
            kind: kind, shape: shape, flags: flags))
        sawSpace = false
        newlines = 0
        joinNext = false
    }

    private mutating func emit(
        from start: Int, scalarStart: Int, length: Int, scalars: Int,
        kind: Token.Kind, shape: Token.Shape
    ) {
        let saved = (index, scalar)
        index = start + length
        scalar = scalarStart + scalars
        append(utf8Start: start, scalarStart: scalarStart, kind: kind, shape: shape)
        (index, scalar) = saved
    }

    private func isASCIILetter(_ offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let lowered = bytes[offset] | 0x20
        return lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z")
    }

    private func isPeriod(_ offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] == UInt8(ascii: ".")
    }

    /// Scans `U.S.`, `e.g.`, `N.Y.`: two or more single ASCII letters each followed by a
    /// period, not followed by a word character. Returns false (consuming nothing) otherwise.
    private mutating func scanInitials() -> Bool {
        guard isPeriod(index + 1) else { return false }
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

    /// Scans a word or number, splitting off a possessive `'s`.
    private mutating func scanWord() {
        let start = index, scalarStart = scalar
        var shape = ShapeBuilder()
        let count = bytes.count
        while index < count {
            // ASCII letters and digits, the common case: a tight loop on locals.
            var i = index
            while i < count {
                let byte = bytes[i]
                if byte &- UInt8(ascii: "a") < 26 {
                    shape.addLower()
                } else if byte &- UInt8(ascii: "A") < 26 {
                    shape.addUpper()
                } else if byte &- UInt8(ascii: "0") < 10 {
                    shape.add(.digit)
                } else {
                    break
                }
                i &+= 1
            }
            scalar &+= i &- index
            index = i
            if index >= count { break }
            let (cls, length) = classify(bytes, at: index)
            if cls.isWordCharacter || cls == .extender {
                shape.add(cls)
            } else if cls == .apostrophe, index + length < count {
                let (next, nextLength) = classify(bytes, at: index + length)
                guard next.isLetter else { break }
                if isPossessiveEnding(after: index + length, nextLength) {
                    append(utf8Start: start, scalarStart: scalarStart, kind: shape.kind,
                           shape: shape.shape, extra: .followedByPossessive)
                    scanPossessive(apostropheLength: length)
                    return
                }
            } else if (cls == .period || cls == .comma) && shape.isDigitsOnly,
                      index + 1 < count, CharacterClass.ascii(bytes[index + 1]) == .digit {
                // 3.5, 1,200: keep going.
            } else {
                break
            }
            index += length
            scalar += 1
        }
        append(utf8Start: start, scalarStart: scalarStart, kind: shape.kind, shape: shape.shape)
    }

    /// Whether `s` or `S` at `offset` ends a word (a possessive), given the apostrophe before.
    private func isPossessiveEnding(after offset: Int, _ length: Int) -> Bool {
        guard length == 1, bytes[offset] | 0x20 == UInt8(ascii: "s") else { return false }
        let after = offset + 1
        return after >= bytes.count || !classify(bytes, at: after).0.isWordCharacter
    }

    private mutating func scanPossessive(apostropheLength: Int) {
        let start = index, scalarStart = scalar
        index += apostropheLength + 1
        scalar += 2
        let shape: Token.Shape = bytes[index - 1] == UInt8(ascii: "S") ? .capitalized : .lower
        append(utf8Start: start, scalarStart: scalarStart, kind: .possessive, shape: shape)
    }

    /// Scans a run of scalars of either class as one punctuation token.
    private mutating func scanRun(of first: CharacterClass, or second: CharacterClass) {
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
    private mutating func scanHyphen() {
        let start = index
        let afterWord = !sawSpace && tokens.last.map {
            $0.utf8End == start && ($0.kind == .word || $0.kind == .number)
        } ?? false
        scanRun(of: .hyphen, or: .hyphen)
        let single = tokens[tokens.count - 1].end - tokens[tokens.count - 1].start == 1
        if afterWord && single && index < bytes.count && classify(bytes, at: index).0.isWordCharacter {
            joinNext = true
        }
    }

    /// Scans a symbol with the marks, modifiers and joined symbols that belong to it
    /// (emoji sequences, regional indicator pairs).
    private mutating func scanSymbol() {
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
