/// Locale-independent number formatting without exponent notation.
enum NumberText {
    /// Formats `value` with exactly `decimals` fractional digits, or `nil` when not finite.
    ///
    /// Never produces exponent notation or a negative zero: `fixed(-0.0000001, 6)` is
    /// `"0.000000"`, `fixed(1e-5, 6)` is `"0.000010"`.
    static func fixed(_ value: Double, decimals: Int = 6) -> String? {
        guard value.isFinite else { return nil }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^63 the value cannot carry fractional digits anyway; fall back to whole units.
        guard abs(scaled) < 9.0e18 else {
            return wholeNumberText(value) + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
        }
        let units = Int64(scaled)
        let negative = units < 0
        let magnitude = units.magnitude
        let divisor = UInt64(scale)
        let whole = magnitude / divisor
        var text = (negative ? "-" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(magnitude % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// Formats `value` with up to six decimals, trailing zeros removed, or `nil` when not finite.
    ///
    /// `compact(0.85)` is `"0.85"`, `compact(2)` is `"2"`.
    static func compact(_ value: Double) -> String? {
        var out = [UInt8]()
        guard appendCompact(value, to: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of ``compact(_:)``; appends nothing and answers `false` when
    /// `value` is not finite.
    @discardableResult
    static func appendCompact(_ value: Double, to out: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: compactCapacity(value)) { storage in
            var cursor = ByteCursor(storage)
            writeCompact(value, to: &cursor)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: storage[..<cursor.count]))
        }
        return true
    }

    /// The most bytes ``writeCompact(_:to:)`` can write for `value`.
    static func compactCapacity(_ value: Double) -> Int {
        // Below the integer range a sign, 13 whole digits, a point and 6 decimals; beyond it
        // every whole digit of the largest Double.
        abs(value * 1_000_000) < 9.0e18 ? 21 : 320
    }

    /// Writes the bytes of ``compact(_:)`` (at most ``compactCapacity(_:)``); writes nothing
    /// and answers `false` when `value` is not finite.
    ///
    /// The digits are those of `fixed(value, decimals: 6)` with trailing zeros dropped, built
    /// from the integers instead of trimming a string (this runs for every coordinate written).
    @discardableResult
    static func writeCompact(_ value: Double, to cursor: inout ByteCursor) -> Bool {
        guard value.isFinite else { return false }
        let scaled = (value * 1_000_000).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9.0e18 else {
            var text = trimmed(fixed(value, decimals: 6)!)
            text.withUTF8 { cursor.write($0) }
            return true
        }
        let units = Int64(scaled)
        let magnitude = units.magnitude
        let whole = magnitude / 1_000_000
        var fraction = magnitude % 1_000_000
        if units < 0 && (whole > 0 || fraction > 0) { cursor.write(UInt8(ascii: "-")) }
        cursor.writeDigits(whole)
        guard fraction > 0 else { return true }
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        cursor.write(UInt8(ascii: "."))
        cursor.writeDigits(fraction, minimumCount: digits)
        return true
    }

    /// The most bytes ``writeInteger(_:to:)`` writes: a sign and 19 digits.
    static let integerCapacity = 20

    /// Appends the decimal digits of `value`, with a minus sign when it is negative.
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: integerCapacity) { storage in
            var cursor = ByteCursor(storage)
            writeInteger(value, to: &cursor)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: storage[..<cursor.count]))
        }
    }

    /// Writes the decimal digits of `value`, with a minus sign when it is negative.
    static func writeInteger(_ value: Int, to cursor: inout ByteCursor) {
        if value < 0 { cursor.write(UInt8(ascii: "-")) }
        cursor.writeDigits(UInt64(value.magnitude))
    }

    /// `text` with trailing fractional zeros and a bare point removed, and `-0` as `0`.
    static func trimmed(_ text: String) -> String {
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Digits of a huge finite value's whole part, built without exponent notation.
    private static func wholeNumberText(_ value: Double) -> String {
        var digits: [Character] = []
        var rest = abs(value).rounded(.towardZero)
        while rest >= 1 {
            let digit = rest.truncatingRemainder(dividingBy: 10)
            digits.append(Character(String(Int(digit))))
            rest = (rest / 10).rounded(.towardZero)
        }
        let body = digits.isEmpty ? "0" : String(digits.reversed())
        return (value < 0 ? "-" : "") + body
    }
}
