import Testing
@testable import GeoMention

@Suite struct NameNormalizerTests {
    @Test(arguments: [
        ("Kiev", "kiev"),
        ("KIEV", "kiev"),
        ("U.S.", "us"),
        ("US", "us"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Cote d'Ivoire", "cote divoire"),
        ("Port-au-Prince", "port au prince"),
        ("  New   York\tCity ", "new york city"),
        ("Kyïv", "kyiv"),
        ("Łódź", "lodz"),
        ("São Paulo", "sao paulo"),
        ("Zürich", "zurich"),
        ("Straße", "strasse"),
        ("Tromsø", "tromso"),
        ("Xi'an", "xian"),
        ("Washington, D.C.", "washington dc"),
        ("Trinidad & Tobago", "trinidad & tobago"),
        ("Ukraine—Russia", "ukraine russia"),
    ])
    func normalizesCaseDiacriticsAndPunctuation(input: String, expected: String) {
        #expect(NameNormalizer.normalize(input) == expected)
    }

    @Test func keepsNonLatinScripts() {
        #expect(NameNormalizer.normalize("Київ") == "ки\u{456}в")  // ї loses its diaeresis
        #expect(NameNormalizer.normalize("東京") == "東京")
    }

    @Test func emptyAndPunctuationOnlyBecomeEmpty() {
        #expect(NameNormalizer.normalize("") == "")
        #expect(NameNormalizer.normalize(" - . ' ") == "")
    }

    @Test func appendSeparatesWithOneSpace() {
        var bytes: [UInt8] = []
        NameNormalizer.append("New", to: &bytes)
        NameNormalizer.append("York", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "new york")
    }
}
