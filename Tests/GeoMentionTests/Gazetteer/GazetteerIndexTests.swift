import Foundation
import Testing
@testable import GeoMention

@Suite struct GazetteerIndexTests {
    @Test func findsOldSpellingsOfTheSamePlace() throws {
        let gazetteer = try TestGazetteers.mini.get()
        for spelling in ["Kiev", "KIEV", "Kyiv", "Kyïv"] {
            let first = try #require(gazetteer.candidates(for: spelling).first)
            #expect(first.place.name == "Kyiv")
            #expect(first.place.geonameid == 703448)
            #expect(abs(first.place.latitude - 50.45466) < 0.00001)
            #expect(abs(first.place.longitude - 30.5238) < 0.00001)
            #expect(first.place.admin1Code == "UA-30")
        }
        #expect(gazetteer.candidates(for: "L'viv").first?.place.name == "Lviv")
    }

    @Test func bundledGazetteerLeavesOutAlternateNamesThatMeanSomethingElse() throws {
        let gazetteer = try TestGazetteers.world.get()
        // Richmond, Virginia, annexed a town called Manchester; the name is the English city's.
        let manchesters = gazetteer.candidates(for: "Manchester").map(\.place)
        #expect(manchesters.first?.countryCode == "GB")
        #expect(!manchesters.contains { $0.name == "Richmond" })
        // GeoNames lists "White House" (Dar al-Bayda) for Casablanca.
        #expect(!gazetteer.candidates(for: "White House").contains { $0.place.name == "Casablanca" })
        // An alternate name sharing a word with the place's own name stays: "Anyang" for
        // Anyang-si in Korea, though Anyang in China is larger.
        #expect(gazetteer.candidates(for: "Anyang").contains { $0.place.countryCode == "KR" })
    }

    @Test func caseSensitiveFormsMatchOnlyAsWritten() throws {
        let gazetteer = try TestGazetteers.mini.get()
        #expect(gazetteer.candidates(for: "US").map(\.place.countryCode) == ["US"])
        #expect(gazetteer.candidates(for: "U.S.").first?.form == .abbreviation)
        #expect(gazetteer.candidates(for: "usa").isEmpty)
        #expect(gazetteer.candidates(for: "USA").first?.place.name == "United States")
    }

    @Test func ranksCountryAboveSameNamedStateAndListsBoth() throws {
        let gazetteer = try TestGazetteers.mini.get()
        let georgia = gazetteer.search("Georgia")
        #expect(georgia.map(\.place.kind) == [.country, .admin1])
        #expect(gazetteer.search("Georgia", country: "US").map(\.place.admin1Code) == ["US-GA"])
        #expect(gazetteer.search("Georgia", kind: .country).map(\.place.countryCode) == ["GE"])
    }

    @Test func ranksCapitalParisAboveTexasParis() throws {
        let gazetteer = try TestGazetteers.mini.get()
        #expect(gazetteer.search("Paris").map(\.place.countryCode) == ["FR", "US"])
        #expect(gazetteer.search("Paris", limit: 1).count == 1)
    }

    @Test func marksDemonyms() throws {
        let gazetteer = try TestGazetteers.mini.get()
        let ukrainian = try #require(gazetteer.candidates(for: "Ukrainians").first)
        #expect(ukrainian.form == .demonym)
        #expect(ukrainian.place.kind == .country)
    }

    @Test func multiWordNamesMarkTheirPrefixes() throws {
        let gazetteer = try TestGazetteers.mini.get()
        let prefix = try #require(gazetteer.index.entry(forKey: "donets"))
        #expect(prefix.isPrefix)
        #expect(prefix.postings.isEmpty)
        let full = try #require(gazetteer.index.entry(forKey: "donets basin"))
        #expect(!full.isPrefix)
        #expect(gazetteer.place(at: gazetteer.index.postingPlace(full.postings.lowerBound)).name == "Donbas")
    }

    @Test func regionsCarryEveryCountryTheySpan() throws {
        let gazetteer = try TestGazetteers.mini.get()
        let donbas = try #require(gazetteer.candidates(for: "Donbass").first?.place)
        #expect(donbas.kind == .region)
        #expect(donbas.countries == ["UA", "RU"])
        #expect(donbas.radiusKm == 150)
        #expect(gazetteer.search("Donbas", country: "RU").count == 1)
    }

    @Test func resolvesCountriesAndFirstLevelCodes() throws {
        let gazetteer = try TestGazetteers.mini.get()
        #expect(gazetteer.country("ua")?.iso3 == "UKR")
        #expect(gazetteer.country("UA")?.numeric == 804)
        #expect(gazetteer.admin1Name(code: "US-GA") == "Georgia")
        #expect(gazetteer.adminPlace(code: "UA")?.name == "Ukraine")
    }

    @Test func rebuildsTheIndexWhenTheSourcesChange() throws {
        let folder = try TestGazetteers.miniCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let locator = GazetteerLocator(explicitPath: folder, environment: [:])
        #expect(try Gazetteer.load(locator: locator).candidates(for: "Lemberg").isEmpty)
        let names = try String(contentsOfFile: folder + "/names.tsv", encoding: .utf8)
        try (names + "Lemberg\tgn:702550\tname\tci\n").write(toFile: folder + "/names.tsv", atomically: true, encoding: .utf8)
        #expect(try Gazetteer.load(locator: locator).candidates(for: "Lemberg").first?.place.name == "Lviv")
        let indexes = try FileManager.default.contentsOfDirectory(atPath: folder + "/.index")
        #expect(indexes.filter { $0.hasSuffix(".idx") }.count == 1)
    }

    @Test func damagedIndexIsRebuilt() throws {
        let folder = try TestGazetteers.miniCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let locator = GazetteerLocator(explicitPath: folder, environment: [:])
        _ = try Gazetteer.load(locator: locator)
        let indexFolder = folder + "/.index"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: indexFolder).first)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: indexFolder + "/" + name))
        #expect(try Gazetteer.load(locator: locator).candidates(for: "Kiev").first?.place.name == "Kyiv")
    }

    @Test func malformedSourceNamesFileAndLine() throws {
        let folder = try TestGazetteers.miniCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let places = try String(contentsOfFile: folder + "/places.tsv", encoding: .utf8)
        try (places + "gn:1\t1\tcity\tNowhere\tUA\t\t\tnorth\t30\t0\tPPL\t0\t\n")
            .write(toFile: folder + "/places.tsv", atomically: true, encoding: .utf8)
        #expect(throws: GazetteerError.malformed(path: folder + "/places.tsv", line: 14, reason: "bad coordinates for gn:1")) {
            try Gazetteer.load(locator: GazetteerLocator(explicitPath: folder, environment: [:]))
        }
    }
}

@Suite struct WordTableTests {
    @Test func readsFrequenciesAndDictionaryKinds() throws {
        let gazetteer = try TestGazetteers.mini.get()
        let mobile = gazetteer.wordInfo("Mobile")
        #expect(mobile.zipf == 4.8)
        #expect(mobile.isLowerCaseWord && !mobile.isProperNoun)
        #expect(gazetteer.wordInfo("paris").isProperNoun)
    }

    @Test func readsGivenNamesAndSurnames() throws {
        let gazetteer = try TestGazetteers.mini.get()
        #expect(gazetteer.wordInfo("Georgia").isGivenName)
        #expect(abs(gazetteer.wordInfo("Georgia").givenNamePercent - 0.0455) < 0.0001)
        #expect(gazetteer.wordInfo("Jordan").isSurname)
        #expect(!gazetteer.wordInfo("Jordan").isGivenName)
        #expect(gazetteer.wordInfo("Zzyzx") == .unknown)
    }

    /// The coordinate rounding gives the bits of the library's `rounded()` on the floats where a
    /// shortcut would slip: those nearest each half of the fifth decimal, signed zeros and tiny
    /// values, values too large for the shortcut, and a million seeded random coordinates.
    @Test func coordinateRoundingMatchesTheLibraryRound() {
        func reference(_ value: Float) -> Double { (Double(value) * 100_000).rounded() / 100_000 }
        func same(_ value: Float) -> Bool {
            let fast = GazetteerIndex.rounded(value), slow = reference(value)
            return fast.bitPattern == slow.bitPattern || (fast.isNaN && slow.isNaN)
        }
        var values: [Float] = [0, -0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0.000_004_9, -0.000_004_9,
                               0.000_005, -0.000_005, 90, -90, 180, -180, 1e20, -1e20, .greatestFiniteMagnitude,
                               .infinity, -.infinity, .nan]
        for whole in stride(from: -40_000_000, through: 40_000_000, by: 99_991) {
            let half = Float((Double(whole) + 0.5) / 100_000)
            values += [half, half.nextUp, half.nextDown]
        }
        var state: UInt64 = 0x5EED
        for _ in 0..<1_000_000 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            mixed ^= mixed >> 31
            values.append(Float(Double(mixed >> 11) / Double(1 << 53) * 800 - 400))
        }
        let firstDiffering = Array(values.lazy.filter { !same($0) }.prefix(5))
        #expect(firstDiffering.isEmpty)
    }
}
