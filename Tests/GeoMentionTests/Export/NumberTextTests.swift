import Testing
@testable import GeoMention

@Suite struct NumberTextTests {
    @Test(arguments: [
        (1e-5, "0.000010"), (-0.000_000_4, "0.000000"), (37.134_26, "37.134260"), (-122.419_415_5, "-122.419416"),
        (180, "180.000000"), (-0.5, "-0.500000"), (0.000_000_5, "0.000001"),
    ])
    func formatsSixFixedDecimals(value: Double, expected: String) {
        #expect(NumberText.fixed(value) == expected)
    }

    @Test func refusesNonFiniteValues() {
        #expect(NumberText.fixed(.nan) == nil)
        #expect(NumberText.fixed(.infinity) == nil)
        #expect(NumberText.compact(-.infinity) == nil)
    }

    @Test func compactDropsTrailingZeros() {
        #expect(NumberText.compact(0.85) == "0.85")
        #expect(NumberText.compact(2) == "2")
        #expect(NumberText.compact(-0.000_000_1) == "0")
        #expect(NumberText.compact(1e20) == "100000000000000000000")
    }

    @Test func compactMatchesTrimmedFixedDecimals() {
        var state: UInt64 = 12345
        for step in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let unit = Double(state >> 11) / Double(1 << 53)
            let scale = [1e-7, 1e-3, 1.0, 180.0, 1e6, 1e13][step % 6]
            let value = (unit - 0.5) * 2 * scale
            let rounded = (value * 1000).rounded() / 1000
            for candidate in [value, rounded, -rounded] {
                #expect(NumberText.compact(candidate) == NumberText.trimmed(NumberText.fixed(candidate)!))
            }
        }
    }

    @Test func digitsMatchTheDescriptionAndPadToTheMinimumCount() {
        func digits(_ value: UInt64, minimumCount: Int = 1) -> String {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { storage in
                var cursor = ByteCursor(storage)
                cursor.writeDigits(value, minimumCount: minimumCount)
                return String(decoding: UnsafeBufferPointer(rebasing: storage[..<cursor.count]), as: UTF8.self)
            }
        }
        var values: [UInt64] = [0, 7, .max, .max - 1]
        var power: UInt64 = 1
        for _ in 0..<19 {
            power *= 10
            values += [power - 1, power, power + 1]
        }
        for value in values {
            #expect(digits(value) == String(value))
        }
        #expect(digits(5, minimumCount: 4) == "0005")
        #expect(digits(42, minimumCount: 2) == "42")
        #expect(digits(123, minimumCount: 6) == "000123")
        #expect(digits(0, minimumCount: 3) == "000")
    }

    @Test func jsonStringCopiesPlainTextAndEscapesTheRest() {
        #expect(TextEscaping.jsonString("Kyiv") == "\"Kyiv\"")
        #expect(TextEscaping.jsonString("Zürich — \u{2028}") == "\"Zürich — \\u2028\"")
        #expect(TextEscaping.jsonString("a\"b\\c\nd\u{7F}") == "\"a\\\"b\\\\c\\nd\\u007f\"")
    }
}
