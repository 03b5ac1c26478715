import Foundation
import Testing
@testable import GeoMention

/// Feature assembly on hand-built parses, so the tests do not depend on the recogniser.
@Suite struct FeatureBuilderTests {
    static let text = """
    LVIV, Ukraine — Officials met in Lviv on Tuesday.
    Protesters rallied in Lviv. The mayor of Kyiv spoke to reporters about Qasr al-Hayr.
    """

    /// The parse of ``text``: dateline LVIV, Lviv twice, Kyiv, and the unresolved Qasr al-Hayr.
    private func parsed(date: String? = "2024-06-12") throws -> (Gazetteer, ParsedDocument) {
        let gazetteer = try TestGazetteers.world.get()
        let lviv = try #require(gazetteer.search("Lviv", kind: .city).first?.place)
        let kyiv = try #require(gazetteer.search("Kyiv", kind: .city).first?.place)
        let tokenized = Tokenizer().tokenize(Self.text)
        func at(_ name: String, _ occurrence: Int, _ place: Place?, confidence: Double, cues: MentionCues = []) -> ResolvedMention {
            var mention = EventFixture.mention(name, in: tokenized, cues: cues)
            // Move to the nth occurrence of the name.
            let scalars = Array(Self.text.unicodeScalars), needle = Array(name.unicodeScalars)
            let starts = (0...(scalars.count - needle.count)).filter { Array(scalars[$0..<($0 + needle.count)]) == needle }
            let start = starts[occurrence]
            let tokens = tokenized.tokens.indices.filter { tokenized.tokens[$0].start < start + needle.count && tokenized.tokens[$0].end > start }
            mention.mention.start = start
            mention.mention.end = start + needle.count
            mention.mention.tokenRange = tokens.first!..<(tokens.last! + 1)
            mention.mention.sentence = tokenized.tokens[tokens.first!].sentence
            mention.place = place
            mention.confidence = confidence
            mention.reason = place == nil ? "no candidate" : "test"
            return mention
        }
        let mentions = [
            at("LVIV", 0, lviv, confidence: 0.99, cues: [.dateline]),
            at("Lviv", 0, lviv, confidence: 0.8),
            at("Lviv", 1, lviv, confidence: 0.95),
            at("Kyiv", 0, kyiv, confidence: 0.9),
            at("Qasr al-Hayr", 0, nil, confidence: 0),
        ]
        let document = Document(id: "doc", text: Self.text, title: "Test dispatch", url: "https://news.example/1",
                                date: date, source: "doc.jsonl:1")
        return (gazetteer, ParsedDocument(document: document, text: tokenized, mentions: mentions))
    }

    @Test func placeGranularityMergesMentionsOfOnePlace() throws {
        let (gazetteer, parsed) = try parsed()
        let features = FeatureBuilder(gazetteer: gazetteer, granularity: .place).features(for: parsed)
        #expect(features.map(\.id) == ["doc#gn:702550", "doc#gn:703448", "doc#\(parsed.mentions[4].mention.start)"])
        let lviv = features[0]
        #expect(lviv.mentions == 3)
        #expect(lviv.name == "Lviv" && lviv.kind == "city")
        #expect(lviv.countryCode == "UA" && lviv.countryCode3 == "UKR" && lviv.country == "Ukraine")
        #expect(lviv.admin1Code == "UA-46" && lviv.admin1 == gazetteer.admin1Name(code: "UA-46") && !lviv.admin1.isEmpty)
        #expect(lviv.geonameid == 702550)
        #expect(lviv.docTitle == "Test dispatch" && lviv.url == "https://news.example/1" && lviv.docDate == "2024-06-12")
    }

    @Test func bestContextPrefersAnEventWithAKnownTypeOverConfidenceAndDateline() throws {
        let (gazetteer, parsed) = try parsed()
        let lviv = FeatureBuilder(gazetteer: gazetteer).features(for: parsed)[0]
        // "met in Lviv" (0.8) and "rallied in Lviv" (0.95) are both events: the more confident wins;
        // the dateline (0.99) comes after any event.
        #expect(lviv.role == "event")
        #expect(lviv.eventType == "protests" && lviv.trigger == "rallied")
        #expect(lviv.mention == "Lviv")
        #expect(lviv.context == "Protesters rallied in Lviv.")
        #expect(lviv.start == parsed.mentions[2].mention.start)
    }

    @Test func datelineBeatsAPlainMention() throws {
        let (gazetteer, parsed) = try parsed()
        var mentions = parsed.mentions
        mentions.removeSubrange(1...2)  // leave the dateline as Lviv's only strong context
        mentions.append({ var m = parsed.mentions[3]; m.place = parsed.mentions[0].place; m.confidence = 1; return m }())
        let reparsed = ParsedDocument(document: parsed.document, text: parsed.text, mentions: mentions)
        let lviv = FeatureBuilder(gazetteer: gazetteer).features(for: reparsed)[0]
        #expect(lviv.role == "dateline")
        #expect(lviv.mentions == 2)
    }

    @Test func mentionGranularityGivesOneFeaturePerMention() throws {
        let (gazetteer, parsed) = try parsed()
        let features = FeatureBuilder(gazetteer: gazetteer, granularity: .mention).features(for: parsed)
        #expect(features.count == 5)
        #expect(features.map(\.id) == parsed.mentions.map { "doc#\($0.mention.start)" })
        #expect(features.allSatisfy { $0.mentions == 1 })
        #expect(features.map(\.role) == ["dateline", "event", "event", "mention", "mention"])
        #expect(features[1].eventType == "diplomacy" && features[1].eventDate == "2024-06-11")
    }

    @Test func unresolvedNamesHaveNoGeometryButKeepTheirContext() throws {
        let (gazetteer, parsed) = try parsed()
        let unresolved = try #require(FeatureBuilder(gazetteer: gazetteer).features(for: parsed).last)
        #expect(unresolved.coordinate == nil)
        #expect(unresolved.name.isEmpty && unresolved.mention == "Qasr al-Hayr")
        #expect(unresolved.geoPrecision == nil)
        #expect(unresolved.reason == "no candidate")
        #expect(unresolved.context.hasSuffix("about Qasr al-Hayr."))
    }

    @Test func contextHighlightMarksTheMentionAcrossCollapsedWhitespace() throws {
        let (gazetteer, parsed) = try parsed()
        for feature in FeatureBuilder(gazetteer: gazetteer, granularity: .mention).features(for: parsed) {
            let scalars = Array(feature.context.unicodeScalars)
            let range = try #require(feature.highlight)
            #expect(String(String.UnicodeScalarView(scalars[range])) == feature.mention)
            #expect(!feature.context.contains("\n"))
        }
        let spread = ContextSentence(scalars: Array("a\n\n  Lviv  b".unicodeScalars), sentence: 0..<12, mention: 5..<9)
        #expect(spread.text == "a Lviv b" && spread.highlight == 2..<6)
    }

    @Test func contextSentenceKeepsEveryScalarWidthAndUnicodeSpace() {
        // One-, two-, three- and four-byte scalars, a no-break space and an ideographic space.
        let text = "Près\u{00A0}de  Київ\u{3000}東京 🙂 é"
        let scalars = Array(text.unicodeScalars)
        let start = scalars.firstIndex(of: "К")!
        let sentence = ContextSentence(scalars: scalars, sentence: 0..<scalars.count, mention: start..<(start + 4))
        #expect(sentence.text == "Près de Київ 東京 🙂 é")
        #expect(sentence.highlight == 8..<12)
        #expect(Array(sentence.text.unicodeScalars)[sentence.highlight].map(Character.init) == ["К", "и", "ї", "в"])
    }

    @Test func documentDateWinsOverTheDefaultDate() throws {
        let (gazetteer, dated) = try parsed(date: "2024-06-12")
        let fallback = CalendarDate(iso: "2020-01-01")
        let builder = FeatureBuilder(gazetteer: gazetteer, granularity: .mention, defaultDate: fallback)
        #expect(builder.features(for: dated)[1].eventDate == "2024-06-11")
        let (_, undated) = try parsed(date: nil)
        let features = builder.features(for: undated)
        #expect(features[1].eventDate == "2019-12-31")  // "on Tuesday" before Wednesday 2020-01-01
        #expect(features[1].docDate == "2020-01-01")
        #expect(FeatureBuilder(gazetteer: gazetteer, granularity: .mention).features(for: undated)[1].eventDate == nil)
    }

    @Test func layerCountsDocumentsMentionsPlacesAndUnresolvedNames() throws {
        let (gazetteer, parsed) = try parsed()
        var layer = MapLayer()
        let builder = FeatureBuilder(gazetteer: gazetteer)
        layer.add(parsed, builder: builder)
        layer.add(parsed, builder: builder)
        #expect(layer.documentCount == 2 && layer.mentionCount == 10 && layer.placeCount == 2)
        #expect(layer.unresolvedNames == ["Qasr al-Hayr"] && layer.unresolvedMentionCount == 2)
        #expect(layer.featureCount == 6)
        #expect(layer.summary == "2 documents, 10 mentions, 2 places, 1 unresolved name (Qasr al-Hayr)")
    }
}
