import Foundation
import Testing

/// `geomention regions` end to end on the team's fixture dispatch.
@Suite struct RegionsCommandTests {
    private func regions(_ format: String) throws -> CommandRunner.Output {
        let output = try CommandRunner.run(["regions", LayerFixtures.dispatch.path, "--format", format])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        return output
    }

    @Test func textIsAnIndentedTableSortedByCount() throws {
        let text = try regions("text").standardOutput
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Place") == true)
        let ukraine = try #require(lines.firstIndex { $0.hasPrefix("Ukraine (UA)") })
        let poland = try #require(lines.firstIndex { $0.hasPrefix("Poland (PL)") })
        #expect(ukraine < poland)
        #expect(lines[ukraine].hasSuffix(" 6"))
        #expect(lines.contains { $0.hasPrefix("  Kharkiv Oblast (UA-63)") })
        #expect(lines.contains { $0.hasPrefix("    Kharkiv ") && $0.hasSuffix(" 2") })
        #expect(text.contains("Total mentions: 9"))
    }

    @Test func jsonCarriesCodesAndCoordinates() throws {
        let data = Data(try regions("json").standardOutput.utf8)
        let table = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(table["total_mentions"] as? Int == 9)
        let countries = try #require(table["countries"] as? [[String: Any]])
        #expect(countries.first?["country_code"] as? String == "UA")
        #expect(countries.first?["country_code3"] as? String == "UKR")
        let regions = try #require(countries.first?["regions"] as? [[String: Any]])
        let kharkiv = try #require(regions.first { $0["admin1_code"] as? String == "UA-63" })
        let place = try #require((kharkiv["places"] as? [[String: Any]])?.first)
        #expect(place["name"] as? String == "Kharkiv")
        #expect(abs((place["lat"] as? Double ?? 0) - 49.98) < 0.05 && abs((place["lon"] as? Double ?? 0) - 36.25) < 0.05)
    }

    @Test func csvHasOneRowPerPlace() throws {
        let csv = try regions("csv").standardOutput
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "country_code,country,admin1_code,admin1,name,kind,geonameid,lat,lon,mentions")
        #expect(rows.count == 8)
        #expect(rows.contains { $0.hasPrefix("UA,Ukraine,UA-63,Kharkiv Oblast,Kharkiv,city,706483,") && $0.hasSuffix(",2") })
    }

    @Test func markdownHasAHeadingPerCountry() throws {
        let markdown = try regions("markdown").standardOutput
        #expect(markdown.hasPrefix("# Places by region\n"))
        #expect(markdown.contains("## Ukraine (UA): 6 mentions"))
        #expect(markdown.contains("## Belgium (BE): 1 mentions"))
        #expect(markdown.contains("| | Kharkiv | city | 2 |"))
    }

    @Test func missingInputExits66() throws {
        let output = try CommandRunner.run(["regions", "/nonexistent/news.txt"])
        #expect(output.status == 66)
        #expect(output.standardError.contains("/nonexistent/news.txt"))
    }
}
