import Foundation
import Testing
@testable import GeoMention

/// The spotter: which stretches of text it reads as gazetteer names, and where they lie.
@Suite struct MentionSpotterTests {
    // MARK: Multi-word, hyphenated and possessive names

    @Test(arguments: [
        ("Flights from New York City resumed on Friday.", "New York City"),
        ("Aid reached Port-au-Prince by road.", "Port-au-Prince"),
        ("The storm moved across the Gulf of Mexico overnight.", "Gulf of Mexico"),
    ])
    func takesTheLongestMultiWordName(sentence: String, name: String) throws {
        let spotted = try Engine.spot(sentence)
        #expect(spotted.map(\.text) == [name])
        let mention = try #require(spotted.first)
        #expect(Engine.scalars(of: sentence, mention.start, mention.end) == name)
    }

    @Test func multiWordNamesResolveToTheWholePlace() throws {
        let parsed = try Engine.parse("Flights from New York City landed in Port-au-Prince after crossing the Gulf of Mexico.")
        #expect(parsed.writtenNames == ["New York City", "Port-au-Prince", "Gulf of Mexico"])
        let city = try parsed.only("New York City")
        #expect(city.place?.kind == .city)
        #expect(city.place?.admin1Code == "US-NY")
        #expect(isNear(city.place, latitude: 40.71, longitude: -74.01))
        let capital = try parsed.only("Port-au-Prince")
        #expect(capital.place?.countryCode == "HT")
        #expect(isNear(capital.place, latitude: 18.54, longitude: -72.34))
        let gulf = try parsed.only("Gulf of Mexico")
        #expect(gulf.place?.kind == .physical)
        #expect(gulf.place?.name == "Gulf of Mexico")
    }

    @Test func hyphenatedPairGivesBothPlaces() throws {
        let text = "The Ukraine-Russia talks stalled again."
        let parsed = try Engine.parse(text)
        #expect(parsed.writtenNames == ["Ukraine", "Russia"])
        let ukraine = try parsed.only("Ukraine"), russia = try parsed.only("Russia")
        #expect((ukraine.mention.start, ukraine.mention.end) == (4, 11))
        #expect((russia.mention.start, russia.mention.end) == (12, 18))
        #expect(ukraine.place?.countryCode == "UA" && ukraine.place?.kind == .country)
        #expect(russia.place?.countryCode == "RU" && russia.place?.kind == .country)
    }

    @Test func prefixedHyphenatedNameGivesThePlace() throws {
        let parsed = try Engine.parse("Officials met pro-Russia groups in the east.")
        let russia = try parsed.only("Russia")
        #expect(russia.place?.countryCode == "RU")
        #expect(Engine.scalars(of: parsed.document.text, russia.mention.start, russia.mention.end) == "Russia")
    }

    @Test(arguments: ["Jordan's king met officials on Monday.", "Jordan’s king met officials on Monday."])
    func possessiveLeavesTheApostropheOutOfTheSpan(sentence: String) throws {
        let parsed = try Engine.parse(sentence)
        let jordan = try parsed.only("Jordan")
        #expect((jordan.mention.start, jordan.mention.end) == (0, 6))
        #expect(jordan.place?.countryCode == "JO")
        #expect(jordan.place?.kind == .country)
    }

    @Test(arguments: [
        ("Ferries to St. John's were cancelled.", "St. John's", "CA"),
        ("Ferries to St. John’s were cancelled.", "St. John’s", "CA"),
        ("Envoys of the Democratic People's Republic of Korea arrived.", "Democratic People's Republic of Korea", "KP"),
        ("Officials of the People's Republic of China arrived.", "People's Republic of China", "CN"),
    ])
    func nameSpelledWithAPossessiveKeepsIt(sentence: String, name: String, country: String) throws {
        let parsed = try Engine.parse(sentence)
        let mention = try parsed.only(name)
        #expect(Engine.scalars(of: sentence, mention.mention.start, mention.mention.end) == name)
        #expect(mention.place?.countryCode == country)
    }

    @Test func possessiveOfAPlaceIsThePlaceEvenWhenAVillageIsSpelledWithTheS() throws {
        // "Canadas" is a village too; "Canada's economy" is Canada's.
        let parsed = try Engine.parse("Canada's economy grew, and Paris's mayor said so.")
        #expect(parsed.writtenNames == ["Canada", "Paris"])
        #expect(try parsed.only("Canada").place?.kind == .country)
    }

    // MARK: Old and transliterated spellings

    struct Spelling: Sendable, CustomTestStringConvertible {
        let written: String
        let name: String
        let latitude: Double
        let longitude: Double
        var testDescription: String { "\(written) → \(name)" }
    }

    @Test(arguments: [
        Spelling(written: "Kiev", name: "Kyiv", latitude: 50.45, longitude: 30.52),
        Spelling(written: "Lvov", name: "Lviv", latitude: 49.84, longitude: 24.03),
        Spelling(written: "Rovno", name: "Rivne", latitude: 50.62, longitude: 26.25),
        Spelling(written: "Nikolaev", name: "Mykolaiv", latitude: 46.97, longitude: 32.00),
        Spelling(written: "Odessa", name: "Odesa", latitude: 46.48, longitude: 30.73),
        Spelling(written: "Zaporozhye", name: "Zaporizhzhia", latitude: 47.84, longitude: 35.14),
    ])
    func oldSpellingResolvesToTheUkrainianCity(spelling: Spelling) throws {
        // Ukrainian Railways names the country; without it a bare "Odessa" is Odessa, Texas,
        // the town whose own name it is.
        let sentence = "Trains from \(spelling.written) were delayed on Monday, Ukrainian Railways said."
        let parsed = try Engine.parse(sentence)
        let mention = try parsed.only(spelling.written)
        #expect(mention.mention.start == 12)
        #expect(mention.mention.end == 12 + spelling.written.unicodeScalars.count)
        let place = try #require(mention.place)
        #expect(place.name == spelling.name)
        #expect(place.kind == .city)
        #expect(place.countryCode == "UA")
        #expect(isNear(place, latitude: spelling.latitude, longitude: spelling.longitude),
                "\(place.name) at \(place.latitude), \(place.longitude)")
        #expect(mention.form == .name)
    }

    @Test func oldSpellingsInOneSentenceAllResolveToUkraine() throws {
        let parsed = try Engine.parse("Shelling hit Kiev, Lvov, Rovno, Nikolaev, Odessa and Zaporozhye overnight.")
        #expect(parsed.writtenNames == ["Kiev", "Lvov", "Rovno", "Nikolaev", "Odessa", "Zaporozhye"])
        #expect(parsed.mentions.allSatisfy { $0.place?.countryCode == "UA" && $0.place?.kind == .city })
    }

    @Test func formerNamesElsewhereResolveToTodaysCities() throws {
        let parsed = try Engine.parse("Bombay and Calcutta were renamed; troops left Peking; Königsberg is now Russian.")
        #expect(try parsed.only("Bombay").place?.name == "Mumbai")
        #expect(try parsed.only("Calcutta").place?.name == "Kolkata")
        #expect(try parsed.only("Peking").place?.name == "Beijing")
        let kaliningrad = try #require(try parsed.only("Königsberg").place)
        #expect(kaliningrad.name == "Kaliningrad" && kaliningrad.countryCode == "RU")
        #expect(isNear(kaliningrad, latitude: 54.71, longitude: 20.51))
    }

    // MARK: Abbreviations and case

    @Test func abbreviationSpanKeepsItsPeriods() throws {
        let text = "Officials in the U.S. said a plant near Springfield, Ill. would close."
        let parsed = try Engine.parse(text)
        let us = try parsed.only("U.S.")
        #expect(us.form == .abbreviation)
        #expect(us.place?.countryCode == "US" && us.place?.kind == .country)
        #expect(Engine.scalars(of: text, us.mention.start, us.mention.end) == "U.S.")
        let illinois = try parsed.only("Ill.")
        #expect(illinois.form == .abbreviation)
        #expect(illinois.place?.admin1Code == "US-IL")
        #expect(Engine.scalars(of: text, illinois.mention.start, illinois.mention.end) == "Ill.")
    }

    @Test func abbreviationAtTheEndOfTheTextKeepsItsPeriod() throws {
        let text = "The plant is near Springfield, Ill."
        let spotted = try Engine.spot(text)
        #expect(spotted.map(\.text) == ["Springfield", "Ill."])
        let last = try #require(spotted.last)
        #expect(last.end == text.unicodeScalars.count)
    }

    @Test func capitalisedUKIsTheUnitedKingdomButLowerCaseUkIsNothing() throws {
        let parsed = try Engine.parse("Voters in the UK agreed.")
        let uk = try parsed.only("UK")
        #expect(uk.form == .abbreviation)
        #expect(uk.place?.countryCode == "GB")
        #expect(try Engine.spot("The uk was mentioned twice in the uk chat.").isEmpty)
    }

    @Test(arguments: [
        "We ate turkey on china plates.",
        "The engineer was reading the gauges when the alarm rang.",
        "They enjoyed the nice weather by the bath house.",
        "He said the ill effects of the chad were obvious.",
    ])
    func lowerCaseCommonWordsAreNeverSpotted(sentence: String) throws {
        // Only a capitalised word may start a name; the sentence's first word is weighed later.
        let spotted = try Engine.spot(sentence)
        #expect(spotted.allSatisfy { $0.start == 0 }, "spotted: \(spotted.map(\.text))")
        #expect(try Engine.parse(sentence).mentions.isEmpty)
    }

    // MARK: Offsets

    @Test(arguments: [
        "😀 Café owners in Zürich said the storm reached Kraków.",
        "Cafe\u{301} owners in Zu\u{308}rich and São Paulo met. 🇺🇦 Families fled Kharkiv.",
        "👩‍👩‍👧 Ελλάδα; the ferry left Piraeus for Crete — then Athens.",
        "Line one\r\nMoved to Lviv.\r\n\tThen Odesa and Dnipro.",
    ])
    func offsetsCountUnicodeScalars(text: String) throws {
        let parsed = try Engine.parse(text)
        #expect(!parsed.mentions.isEmpty)
        for resolved in parsed.mentions {
            #expect(Engine.scalars(of: text, resolved.mention.start, resolved.mention.end) == resolved.mention.text)
        }
    }

    @Test func offsetsAfterEmojiAndAccents() throws {
        let text = "😀 Café owners in Zürich said the storm reached Kraków."
        let parsed = try Engine.parse(text)
        let zurich = try parsed.only("Zürich")
        #expect((zurich.mention.start, zurich.mention.end) == (17, 23))
        #expect(zurich.place?.countryCode == "CH")
        let krakow = try parsed.only("Kraków")
        #expect((krakow.mention.start, krakow.mention.end) == (47, 53))
        #expect(krakow.place?.countryCode == "PL")
    }

    @Test func offsetsAfterCombiningMarksCountEachScalar() throws {
        // "Cafe" + U+0301 is five scalars though it reads as four letters.
        let text = "Cafe\u{301} owners met in Lviv."
        let parsed = try Engine.parse(text)
        let lviv = try parsed.only("Lviv")
        #expect((lviv.mention.start, lviv.mention.end) == (20, 24))
    }
}
