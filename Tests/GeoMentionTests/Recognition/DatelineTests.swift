import Foundation
import Testing
@testable import GeoMention

/// Datelines and the qualifiers the linker attaches: "LVIV, Ukraine —", "PARIS, Texas (AP) —".
@Suite struct DatelineTests {
    @Test func capitalsDatelineWithCountryIsMarkedAndQualified() throws {
        let text = "LVIV, Ukraine — Air raid sirens sounded across the city on Tuesday."
        let parsed = try Engine.parse(text)
        #expect(parsed.writtenNames == ["LVIV", "Ukraine"])
        let lviv = parsed.mentions[0], ukraine = parsed.mentions[1]
        #expect((lviv.mention.start, lviv.mention.end) == (0, 4))
        #expect(lviv.mention.cues.contains(.dateline))
        #expect(lviv.mention.cues.contains(.capitalsContext))
        #expect(lviv.mention.qualifier == 1)
        #expect(ukraine.mention.cues.contains(.isQualifier))
        #expect(!ukraine.mention.cues.contains(.dateline))
        #expect(lviv.place?.name == "Lviv")
        #expect(lviv.place?.countryCode == "UA")
        #expect(isNear(lviv.place, latitude: 49.84, longitude: 24.03))
        #expect(lviv.reason.contains("dateline"))
        #expect(ukraine.place?.kind == .country && ukraine.place?.countryCode == "UA")
    }

    @Test func capitalsDatelineWithStateAndAgencyPicksTheTexasTown() throws {
        let text = "PARIS, Texas (AP) — The city council met on Monday to discuss the budget."
        let parsed = try Engine.parse(text)
        #expect(parsed.writtenNames == ["PARIS", "Texas"])
        let paris = try parsed.only("PARIS")
        #expect(paris.mention.cues.contains(.dateline))
        #expect(paris.mention.qualifier.map { parsed.mentions[$0].mention.text } == "Texas")
        let place = try #require(paris.place)
        #expect(place.countryCode == "US")
        #expect(place.admin1Code == "US-TX")
        #expect(isNear(place, latitude: 33.66, longitude: -95.56))
        #expect(paris.reason.contains("dateline"))
        #expect(paris.reason.contains("qualified by Texas"))
        #expect(try parsed.only("Texas").place?.kind == .admin1)
    }

    @Test func datelineAfterAnIntroductoryParagraphIsStillADateline() throws {
        let parsed = try Engine.parse("Morning briefing\n\nODESA, Ukraine — Ships left port before dawn.")
        let odesa = try parsed.only("ODESA")
        #expect(odesa.mention.cues.contains(.dateline))
        #expect(odesa.place?.name == "Odesa")
    }

    @Test(arguments: ["BEIRUT — Protests spread on Sunday.", "LONDON: Prices rose again in June."])
    func capitalsDatelineWithoutQualifierIsMarked(text: String) throws {
        let parsed = try Engine.parse(text)
        let first = try #require(parsed.mentions.first)
        #expect(first.mention.start == 0)
        #expect(first.mention.cues.contains(.dateline))
        #expect(first.mention.qualifier == nil)
        #expect(first.place?.isCapital == true)
    }

    @Test func placeAndStateInRunningTextIsQualifiedButNotADateline() throws {
        let parsed = try Engine.parse("Officials said Paris, Texas, is a small town.")
        let paris = try parsed.only("Paris")
        #expect(!paris.mention.cues.contains(.dateline))
        #expect(paris.mention.qualifier.map { parsed.mentions[$0].mention.text } == "Texas")
        #expect(paris.place?.admin1Code == "US-TX")
    }

    @Test func aListAfterACountryDoesNotQualifyIt() throws {
        // "Lviv" after "Ukraine, " may look like a qualifier, but no Lviv contains the country.
        let parsed = try Engine.parse("Aid went to Ukraine, Lviv and Kharkiv.")
        #expect(parsed.writtenNames == ["Ukraine", "Lviv", "Kharkiv"])
        let ukraine = try parsed.only("Ukraine")
        #expect(ukraine.place?.kind == .country && ukraine.place?.countryCode == "UA")
        #expect(!ukraine.reason.contains("qualified"))
        let lviv = try parsed.only("Lviv")
        #expect(lviv.place?.kind == .city && lviv.place?.name == "Lviv")
    }
}
