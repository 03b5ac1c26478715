import Testing
@testable import GeoMention

/// Names that are places by their form but unknown to the gazetteer are reported without
/// coordinates, never dropped.
@Suite struct UnknownPlaceFinderTests {
    @Test func riverUnknownToTheGazetteerIsReportedWithoutCoordinates() throws {
        let parsed = try Engine.parse("The author will speak about paddling the Zorvask River on Monday.")
        let river = try #require(parsed.mentions.first { $0.mention.text == "Zorvask River" })
        #expect(river.place == nil)
        #expect(river.confidence == 0)
        #expect(river.reason == "not in the gazetteer")
        #expect(river.mention.start == 41 && river.mention.end == 54)
    }

    @Test func leadingFeatureWordsMarkPlacesToo() throws {
        let parsed = try Engine.parse("Soldiers returned to Fort Quendrill after a week near Lake Vaskov.")
        let unknown = parsed.mentions.filter { $0.place == nil }.map(\.mention.text)
        #expect(unknown == ["Fort Quendrill", "Lake Vaskov"])
    }

    @Test func phrasesThatOnlyLookLikePlacesAreLeftOut() throws {
        let parsed = try Engine.parse("Rising River levels worried crews. Tickets for the River Concert Series sold out. "
            + "Miss Zorvask County was crowned.")
        #expect(parsed.mentions.allSatisfy { $0.place != nil })
    }

    @Test func unknownPlacesLeaveKnownPlacesResolved() throws {
        let parsed = try Engine.parse("Flooding on the Zorvask River reached Kharkiv.")
        #expect(parsed.mentions.map(\.mention.text) == ["Zorvask River", "Kharkiv"])
        #expect(try #require(parsed.mentions.last).place?.countryCode == "UA")
    }
}
