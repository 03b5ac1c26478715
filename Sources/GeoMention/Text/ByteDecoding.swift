/// Turns the raw bytes of a file into text.
///
/// Rules, in order:
/// - a UTF-16 byte order mark (`FF FE` or `FE FF`) selects UTF-16 little or big endian;
///   unpaired surrogates and a dangling odd byte become U+FFFD;
/// - otherwise the bytes are UTF-8: a leading UTF-8 byte order mark is dropped and invalid
///   sequences become U+FFFD;
/// - a non-UTF-16 input with a NUL byte in its first 8 KiB, or with more than 30% control
///   bytes there (other than tab, line feed, vertical tab, form feed, carriage return and
///   escape), is binary and is refused.
///
/// Nothing else changes: CRLF stays CRLF and NUL bytes after the first 8 KiB stay NUL.
enum ByteDecoding {
    /// How many leading bytes the binary check looks at.
    static let sniffLength = 8192

    /// The encoding a byte order mark announces.
    enum Encoding: Equatable {
        case utf8(bomLength: Int)
        case utf16LittleEndian
        case utf16BigEndian
    }

    /// Detects the encoding from a byte order mark.
    static func encoding<C: Collection>(of bytes: C) -> Encoding where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        let b0 = iterator.next(), b1 = iterator.next(), b2 = iterator.next()
        if b0 == 0xFF && b1 == 0xFE { return .utf16LittleEndian }
        if b0 == 0xFE && b1 == 0xFF { return .utf16BigEndian }
        if b0 == 0xEF && b1 == 0xBB && b2 == 0xBF { return .utf8(bomLength: 3) }
        return .utf8(bomLength: 0)
    }

    /// Whether the leading bytes look binary (see the type's rules).
    static func looksBinary<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var count = 0
        var control = 0
        for byte in bytes.prefix(sniffLength) {
            count += 1
            if byte == 0 { return true }
            if byte < 0x20 || byte == 0x7F {
                switch byte {
                case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: break
                default: control += 1
                }
            }
        }
        return count > 0 && control * 10 > count * 3
    }

    /// Decodes a whole file's bytes.
    /// - Parameters:
    ///   - bytes: The file contents.
    ///   - path: The path used in errors.
    /// - Throws: ``InputError/binary(path:)`` when the bytes look binary.
    static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> String {
        switch encoding(of: bytes) {
        case .utf16LittleEndian:
            return decodeUTF16(bytes.dropFirst(2), bigEndian: false)
        case .utf16BigEndian:
            return decodeUTF16(bytes.dropFirst(2), bigEndian: true)
        case .utf8(let bomLength):
            let body = bytes[bomLength...]
            if looksBinary(body) { throw .binary(path: path) }
            return String(decoding: body, as: UTF8.self)
        }
    }

    /// Decodes UTF-8 bytes (a JSON Lines record, say) with invalid sequences repaired.
    static func decodeUTF8<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2 + 1)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        if index < bytes.endIndex { text.unicodeScalars.append("\u{FFFD}") }
        return text
    }
}
