import Testing
@testable import GeoMention

/// The spotter's table of Latin letters does what the name normaliser does, for every scalar it
/// covers and in every state the normaliser can be in.
@Suite struct LatinScalarFoldsTests {
    @Test func everyTabledScalarFoldsAsTheNormaliserFoldsIt() {
        var checked = 0
        for value in UInt32(0)..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for start in [[], [UInt8(ascii: "k")]] {
                for pending in [false, true] {
                    var expected = start, expectedPending = pending
                    NameNormalizer.appendScalar(scalar, to: &expected, pendingSpace: &expectedPending)
                    var folded = start, foldedPending = pending
                    LatinScalarFolds.append(scalar, to: &folded, pendingSpace: &foldedPending)
                    #expect(folded == expected && foldedPending == expectedPending, "U+\(String(value, radix: 16))")
                    checked += 1
                }
            }
        }
        #expect(checked == 0x300 * 4)
    }

    @Test func accentedNamesKeyAsTheirPlainSpelling() {
        func key(_ text: String) -> [UInt8] {
            var out: [UInt8] = [], pending = false
            for scalar in text.unicodeScalars { LatinScalarFolds.append(scalar, to: &out, pendingSpace: &pending) }
            return out
        }
        #expect(key("Zürich") == Array("zurich".utf8))
        #expect(key("Kraków") == Array("krakow".utf8))
    }
}
