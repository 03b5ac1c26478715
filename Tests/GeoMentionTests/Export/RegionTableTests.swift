import Foundation
import Testing
@testable import GeoMention

@Suite struct RegionTableTests {
    private var features: [MapFeature] {
        ExportSamples.features + [
            MapFeature(id: "doc-4#1", latitude: 36.202_105, longitude: 37.134_26, name: "Aleppo", mention: "Halab",
                       kind: "city", countryCode: "SY", countryCode3: "SYR", country: "Syria", admin1Code: "SY-02",
                       admin1: "Aleppo Governorate", geonameid: 170_063, mentions: 2),
            MapFeature(id: "doc-4#9", latitude: 39.9, longitude: 32.85, name: "Ankara, \"capital\"", kind: "city",
                       countryCode: "TR", countryCode3: "TUR", country: "Türkiye", admin1Code: "TR-06",
                       admin1: "Ankara", geonameid: 323_786, mentions: 1),
        ]
    }

    @Test func groupsByCountryRegionAndPlaceSortedByCount() {
        let table = RegionTable(features: features)
        #expect(table.countries.map(\.name) == ["Syria", "Türkiye"])
        #expect(table.countries.map(\.mentions) == [7, 3])
        let syria = table.countries[0]
        #expect(syria.regions.map(\.name) == ["Aleppo Governorate", "Damascus"])
        #expect(syria.regions[0].mentions == 6)
        #expect(syria.regions[0].places.map(\.name) == ["Aleppo", "Null <Island> & \"Co\""])
        #expect(syria.regions[0].places[0].mentions == 5)  // same geonameid merged across documents
        let turkey = table.countries[1]
        #expect(turkey.regions.map(\.name) == [KMLWriter.countryLevelFolderName, "Ankara"])
        #expect(turkey.regions[0].isCountryLevel)
        #expect(table.unresolvedMentions == 1)
        #expect(table.totalMentions == 10)
    }

    @Test func breaksCountTiesByName() {
        let table = RegionTable(features: [
            MapFeature(id: "a", latitude: 1, longitude: 1, name: "Zeta", countryCode: "ZZ", country: "Zland"),
            MapFeature(id: "b", latitude: 1, longitude: 1, name: "Alpha", countryCode: "AA", country: "Aland"),
        ])
        #expect(table.countries.map(\.name) == ["Aland", "Zland"])
    }

    @Test func formatsReadableText() {
        let text = RegionTable(features: features).text()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Place") && lines[0].hasSuffix("Mentions"))
        #expect(lines[2].hasPrefix("Syria (SY)") && lines[2].hasSuffix(" 7"))
        #expect(lines[3].hasPrefix("  Aleppo Governorate (SY-02)") && lines[3].hasSuffix(" 6"))
        #expect(lines[4].hasPrefix("    Aleppo ") && lines[4].contains("city") && lines[4].hasSuffix(" 5"))
        #expect(Set(lines.dropFirst(2).prefix(9).map(\.count)).count == 1)  // columns line up
        #expect(text.contains("Total mentions: 10; unresolved mentions not listed: 1"))
    }

    @Test func formatsJSONWithCodesCoordinatesAndPlaces() throws {
        let data = RegionTable(features: features).json()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["total_mentions"] as? Int == 10)
        let countries = try #require(object["countries"] as? [[String: Any]])
        #expect(countries.first?["country_code3"] as? String == "SYR")
        let regions = try #require(countries.first?["regions"] as? [[String: Any]])
        #expect(regions.first?["admin1_code"] as? String == "SY-02")
        let places = try #require(regions.first?["places"] as? [[String: Any]])
        #expect(places.first?["lat"] as? Double == 36.202105)
        #expect(places.first?["lon"] as? Double == 37.13426)
        #expect(places.first?["geonameid"] as? Int == 170_063)
        #expect(places.last?["name"] as? String == "Null <Island> & \"Co\"")
        let turkeyRegions = try #require(countries.last?["regions"] as? [[String: Any]])
        #expect(turkeyRegions.first?["country_level"] as? Bool == true)
        #expect(turkeyRegions.first?["admin1"] as? String == "")
        #expect(String(decoding: data, as: UTF8.self).contains("\"lat\": 36.202105"))
    }

    @Test func formatsCSVPerRFC4180() {
        let csv = RegionTable(features: features).csv()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "country_code,country,admin1_code,admin1,name,kind,geonameid,lat,lon,mentions")
        #expect(lines[1] == "SY,Syria,SY-02,Aleppo Governorate,Aleppo,city,170063,36.202105,37.134260,5")
        #expect(lines[2] == "SY,Syria,SY-02,Aleppo Governorate,\"Null <Island> & \"\"Co\"\"\",physical,,0.000000,0.000010,1")
        #expect(lines.contains("TR,Türkiye,TR-06,Ankara,\"Ankara, \"\"capital\"\"\",city,323786,39.900000,32.850000,1"))
        #expect(lines.last == "")
    }

    @Test func formatsMarkdownWithHeadingsAndEscapedCells() {
        let markdown = RegionTable(features: features).markdown()
        #expect(markdown.hasPrefix("# Places by region\n"))
        #expect(markdown.contains("\n## Syria (SY): 7 mentions\n"))
        #expect(markdown.contains("| Region | Place | Kind | Mentions | Latitude | Longitude |"))
        #expect(markdown.contains("| **Aleppo Governorate (SY-02)** | | | **6** | | |"))
        #expect(markdown.contains("| | Null \\<Island\\> \\& \"Co\" | physical | 1 | 0.000000 | 0.000010 |"))
        #expect(RegionTable.markdownEscaped("a|b\nc") == "a\\|b c")
    }
}
