import Foundation
@testable import GeoMention

/// Builds mentions over the team's sentences without a gazetteer, to test event reading alone.
enum EventFixture {
    /// A place of `kind` for geographic precision.
    static func place(_ name: String, kind: PlaceKind) -> Place {
        Place(index: 0, id: "test:\(name)", geonameid: nil, kind: kind, name: name, countryCode: "UA",
              admin1Code: "", admin2Name: "", latitude: 48, longitude: 31, population: 0, featureCode: "",
              radiusKm: 0, countries: [], nameCount: 1)
    }

    /// The mention of `name` (its first occurrence) in `text`, resolved to a place of `kind`
    /// (nil for an unresolved mention).
    static func mention(_ name: String, in text: TokenizedText, kind: PlaceKind? = .city, form: NameForm = .name,
                        cues: MentionCues = []) -> ResolvedMention {
        let scalars = Array(text.text.unicodeScalars)
        let needle = Array(name.unicodeScalars)
        let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
        let end = start + needle.count
        let tokens = text.tokens.indices.filter { text.tokens[$0].start < end && text.tokens[$0].end > start }
        let first = tokens.first!, last = tokens.last!
        let mention = Mention(
            start: start, end: end,
            utf8Range: text.tokens[first].utf8Start..<text.tokens[last].utf8End,
            tokenRange: first..<(last + 1), text: name, key: name.lowercased(),
            sentence: text.tokens[first].sentence, candidates: [], cues: cues)
        return ResolvedMention(mention: mention, place: kind.map { place(name, kind: $0) }, form: form,
                               confidence: 0.9, reason: "test")
    }

    /// The event context of `name` in `sentence`, for a document dated `date`.
    static func context(_ sentence: String, at name: String, date: String? = "2024-06-12", kind: PlaceKind? = .city,
                        form: NameForm = .name, cues: MentionCues = []) -> EventContext {
        let text = Tokenizer().tokenize(sentence)
        let resolved = mention(name, in: text, kind: kind, form: form, cues: cues)
        let reader = EventContextReader(documentDate: date.flatMap(CalendarDate.init(iso:)))
        return reader.contexts(text: text, mentions: [resolved])[0]
    }
}
