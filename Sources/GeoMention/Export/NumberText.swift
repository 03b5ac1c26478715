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
        guard value.isFinite else { return nil }
        let scaled = (value * 1_000_000).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9.0e18 else { return trimmed(fixed(value, decimals: 6)!) }
        // The same digits as `fixed(value, decimals: 6)` with trailing zeros dropped, built
        // from the integers instead of trimming a string (this runs for every coordinate written).
        let units = Int64(scaled)
        let magnitude = units.magnitude
        let whole = magnitude / 1_000_000
        var fraction = magnitude % 1_000_000
        let sign = units < 0 ? "-" : ""
        guard fraction > 0 else { return whole == 0 ? "0" : sign + String(whole) }
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
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
