/// Splits a text into tokens and sentences in one pass over its UTF-8 bytes.
///
/// Words are runs of letters, digits and combining marks of any script, with internal
/// apostrophes (`O'Brien`, `d’Ivoire`); a possessive `'s`/`’s` becomes its own token.
/// Hyphens split words (`Ukraine-Russia` gives `Ukraine`, `-`, `Russia`, the last flagged
/// ``Token/Flags/joinedByHyphen``). Chains of single letters with periods (`U.S.`, `D.C.`,
/// `e.g.`) are one token including the last period; any other word followed by a period
/// gives the word and a separate `.` token (`Calif`, `.`). Sentence rules are described
/// by the internal `SentenceSplitter`.
///
/// ```swift
/// let tokenized = Tokenizer().tokenize("Floods hit Springfield, Ill., on Tuesday.")
/// tokenized.tokens.count     // 10: Floods hit Springfield , Ill . , on Tuesday .
/// tokenized.sentences.count  // 1
/// ```
public struct Tokenizer: Hashable, Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// Tokenizes a text.
    /// - Parameter text: The text; it must be shorter than 4 GiB.
    /// - Returns: The tokens and sentences, with offsets into `text`.
    public func tokenize(_ text: String) -> TokenizedText {
        var text = text
        let (tokens, sentences) = text.withUTF8 { bytes -> ([Token], [Sentence]) in
            precondition(bytes.count < Int(UInt32.max), "text too large to tokenize")
            var scanner = TokenScanner(bytes)
            // News text has one token per five or six bytes; denser text grows the buffer.
            var capacity = bytes.count / 4 + 2
            var tokens: [Token] = []
            repeat {
                let earlier = tokens
                tokens = [Token](unsafeUninitializedCapacity: capacity) { buffer, count in
                    count = buffer.initialize(fromContentsOf: earlier)
                    scanner.scan(into: buffer, count: &count)
                }
                capacity *= 2
            } while !scanner.isFinished
            return (tokens, scanner.sentences(of: tokens))
        }
        return TokenizedText(text: text, tokens: tokens, sentences: sentences)
    }

    /// Tokenizes a document's text.
    /// - Parameter document: The document.
    /// - Returns: The tokens and sentences, with offsets into `document.text`.
    public func tokenize(_ document: Document) -> TokenizedText {
        tokenize(document.text)
    }
}
