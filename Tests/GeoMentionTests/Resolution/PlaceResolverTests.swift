import Foundation
import Testing
@testable import GeoMention

/// The resolver: which place the writer meant, from qualifiers, the document and prominence.
@Suite struct PlaceResolverTests {
    // MARK: Qualifiers

    struct Qualified: Sendable, CustomTestStringConvertible {
        let sentence: String
        let name: String
        let country: String
        let admin1: String?
        var testDescription: String { sentence }
    }

    @Test(arguments: [
        Qualified(sentence: "Officials said Paris, Texas, is a small town.", name: "Paris", country: "US", admin1: "US-TX"),
        Qualified(sentence: "Police in Springfield, Ill., said the road was closed.", name: "Springfield", country: "US",
                  admin1: "US-IL"),
        Qualified(sentence: "Shelling hit Rivne, Ukraine, overnight.", name: "Rivne", country: "UA", admin1: "UA-56"),
        Qualified(sentence: "Police in Portland, Maine, said the roads were icy.", name: "Portland", country: "US",
                  admin1: "US-ME"),
    ])
    func qualifierAfterACommaChoosesThePlaceItContains(case qualified: Qualified) throws {
        let parsed = try Engine.parse(qualified.sentence)
        let mention = try parsed.only(qualified.name)
        let place = try #require(mention.place)
        #expect(place.kind == .city)
        #expect(place.countryCode == qualified.country)
        if let admin1 = qualified.admin1 { #expect(place.admin1Code == admin1) }
        #expect(mention.reason.contains("qualified by"))
    }

    @Test func qualifierReadsAsTheUnitHoldingTheTownItQualifies() throws {
        // Alone, "Washington" is the capital; after "Tacoma," it is the state that holds Tacoma.
        let parsed = try Engine.parse("Bakers in Tacoma, Washington, sold out before noon. Lawmakers in Washington voted.")
        let washingtons = parsed.mentions.filter { $0.mention.text == "Washington" }
        #expect(washingtons.count == 2)
        let state = try #require(washingtons.first?.place)
        #expect(state.kind == .admin1 && state.admin1Code == "US-WA")
        #expect(washingtons.first?.reason.contains("qualifies Tacoma") == true)
        #expect(washingtons.last?.place?.admin1Code == "US-DC")
    }

    @Test func cityNamedAfterItsDistrictStaysTheCity() throws {
        // "Queens, New York": the borough is a district of the city, which holds it as the state does.
        let parsed = try Engine.parse("Nurses in Queens, New York, worked double shifts.")
        let place = try #require(try parsed.only("New York").place)
        #expect(place.kind == .city)
        #expect(isNear(place, latitude: 40.71, longitude: -74.01))
    }

    @Test func oceanInAStoryAboutOneCountryStaysTheOcean() throws {
        // Towns named Atlantic lie in the United States; the ocean lies in no one country.
        let story = "Storms formed early in the tropical Atlantic, forecasters at Colorado State University said. "
            + "Hurricane season in the Atlantic starts June 1, and Florida and Texas are preparing."
        let parsed = try Engine.parse(story)
        let atlantics = parsed.mentions.filter { $0.mention.text == "Atlantic" }
        #expect(atlantics.count == 2)
        #expect(atlantics.allSatisfy { $0.place?.kind == .physical && $0.place?.countryCode == "" })
    }

    @Test func qualifiedTownsAreNearTheirRealCoordinates() throws {
        let parsed = try Engine.parse("Officials in Paris, Texas, and Springfield, Ill., signed the letter.")
        #expect(isNear(try parsed.only("Paris").place, latitude: 33.66, longitude: -95.56))
        #expect(isNear(try parsed.only("Springfield").place, latitude: 39.80, longitude: -89.64))
    }

    @Test func twoQualifiedMentionsOfOneNameKeepTheirOwnPlaces() throws {
        let parsed = try Engine.parse("Springfield, Mass., and Springfield, Ill., both held votes on Tuesday.")
        let springfields = parsed.mentions(writtenAs: "Springfield")
        #expect(springfields.map { $0.place?.admin1Code } == ["US-MA", "US-IL"])
    }

    // MARK: Document context

    @Test func ambiguousNameFollowsTheStatesTheStoryIsAbout() throws {
        let story = """
        The council in Tyler met on Monday. Officials in Dallas and Waco agreed to share the cost.
        In Paris, the mayor said the plan would go ahead next spring.
        """
        let parsed = try Engine.parse(story)
        let paris = try parsed.only("Paris")
        #expect(paris.place?.countryCode == "US")
        #expect(paris.place?.admin1Code == "US-TX")
        #expect(isNear(paris.place, latitude: 33.66, longitude: -95.56))
        #expect(parsed.mentions.allSatisfy { $0.place?.admin1Code == "US-TX" })
    }

    @Test func ambiguousNameInAStoryAboutFranceStaysInFrance() throws {
        let story = """
        The French government met on Monday. Officials in Lyon and Marseille agreed to share the cost.
        In Paris, the president said the plan would go ahead next spring.
        """
        let parsed = try Engine.parse(story)
        let paris = try parsed.only("Paris")
        #expect(paris.place?.countryCode == "FR")
        #expect(paris.place?.isCapital == true)
        #expect(isNear(paris.place, latitude: 48.86, longitude: 2.35))
    }

    @Test func ambiguousNameWithoutContextIsTheMostProminentPlace() throws {
        let parsed = try Engine.parse("Tourists returned to Paris on Sunday.")
        let paris = try parsed.only("Paris")
        #expect(paris.place?.countryCode == "FR")
        #expect(paris.reason.hasPrefix("most prominent of"))
    }

    @Test func nearbyTownsPullAnAmbiguousCityToTheirState() throws {
        let parsed = try Engine.parse("Police in Portland said the roads were icy. Officials in Salem and Eugene agreed.")
        #expect(try parsed.only("Portland").place?.admin1Code == "US-OR")
    }

    // MARK: One sense per name

    @Test func everyMentionOfANameGetsTheSamePlace() throws {
        let story = """
        The mayor of Springfield spoke on Monday. Voters in Springfield, Ill., agreed with him,
        and Springfield residents cheered the result.
        """
        let parsed = try Engine.parse(story)
        let springfields = parsed.mentions(writtenAs: "Springfield")
        #expect(springfields.count == 3)
        #expect(Set(springfields.compactMap { $0.place?.geonameid }).count == 1)
        #expect(springfields.allSatisfy { $0.place?.admin1Code == "US-IL" })
    }

    @Test func repeatedNameWithoutQualifierKeepsOneSense() throws {
        let parsed = try Engine.parse("Paris was quiet. Tourists returned to Paris on Sunday, and Paris hotels filled up.")
        let all = parsed.mentions(writtenAs: "Paris")
        #expect(all.count == 3)
        #expect(Set(all.compactMap { $0.place?.index }).count == 1)
    }

    // MARK: Seat and unit

    @Test(arguments: [
        ("Rockets hit Mykolaiv overnight.", "Mykolaiv", "UA"),
        ("Ferries to Istanbul were cancelled.", "Istanbul", "TR"),
        ("Trains to Kharkiv were delayed.", "Kharkiv", "UA"),
    ])
    func unitNamedLikeItsSeatMeansTheCity(sentence: String, name: String, country: String) throws {
        let mention = try Engine.parse(sentence).only(name)
        #expect(mention.place?.kind == .city)
        #expect(mention.place?.countryCode == country)
    }

    @Test func unitWrittenWithItsKindMeansTheUnit() throws {
        let parsed = try Engine.parse("Rockets hit Mykolaiv overnight. The governor of Mykolaiv Oblast said two people were hurt.")
        #expect(parsed.writtenNames == ["Mykolaiv", "Mykolaiv Oblast"])
        let city = try parsed.only("Mykolaiv"), oblast = try parsed.only("Mykolaiv Oblast")
        #expect(city.place?.kind == .city)
        #expect(isNear(city.place, latitude: 46.97, longitude: 32.00))
        #expect(oblast.place?.kind == .admin1)
        #expect(oblast.place?.admin1Code == city.place?.admin1Code)
    }

    @Test func provinceAndItsCityInOneSentence() throws {
        let parsed = try Engine.parse("Smoke rose over Istanbul Province as firefighters worked outside Istanbul.")
        #expect(try parsed.only("Istanbul Province").place?.kind == .admin1)
        #expect(try parsed.only("Istanbul").place?.kind == .city)
    }

    // MARK: Countries and states

    @Test func georgiaInAStoryAboutTbilisiIsTheCountry() throws {
        let parsed = try Engine.parse("Protesters gathered in Tbilisi on Sunday. Georgia has applied to join the European Union.")
        let georgia = try parsed.only("Georgia")
        #expect(georgia.place?.kind == .country)
        #expect(georgia.place?.countryCode == "GE")
    }

    @Test func georgiaInAStoryAboutAtlantaMaconAndSavannahIsTheState() throws {
        let story = """
        Storms hit Atlanta, Macon and Savannah on Monday. Georgia officials opened shelters,
        and schools across Georgia closed.
        """
        let parsed = try Engine.parse(story)
        let georgias = parsed.mentions(writtenAs: "Georgia")
        #expect(georgias.count == 2)
        #expect(georgias.allSatisfy { $0.place?.kind == .admin1 && $0.place?.admin1Code == "US-GA" })
        #expect(try parsed.only("Savannah").place?.admin1Code == "US-GA")
    }

    @Test func stateAbbreviationAfterADatelineCityMeansTheState() throws {
        let parsed = try Engine.parse("Atlanta, Ga. — Storms hit Savannah. Georgia officials opened shelters.")
        #expect(try parsed.only("Ga.").place?.admin1Code == "US-GA")
        #expect(try parsed.only("Georgia").place?.admin1Code == "US-GA")
    }

    // MARK: Confidence and reasons

    @Test(arguments: [
        "LVIV, Ukraine — Air raid sirens sounded. Shelling hit Rivne and Kiev, and Russian forces moved north.",
        "The council in Tyler met on Monday. Officials in Dallas, Waco and Paris agreed.",
        "Americans, the UK and the U.S. Navy met in the Gulf of Mexico near Springfield, Ill.",
        "Storms hit Atlanta and Savannah. Georgia declared an emergency, as did Springfield and Portland.",
    ])
    func everyResolvedMentionHasAConfidenceAndAReason(text: String) throws {
        let parsed = try Engine.parse(text)
        #expect(!parsed.mentions.isEmpty)
        for resolved in parsed.mentions {
            #expect((0...1).contains(resolved.confidence), "\(resolved.mention.text): \(resolved.confidence)")
            #expect(!resolved.reason.isEmpty, "\(resolved.mention.text) has no reason")
            #expect(resolved.place != nil, "\(resolved.mention.text) unresolved")
        }
    }

    @Test func qualifiedMentionIsMoreConfidentThanABareOne() throws {
        let bare = try Engine.parse("The mayor of Springfield spoke on Monday.").only("Springfield")
        let qualified = try Engine.parse("The mayor of Springfield, Ill., spoke on Monday.").only("Springfield")
        #expect(qualified.confidence > bare.confidence)
    }

    // MARK: Names without a place

    @Test func unresolvableMentionIsReportedWithoutEmptyingTheDocument() throws {
        let gazetteer = try Engine.gazetteer()
        var mentions = try Engine.spotAndFilter("Flooding hit Kharkiv and Lviv on Monday.")
        #expect(mentions.map(\.text) == ["Kharkiv", "Lviv"])
        // A name the gazetteer no longer offers any place for, between the two.
        var orphan = mentions[0]
        orphan.text = "Zorblaxville"
        orphan.key = "zorblaxville"
        orphan.candidates = []
        mentions.insert(orphan, at: 1)
        let resolved = PlaceResolver(index: gazetteer.index, model: gazetteer.resolverModel).resolve(mentions)
        #expect(resolved.count == 3)
        #expect(resolved[1].place == nil)
        #expect(resolved[1].confidence == 0)
        #expect(!resolved[1].reason.isEmpty)
        #expect(resolved[0].place?.name == "Kharkiv")
        #expect(resolved[2].place?.name == "Lviv")
        #expect(resolved[0].confidence > 0 && resolved[2].confidence > 0)
    }

    @Test func unknownWordsLeaveTheKnownPlacesAlone() throws {
        let parsed = try Engine.parse("Flooding hit Zorblaxville and Kharkiv on Monday, and Quenthorpe Vale later.")
        #expect(parsed.writtenNames == ["Kharkiv"])
        #expect(try parsed.only("Kharkiv").place?.countryCode == "UA")
    }

    @Test func emptyDocumentHasNoMentions() throws {
        #expect(try Engine.parse("").mentions.isEmpty)
        let gazetteer = try Engine.gazetteer()
        #expect(PlaceResolver(index: gazetteer.index, model: gazetteer.resolverModel).resolve([]).isEmpty)
    }
}
