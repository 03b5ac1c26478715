/// Repairs JSON text that Foundation's decoder refuses only because of a lone surrogate.
///
/// JSON may spell any UTF-16 code unit as `\uXXXX`, so a line can carry a high surrogate
/// (`\ud800`) with no low surrogate after it, or a low one on its own. Such a string has no
/// Unicode meaning; GeoMention reads each lone surrogate escape as U+FFFD (written `\ufffd`),
/// the same replacement invalid UTF-8 gets, and keeps the rest of the record. A well-formed
/// pair (`\ud83c\udf0a`) is left alone.
enum JSONEscapeRepair {
    /// The bytes with every lone surrogate escape replaced by `\ufffd`, or `nil` when there
    /// was none.
    static func replacingLoneSurrogates<C: Collection>(in bytes: C) -> [UInt8]? where C.Element == UInt8 {
        let input = Array(bytes)
        var output = [UInt8]()
        var changed = false
        var index = 0
        var inString = false
        while index < input.count {
            let byte = input[index]
            if byte == 0x22 { inString.toggle() }
            guard inString, byte == 0x5C, index + 1 < input.count else {
                output.append(byte)
                index += 1
                continue
            }
            // A backslash inside a string: copy simple escapes whole, inspect \u escapes.
            guard input[index + 1] == UInt8(ascii: "u"), let unit = hexUnit(input, at: index + 2) else {
                output.append(contentsOf: input[index...(index + 1)])
                index += 2
                continue
            }
            let isHigh = (0xD800...0xDBFF).contains(unit), isLow = (0xDC00...0xDFFF).contains(unit)
            if isHigh, index + 11 < input.count, input[index + 6] == 0x5C, input[index + 7] == UInt8(ascii: "u"),
               let next = hexUnit(input, at: index + 8), (0xDC00...0xDFFF).contains(next) {
                output.append(contentsOf: input[index..<(index + 12)])
                index += 12
            } else if isHigh || isLow {
                output.append(contentsOf: Array("\\ufffd".utf8))
                changed = true
                index += 6
            } else {
                output.append(contentsOf: input[index..<(index + 6)])
                index += 6
            }
        }
        return changed ? output : nil
    }

    /// The code unit of the four hex digits at `start`, if there are four.
    private static func hexUnit(_ bytes: [UInt8], at start: Int) -> UInt32? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<(start + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
