/// Tests on a token's bytes for the recogniser's context rules, which ask them of the words
/// around every mention: no substring of the text or lower-cased string is made to answer them.
extension TokenView {
    /// Whether token `position` is punctuation made of exactly the ASCII character `mark`. It
    /// answers as ``isPunctuation(_:_:)`` does: a one-byte ASCII token equals a one-character
    /// ASCII string exactly when the bytes are the same.
    func isPunctuation(_ position: Int, ascii mark: Unicode.Scalar) -> Bool {
        guard position >= 0, position < text.tokens.count else { return false }
        let token = text.tokens[position]
        return token.kind == .punctuation && token.utf8End - token.utf8Start == 1 && firstByte(position) == UInt8(ascii: mark)
    }

    /// Whether token `position` in lower case is exactly the lower-case ASCII `word`.
    func isLowercased(_ position: Int, _ word: StaticString) -> Bool {
        withLowercasedBytes(position) { bytes in
            bytes.elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        }
    }
}
