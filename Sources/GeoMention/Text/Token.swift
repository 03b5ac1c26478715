/// One token of a text: a word, number, punctuation mark, symbol or possessive ending.
///
/// A token knows its span twice: as UTF-8 byte offsets (`utf8Start..<utf8End`, cheap for
/// slicing the text) and as Unicode scalar offsets (`start..<end`, the offsets the pipeline
/// reports). Offsets are stored in 32 bits, so a text must stay under 4 GiB.
public struct Token: Hashable, Sendable {
    /// What kind of token this is.
    public enum Kind: UInt8, Hashable, Sendable {
        /// Letters (any script) possibly with digits, combining marks, internal apostrophes,
        /// or an initials chain such as `U.S.`.
        case word
        /// Digits only, possibly with internal `.` or `,` between digits (`1,200`, `3.5`).
        case number
        /// A punctuation mark; runs of `.`, `!`, `?` and of `-` form one token (`...`, `--`).
        case punctuation
        /// A symbol: currency, math, emoji (with its modifiers and joiners).
        case symbol
        /// A possessive ending `'s` or `’s` split from the word before it.
        case possessive
    }

    /// The capitalisation of a token's letters (other characters are ignored).
    public enum Shape: UInt8, Hashable, Sendable {
        /// All cased letters are lowercase: `city`, `3rd`.
        case lower
        /// The first cased letter is uppercase and some later one is lowercase, or the
        /// token has a single uppercase letter: `Lviv`, `McDonald`, `DeKalb`, `A`.
        case capitalized
        /// Two or more cased letters, all uppercase: `LVIV`, `U.S.`.
        case allCaps
        /// The first cased letter is lowercase and a later one is uppercase: `iPhone`.
        case mixed
        /// Letters without case only: `東京`, `كييف`.
        case uncased
        /// No letters at all: numbers, punctuation, symbols.
        case other
    }

    /// Facts about a token and the text before it.
    public struct Flags: OptionSet, Hashable, Sendable {
        /// The bits of the set.
        public let rawValue: UInt16
        /// Creates flags from their raw value.
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        /// White space separates the token from the previous token.
        public static let followsSpace = Flags(rawValue: 1 << 0)
        /// A line break separates the token from the previous token.
        public static let followsNewline = Flags(rawValue: 1 << 1)
        /// The token opens a paragraph: it is the first token, or a blank line precedes it.
        public static let paragraphStart = Flags(rawValue: 1 << 2)
        /// The token is the first word or number of its sentence.
        public static let sentenceStart = Flags(rawValue: 1 << 3)
        /// The token is an initials chain whose span includes a final period (`U.S.`).
        public static let endsWithPeriod = Flags(rawValue: 1 << 4)
        /// A hyphen joins the token to the previous word (`Russia` in `Ukraine-Russia`).
        public static let joinedByHyphen = Flags(rawValue: 1 << 5)
        /// A possessive token (`'s`) follows the word directly (`Jordan` in `Jordan's`).
        public static let followedByPossessive = Flags(rawValue: 1 << 6)
    }

    private var storedUTF8Start: UInt32
    private var storedUTF8End: UInt32
    private var storedStart: UInt32
    private var storedEnd: UInt32
    private var storedSentence: UInt32
    /// The kind of token.
    public var kind: Kind
    /// The capitalisation of its letters.
    public var shape: Shape
    /// Facts about the token; also exposed as Boolean properties.
    public var flags: Flags

    /// Creates a token.
    /// - Parameters:
    ///   - utf8Range: The byte offsets of the token in the text's UTF-8.
    ///   - scalarRange: The Unicode scalar offsets of the token.
    ///   - kind: The kind of token.
    ///   - shape: The capitalisation of its letters.
    ///   - flags: Facts about the token.
    ///   - sentence: The index of its sentence.
    public init(
        utf8Range: Range<Int>, scalarRange: Range<Int>, kind: Kind, shape: Shape,
        flags: Flags = [], sentence: Int = 0
    ) {
        storedUTF8Start = UInt32(utf8Range.lowerBound)
        storedUTF8End = UInt32(utf8Range.upperBound)
        storedStart = UInt32(scalarRange.lowerBound)
        storedEnd = UInt32(scalarRange.upperBound)
        storedSentence = UInt32(sentence)
        self.kind = kind
        self.shape = shape
        self.flags = flags
    }

    /// Creates a token of sentence 0 from offsets the caller knows to fit in 32 bits (a
    /// tokenizer's text is shorter than 4 GiB) and to be ordered, without checking them.
    init(
        uncheckedUTF8Start utf8Start: Int, utf8End: Int, start: Int, end: Int,
        kind: Kind, shape: Shape, flags: Flags
    ) {
        storedUTF8Start = UInt32(truncatingIfNeeded: utf8Start)
        storedUTF8End = UInt32(truncatingIfNeeded: utf8End)
        storedStart = UInt32(truncatingIfNeeded: start)
        storedEnd = UInt32(truncatingIfNeeded: end)
        storedSentence = 0
        self.kind = kind
        self.shape = shape
        self.flags = flags
    }

    /// Whether the token is of `kind` and `shape`, the two compared in one test: tested one after
    /// the other, the frequent tokens of other kinds or shapes make the first test a poor guess
    /// for the processor on every token of a text.
    @inline(__always)
    func isKind(_ kind: Kind, shape: Shape) -> Bool {
        UInt16(self.kind.rawValue) | UInt16(self.shape.rawValue) << 8 == UInt16(kind.rawValue) | UInt16(shape.rawValue) << 8
    }

    /// The offset of the first UTF-8 byte.
    public var utf8Start: Int { Int(storedUTF8Start) }
    /// The offset just past the last UTF-8 byte.
    public var utf8End: Int { Int(storedUTF8End) }
    /// The Unicode scalar offset of the first scalar.
    public var start: Int { Int(storedStart) }
    /// The Unicode scalar offset just past the last scalar.
    public var end: Int { Int(storedEnd) }
    /// The index of the sentence the token belongs to.
    public var sentence: Int {
        get { Int(storedSentence) }
        set { storedSentence = UInt32(newValue) }
    }

    /// The UTF-8 byte range.
    public var utf8Range: Range<Int> { utf8Start..<utf8End }
    /// The Unicode scalar range.
    public var scalarRange: Range<Int> { start..<end }

    /// See ``Flags/followsSpace``.
    public var followsSpace: Bool { flags.contains(.followsSpace) }
    /// See ``Flags/followsNewline``.
    public var followsNewline: Bool { flags.contains(.followsNewline) }
    /// See ``Flags/paragraphStart``.
    public var paragraphStart: Bool { flags.contains(.paragraphStart) }
    /// See ``Flags/sentenceStart``.
    public var isSentenceStart: Bool { flags.contains(.sentenceStart) }
    /// See ``Flags/endsWithPeriod``.
    public var endsWithPeriod: Bool { flags.contains(.endsWithPeriod) }
    /// See ``Flags/joinedByHyphen``.
    public var joinedByHyphen: Bool { flags.contains(.joinedByHyphen) }
    /// See ``Flags/followedByPossessive``.
    public var followedByPossessive: Bool { flags.contains(.followedByPossessive) }
    /// Whether the first cased letter is uppercase (capitalized or all caps).
    public var startsUppercase: Bool { shape == .capitalized || shape == .allCaps }
}
