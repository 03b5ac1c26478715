import Foundation
import Testing
@testable import GeoMention

/// The hard filters and the recognition model: what only looks like a place is not reported.
@Suite struct MentionFilterTests {
    // MARK: Hard rules (spotted, then dropped by the filter)

    @Test(arguments: [
        ("President Jordan spoke to reporters on Tuesday.", "Jordan"),
        ("Officials said Gov. Lincoln would sign the bill.", "Lincoln"),
        ("The actress Georgia May Jagger attended the premiere.", "Georgia"),
    ])
    func nameAfterAPersonsTitleIsDropped(sentence: String, name: String) throws {
        #expect(try Engine.spot(sentence).contains { $0.text.hasPrefix(name) }, "the spotter sees the name")
        #expect(try !Engine.spotAndFilter(sentence).contains { $0.text.hasPrefix(name) })
        #expect(try Engine.parse(sentence).mentions(writtenAs: name).isEmpty)
    }

    @Test(arguments: [
        "The vote is set for May and the results are due in March.",
        "On Monday, May 3, the court sat again.",
    ])
    func monthAndDayNamesAreDropped(sentence: String) throws {
        let spotted = try Engine.spotAndFilter(sentence)
        for word in ["May", "March", "Monday"] {
            #expect(!spotted.contains { $0.text == word }, "\(word) kept")
        }
        #expect(try Engine.parse(sentence).mentions.isEmpty)
    }

    @Test func currencyAfterACountryAbbreviationIsNotAPlace() throws {
        let sentence = "The deal was worth US$460 million, officials said."
        #expect(try Engine.spot(sentence).contains { $0.text == "US" }, "the spotter sees US")
        #expect(try Engine.spotAndFilter(sentence).isEmpty)
        #expect(try Engine.parse(sentence).mentions.isEmpty)
    }

    @Test func countryAbbreviationBeforeASpacedAmountIsStillAPlace() throws {
        let parsed = try Engine.parse("Exports to the US rose to $460 million.")
        let us = try parsed.only("US")
        #expect(us.place?.countryCode == "US")
        #expect(us.form == .abbreviation)
    }

    @Test(arguments: [
        "Most residents spoke French at home.",
        "The school teaches in English and in Welsh.",
        "Many English-speaking visitors arrived.",
    ])
    func adjectivalUsedAsALanguageIsNotAPlace(sentence: String) throws {
        let parsed = try Engine.parse(sentence)
        #expect(!parsed.mentions.contains { $0.form == .demonym }, "kept: \(parsed.writtenNames)")
    }

    @Test func adjectivalBeforeANounIsADemonymWithThePlacesCoordinates() throws {
        let parsed = try Engine.parse("French troops crossed the border.")
        let french = try parsed.only("French")
        #expect(french.form == .demonym)
        let place = try #require(french.place)
        #expect(place.countryCode == "FR")
        #expect(place.kind == .country)
        #expect(isNear(place, latitude: 46, longitude: 2, within: 3))
    }

    @Test func pluralDemonymRefersToItsCountry() throws {
        let parsed = try Engine.parse("Americans and Ukrainians met in Warsaw.")
        #expect(try parsed.only("Americans").place?.countryCode == "US")
        #expect(try parsed.only("Ukrainians").place?.countryCode == "UA")
        #expect(parsed.mentions.filter { $0.form == .demonym }.count == 2)
        #expect(try parsed.only("Warsaw").form == .name)
    }

    @Test func withoutDemonymsOnlyNamesRemain() throws {
        let sentence = "French troops and Russian officers met in Warsaw."
        let with = try Engine.parse(sentence)
        #expect(with.writtenNames == ["French", "Russian", "Warsaw"])
        let without = try Engine.parse(sentence, demonyms: false)
        #expect(without.writtenNames == ["Warsaw"])
        #expect(without.mentions.allSatisfy { $0.form != .demonym })
        #expect(try without.only("Warsaw").place?.countryCode == "PL")
    }

    @Test func companyLegalFormIsNoPlace() throws {
        let parsed = try Engine.parse("Nestle SA rose 2 percent in Zurich, and Philips NV cut jobs in Eindhoven.")
        #expect(parsed.writtenNames == ["Zurich", "Eindhoven"])
    }

    @Test func commonWordOpeningAnOrganisationIsNoPlace() throws {
        let parsed = try Engine.parse("Figures from the Centre for Monitoring Indian Economy were cited in Mumbai.")
        #expect(!parsed.writtenNames.contains("Centre"))
        #expect(parsed.writtenNames.contains("Mumbai"))
        // A place's name before "for" stays a place.
        let trip = try Engine.parse("The president left Washington for Camp David on Friday.")
        #expect(trip.writtenNames.first == "Washington")
    }

    @Test func legalFormsAreShortEnoughForTheFiltersLengthTest() {
        #expect(RecognitionLexicon.legalForms.allSatisfy { $0.utf8.count <= 4 })
    }

    @Test func legalFormSpellingAPlaceStillNamesIt() throws {
        // After a place ("Adelaide, SA") or a common word opening the sentence, "SA" is a place.
        let australian = try Engine.parse("Wine makers in Adelaide, SA, said the harvest was early.")
        #expect(try australian.only("SA").place?.admin1Code == "AU-SA")
        let african = try Engine.parse("Millions of South Africans work in mining. That SA holds the largest platinum reserves is known.")
        #expect(try african.only("SA").place?.countryCode == "ZA")
    }

    @Test func withoutDemonymsNoNameReadsAsADemonym() throws {
        // "Canadian" is also a town in Texas; without demonyms it may be the town, never Canada.
        let sentence = "A Canadian who returned from Mexico in April fell ill, a Chadian official said."
        #expect(try Engine.parse(sentence).mentions.contains { $0.form == .demonym })
        let without = try Engine.parse(sentence, demonyms: false)
        #expect(!without.mentions.contains { $0.form == .demonym })
        #expect(!without.mentions.contains { ["CA", "TD"].contains($0.place?.countryCode) && $0.place?.kind == .country })
        #expect(try without.only("Mexico").place?.countryCode == "MX")
    }

    // MARK: Weighed by the model

    @Test(arguments: [
        "Reporters followed Paris Hilton down the street.",
        "Mobile phones were banned in the courtroom.",
        "The engineer was reading the gauges when Reading fans began to sing.",
        "The Nice weather brought crowds to the beach.",
        "Most residents stayed indoors.",
    ])
    func wordsThatOnlyLookLikePlacesAreNotReported(sentence: String) throws {
        let parsed = try Engine.parse(sentence)
        #expect(parsed.mentions.isEmpty, "kept: \(parsed.writtenNames)")
    }

    @Test(arguments: [
        "Michael Jordan scored 40 points on Friday.",
        "Chad Johnson said he would resign.",
        "Lawyers for Kimberly Dallas said she would appeal.",
        "Sources told Jordan Henderson the deal was off.",
    ])
    func peopleNamedLikePlacesAreNotReported(sentence: String) throws {
        let parsed = try Engine.parse(sentence)
        #expect(parsed.mentions.isEmpty, "kept: \(parsed.writtenNames)")
    }

    @Test func theSameWordsAreReportedWhenQualifiedAsPlaces() throws {
        let parsed = try Engine.parse("Residents of Mobile, Alabama, and Reading, Pennsylvania, voted on Tuesday.")
        #expect(parsed.writtenNames == ["Mobile", "Alabama", "Reading", "Pennsylvania"])
        #expect(try parsed.only("Mobile").place?.admin1Code == "US-AL")
        #expect(try parsed.only("Reading").place?.admin1Code == "US-PA")
    }

    @Test func personNamedLikeAPlaceLeavesRealPlacesAlone() throws {
        let parsed = try Engine.parse("Paris Hilton arrived in Los Angeles on Friday.")
        #expect(parsed.writtenNames == ["Los Angeles"])
        #expect(try parsed.only("Los Angeles").place?.admin1Code == "US-CA")
    }
}
