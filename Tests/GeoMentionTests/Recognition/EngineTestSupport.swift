import Foundation
import Testing
@testable import GeoMention

/// Runs the engine, or single stages of it, on the bundled world gazetteer.
enum Engine {
    static func gazetteer() throws -> Gazetteer { try TestGazetteers.world.get() }

    /// The whole pipeline: recognition and resolution.
    static func parse(_ text: String, demonyms: Bool = true) throws -> ParsedDocument {
        let parser = GeoParser(gazetteer: try gazetteer(), options: .init(includeDemonyms: demonyms))
        return parser.parse(Document(id: "test", text: text, source: "-"))
    }

    /// The spotter alone: every gazetteer name the text spells, before any filter.
    static func spot(_ text: String) throws -> [Mention] {
        let index = try gazetteer().index
        return MentionSpotter(index: index).spot(Tokenizer().tokenize(text))
    }

    /// The spotter followed by the hard filters (no model, no resolution).
    static func spotAndFilter(_ text: String) throws -> [Mention] {
        let index = try gazetteer().index
        let tokenized = Tokenizer().tokenize(text)
        let view = TokenView(text: tokenized, index: index)
        return MentionFilter(view: view).filter(MentionSpotter(index: index).spot(tokenized))
    }

    /// The text between two Unicode scalar offsets.
    static func scalars(of text: String, _ start: Int, _ end: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: Array(text.unicodeScalars)[start..<end])
        return String(result)
    }
}

extension ParsedDocument {
    /// The mentions written exactly as `text`.
    func mentions(writtenAs text: String) -> [ResolvedMention] {
        mentions.filter { $0.mention.text == text }
    }

    /// The single mention written as `text`; records an issue when there is not exactly one.
    func only(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ResolvedMention {
        let found = mentions(writtenAs: text)
        #expect(found.count == 1, "mentions written \"\(text)\": \(found.count) in \(writtenNames)",
                sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    /// The text of every mention, in order.
    var writtenNames: [String] { mentions.map(\.mention.text) }
}

/// Whether `place` lies within `degrees` of the point in both latitude and longitude.
func isNear(_ place: Place?, latitude: Double, longitude: Double, within degrees: Double = 0.1) -> Bool {
    guard let place else { return false }
    return abs(place.latitude - latitude) <= degrees && abs(place.longitude - longitude) <= degrees
}
