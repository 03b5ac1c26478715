/// The single pass over a text's UTF-8 bytes that produces its tokens and sentences.
///
/// Scalar offsets are counted while scanning; every token records both byte and scalar
/// offsets. Each token is admitted to the ``SentenceSplitter`` as it is made, then written
/// once into the caller's buffer, which the caller sizes from the byte count so that most
/// texts need a single buffer (see ``scan(into:count:)``).
struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The current byte offset.
    var index = 0
    /// The current scalar offset.
    var scalar = 0
    /// The buffer tokens are written to; set only during ``scan(into:count:)``.
    private(set) var tokens = UnsafeMutableBufferPointer<Token>(start: nil, count: 0)
    /// How many tokens the text has so far, all in `tokens`.
    private(set) var tokenCount = 0
    // White space seen since the last token.
    var sawSpace = false
    private var newlines = 0
    var joinNext = false
    private var splitter: SentenceSplitter

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.splitter = SentenceSplitter(bytes)
    }

    /// Whether the whole text has been scanned.
    var isFinished: Bool { index >= bytes.count }

    /// The last token made, if any.
    var lastToken: Token? { tokenCount > 0 ? tokens[tokenCount - 1] : nil }

    /// Scans on, writing tokens into `buffer`, until the text ends or fewer than two free
    /// places remain (no step makes more than two tokens); then ``isFinished`` tells which.
    /// - Parameters:
    ///   - buffer: Storage whose first `count` places hold the tokens made so far.
    ///   - count: The number of tokens in `buffer`, updated as tokens are written.
    mutating func scan(into buffer: UnsafeMutableBufferPointer<Token>, count: inout Int) {
        precondition(count == tokenCount && buffer.count >= count, "the buffer must hold the tokens made so far")
        tokens = buffer
        defer {
            count = tokenCount
            tokens = UnsafeMutableBufferPointer(start: nil, count: 0)
        }
        scan()
    }

    /// The sentences of the scanned text, whose tokens are `tokens` (the scanner keeps none).
    mutating func sentences(of tokens: [Token]) -> [Sentence] {
        precondition(isFinished && tokens.count == tokenCount, "the text must be scanned to its end")
        return splitter.finish(count: tokenCount, last: tokens.last)
    }

    private mutating func scan() {
        let count = bytes.count
        let room = tokens.count &- 2
        while index < count && tokenCount <= room {
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
    @inline(__always)
    mutating func append(
        utf8Start: Int, scalarStart: Int, kind: Token.Kind, shape: Token.Shape,
        extra: Token.Flags = []
    ) {
        var flags = extra
        if sawSpace { flags.insert(.followsSpace) }
        if newlines > 0 { flags.insert(.followsNewline) }
        if newlines > 1 || tokenCount == 0 { flags.insert(.paragraphStart) }
        if joinNext { flags.insert(.joinedByHyphen) }
        // The text is shorter than 4 GiB (see `Tokenizer`) and offsets only grow.
        var token = Token(
            uncheckedUTF8Start: utf8Start, utf8End: index, start: scalarStart, end: scalar,
            kind: kind, shape: shape, flags: flags)
        splitter.admit(&token, index: tokenCount, after: tokens)
        tokens.initializeElement(at: tokenCount, to: token)
        tokenCount &+= 1
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

    /// Scans a word or number, splitting off a possessive `'s`.
    ///
    /// Most words are ASCII lower-case letters, perhaps after one capital, ended by a byte
    /// that cannot continue them: their shape follows from the first byte, without counting
    /// letters, and they are written at once. Any other word goes on through the general
    /// loop from the end of that run.
    private mutating func scanWord() {
        let start = index, scalarStart = scalar
        var shape = ShapeBuilder()
        let count = bytes.count
        let first = bytes[start]
        let capital = first &- UInt8(ascii: "A") < 26
        let lettersStart = capital ? start &+ 1 : start
        if lettersStart < count && bytes[lettersStart] &- UInt8(ascii: "a") < 26 {
            let end = lettersStart &+ lowercaseRun(at: lettersStart, count: count)
            index = end
            scalar &+= end &- start
            if end >= count || !Self.mayContinueLetters(bytes[end]) {
                append(utf8Start: start, scalarStart: scalarStart, kind: .word,
                       shape: capital ? .capitalized : .lower)
                return
            }
            if capital { shape.addUpper() }
            shape.addLower(count: end &- lettersStart)
        }
        while index < count {
            // ASCII letters and digits, the common case: a tight loop on locals.
            var i = index
            while i < count {
                let byte = bytes[i]
                if byte &- UInt8(ascii: "a") < 26 {
                    // Lower-case letters come in runs: count the rest of the run eight at a time.
                    let run = lowercaseRun(at: i, count: count)
                    shape.addLower(count: run)
                    i &+= run
                    continue
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
            // Any other ASCII byte ends the word, except an apostrophe (possessive or inner)
            // and a period or comma (inside a number): skip classifying the common ends.
            let byte = bytes[index]
            if byte < 0x80 && byte != UInt8(ascii: "'") && byte != UInt8(ascii: ".")
                && byte != UInt8(ascii: ",") {
                break
            }
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

    /// Whether `byte`, right after letters, may belong to the same token: an ASCII capital or
    /// digit, an apostrophe (possessive or inner), or the lead byte of a non-ASCII scalar.
    /// A period or comma continues only digits, and a lower-case letter cannot follow the
    /// maximal run of them.
    @inline(__always)
    private static func mayContinueLetters(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return true }
        if byte >= 0x40 { return byte &- UInt8(ascii: "A") < 26 }
        // Bits 0x30...0x39 (digits) and 0x27 (apostrophe).
        let continuing: UInt64 = 0x03FF_0000_0000_0000 | 1 << 0x27
        return continuing &>> UInt64(byte) & 1 != 0
    }

    /// The number of ASCII lower-case letters starting at `offset` (at least the one there),
    /// found eight bytes at a time while eight bytes remain before `count`.
    @inline(__always)
    private func lowercaseRun(at offset: Int, count: Int) -> Int {
        var end = offset
        while end &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + end).loadUnaligned(as: UInt64.self))
            let highBits: UInt64 = 0x8080_8080_8080_8080
            // Per byte, on the low seven bits (so no carry crosses bytes): the high bit of
            // `atLeastA` is set from "a" up, that of `pastZ` from "{" up.
            let low = word & ~highBits
            let atLeastA = low &+ 0x1F1F_1F1F_1F1F_1F1F
            let pastZ = low &+ 0x0505_0505_0505_0505
            let lowercase = atLeastA & ~pastZ & ~word & highBits
            let others = ~lowercase & highBits
            if others == 0 {
                end &+= 8
                continue
            }
            return end &- offset &+ others.trailingZeroBitCount >> 3
        }
        while end < count && bytes[end] &- UInt8(ascii: "a") < 26 { end &+= 1 }
        return end &- offset
    }

    /// Whether `s` or `S` at `offset` ends a word (a possessive), given the apostrophe before.
    func isPossessiveEnding(after offset: Int, _ length: Int) -> Bool {
        guard length == 1, bytes[offset] | 0x20 == UInt8(ascii: "s") else { return false }
        let after = offset + 1
        return after >= bytes.count || !classify(bytes, at: after).0.isWordCharacter
    }
}
