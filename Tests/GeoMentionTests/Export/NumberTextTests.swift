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
}
