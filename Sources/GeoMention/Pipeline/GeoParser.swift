/// The geoparsing engine: finds the places a document names and resolves each one.
///
/// ```swift
/// let parser = GeoParser(gazetteer: try Gazetteer.load())
/// let parsed = parser.parse(Document(id: "1", text: "LVIV, Ukraine — Shelling hit Rivne.", source: "-"))
/// parsed.mentions.map(\.place?.name)  // ["Lviv", "Ukraine", "Rivne"]
/// ```
///
/// One parser is shared by every document and thread: it holds nothing but the gazetteer.
public struct GeoParser: Sendable {
    /// Choices about what to report.
    public struct Options: Hashable, Sendable {
        /// Report demonyms and adjectivals ("Russian forces") as references to their place.
        public var includeDemonyms: Bool

        public init(includeDemonyms: Bool = true) {
            self.includeDemonyms = includeDemonyms
        }
    }

    public let gazetteer: Gazetteer
    public var options: Options

    public init(gazetteer: Gazetteer, options: Options = Options()) {
        self.gazetteer = gazetteer
        self.options = options
    }

    /// Tokenises, recognises and resolves `document`.
    public func parse(_ document: Document) -> ParsedDocument {
        let tokenized = Tokenizer().tokenize(document.text)
        let view = TokenView(text: tokenized, index: gazetteer.index)
        var mentions = MentionFilter(view: view).filter(MentionSpotter(index: gazetteer.index).spot(tokenized))
        if !options.includeDemonyms {
            mentions.removeAll { mention in mention.candidates.allSatisfy { $0.form == .demonym } }
        }
        QualifierLinker(view: view).link(&mentions)
        let resolved = PlaceResolver(index: gazetteer.index).resolve(mentions)
        return ParsedDocument(document: document, text: tokenized, mentions: resolved)
    }
}

/// A document with the places it names.
public struct ParsedDocument: Sendable {
    public let document: Document
    /// The document's tokens and sentences.
    public let text: TokenizedText
    /// Every place mention, in text order.
    public let mentions: [ResolvedMention]
}
