import Foundation
import Testing

/// `geomention lookup` end to end, on the bundled world gazetteer.
@Suite struct LookupCommandTests {
    private func lookup(_ arguments: String...) throws -> [[String: Any]] {
        let output = try CommandRunner.run(["lookup"] + arguments + ["--format", "json"])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let parsed = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8))
        return try #require(parsed as? [[String: Any]])
    }

    @Test func kievGivesKyiv() throws {
        let first = try #require(try lookup("Kiev").first)
        #expect(first["name"] as? String == "Kyiv")
        #expect(first["country"] as? String == "UA")
        #expect(first["kind"] as? String == "city")
        let lat = try #require(first["lat"] as? Double), lon = try #require(first["lon"] as? Double)
        #expect(abs(lat - 50.45) < 0.02 && abs(lon - 30.52) < 0.02)
        #expect(first["geonameid"] as? Int == 703448)
    }

    @Test func georgiaListsTheCountryAndTheUSState() throws {
        let rows = try lookup("Georgia")
        #expect(rows.contains { $0["kind"] as? String == "country" && $0["country"] as? String == "GE" })
        #expect(rows.contains { $0["kind"] as? String == "admin1" && $0["admin1"] as? String == "US-GA" })
    }

    @Test func springfieldListsAtLeastTen() throws {
        let rows = try lookup("Springfield", "--limit", "50")
        let named = rows.prefix { $0["name"] as? String == "Springfield" }
        #expect(named.count >= 10, "places named Springfield come before places that once had the name")
        #expect(Set(named.compactMap { $0["admin1"] as? String }).count >= 10)
    }

    @Test func abbreviationGivesTheUnitedStates() throws {
        for form in ["U.S.", "US", "USA"] {
            let first = try #require(try lookup(form).first)
            #expect(first["country"] as? String == "US")
            #expect(first["kind"] as? String == "country")
            #expect(first["form"] as? String == "abbreviation")
        }
    }

    @Test func russianGivesRussiaAsADemonym() throws {
        let first = try #require(try lookup("Russian").first)
        #expect(first["country"] as? String == "RU")
        #expect(first["kind"] as? String == "country")
        #expect(first["form"] as? String == "demonym")
    }

    @Test func donbasGivesTheCuratedRegion() throws {
        let first = try #require(try lookup("Donbas").first)
        #expect(first["kind"] as? String == "region")
        #expect((first["id"] as? String)?.hasPrefix("cur:") == true)
        #expect(first["geonameid"] is NSNull)
    }

    @Test func filtersByCountryAndKind() throws {
        let rows = try lookup("Paris", "--country", "US")
        #expect(!rows.isEmpty && rows.allSatisfy { $0["country"] as? String == "US" })
        let cities = try lookup("Georgia", "--kind", "admin1")
        #expect(!cities.isEmpty && cities.allSatisfy { $0["kind"] as? String == "admin1" })
    }

    @Test func textFormatIsATable() throws {
        let output = try CommandRunner.run(["lookup", "Lvov", "--limit", "1"])
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("Lviv"))
        #expect(output.standardOutput.hasPrefix("#"))
    }

    @Test func emptyNameIsAUsageError() throws {
        for name in ["", "   "] {
            let output = try CommandRunner.run(["lookup", name])
            #expect(output.status == 64)
            #expect(output.standardError.contains("must not be empty"))
        }
    }

    @Test func missingGazetteerNamesThePathTried() throws {
        let output = try CommandRunner.run(["lookup", "Kiev", "--gazetteer", "/nonexistent/gazetteer"])
        #expect(output.status == 66)
        #expect(output.standardError.contains("/nonexistent/gazetteer"))
        #expect(output.standardOutput.isEmpty)
    }
}
