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
        /// Keep every name the recogniser weighed, with its probability and features.
        public var explain: Bool

        public init(includeDemonyms: Bool = true, explain: Bool = false) {
            self.includeDemonyms = includeDemonyms
            self.explain = explain
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
        var spotted = MentionFilter(view: view).filter(MentionSpotter(index: gazetteer.index).spot(tokenized))
        UnitListExpander(view: view).expand(&spotted)
        UnknownPlaceFinder(view: view).add(to: &spotted)
        if !options.includeDemonyms {
            spotted.removeAll { mention in mention.candidates.allSatisfy { $0.form == .demonym } }
            // Nor a demonym reading of another name: "Canadian" may still be Canadian, Texas, never Canada.
            for position in spotted.indices where spotted[position].candidates.contains(where: { $0.form == .demonym }) {
                spotted[position].candidates.removeAll { $0.form == .demonym }
            }
        }
        QualifierLinker(view: view).link(&spotted)
        let keys = MentionKeys(spotted)
        let features = MentionFeatures.matrix(for: spotted, keys: keys, view: view)
        let model = gazetteer.recognitionModel
        // A demonym always refers to its place; the model weighs only names.
        let probabilities = model.probabilities(keys: keys, matrix: features, fixed: Self.fixedProbabilities(spotted))
        var considered: [ConsideredMention] = []
        if options.explain {
            considered = spotted.indices.map {
                ConsideredMention(mention: spotted[$0], probability: probabilities[$0], features: features.vector($0),
                                  kept: probabilities[$0] >= model.threshold)
            }
        }
        var mentions = consume spotted
        Self.keep(&mentions, probabilities: probabilities, threshold: model.threshold)
        QualifierLinker.relink(&mentions)
        let resolver = PlaceResolver(index: gazetteer.index, model: gazetteer.resolverModel)
        guard options.explain else {
            return ParsedDocument(document: document, text: tokenized, mentions: resolver.resolve(consume mentions))
        }
        var explanation = PlaceResolver.Explanation()
        let resolved = resolver.resolve(consume mentions, explanation: &explanation)
        // Attach each kept mention's candidates and their resolution features.
        var kept = 0
        for position in considered.indices where considered[position].kept {
            if kept < explanation.places.count {
                considered[position].candidates = zip(explanation.places[kept], explanation.vectors[kept]).map {
                    ConsideredCandidate(place: gazetteer.place(at: $0.0), features: $0.1)
                }
            }
            kept += 1
        }
        return ParsedDocument(document: document, text: tokenized, mentions: resolved, considered: considered)
    }

    /// Per mention: 1 for a demonym, an unknown place or a member of a unit list, whose place is
    /// certain without the model; nil for a name the model weighs. The mentions are read where they
    /// lie: a closure over `[Mention]` would copy each mention, retaining and releasing its texts
    /// and candidates. Mapping the positions allocates the result through code specialised in
    /// this module; `init(unsafeUninitializedCapacity:)` would look up the metadata of
    /// `[Double?]`'s storage in the runtime's locked cache on every document.
    private static func fixedProbabilities(_ mentions: [Mention]) -> [Double?] {
        mentions.withUnsafeBufferPointer { mentions in
            mentions.indices.map { position -> Double? in
                let mention = mentions.baseAddress! + position
                let certain = mention.pointee.cues.contains(.unitList) || mention.everyCandidate(is: .demonym)
                return certain ? 1 : nil
            }
        }
    }

    /// Keeps the mentions whose probability reaches `threshold`, in order, each with its
    /// probability. The kept mentions are moved forward within the array's storage rather than
    /// copied into a new array.
    private static func keep(_ mentions: inout [Mention], probabilities: [Double], threshold: Double) {
        let kept = mentions.withUnsafeMutableBufferPointer { buffer in
            var kept = 0
            for position in buffer.indices where probabilities[position] >= threshold {
                buffer[position].probability = probabilities[position]
                buffer.swapAt(kept, position)
                kept += 1
            }
            return kept
        }
        mentions.removeSubrange(kept...)
    }
}

/// A document with the places it names.
public struct ParsedDocument: Sendable {
    public let document: Document
    /// The document's tokens and sentences.
    public let text: TokenizedText
    /// Every place mention, in text order.
    public let mentions: [ResolvedMention]
    /// With ``GeoParser/Options/explain``: every name the recogniser weighed, kept or not.
    public var considered: [ConsideredMention] = []
}

/// A spotted name with the recogniser's verdict, for explaining decisions.
public struct ConsideredMention: Sendable {
    public let mention: Mention
    /// The probability that it names a place.
    public let probability: Double
    /// Its features, in ``featureNames`` order.
    public let features: [Double]
    /// Whether it was kept.
    public let kept: Bool
    /// For a kept mention: its candidates with the resolver's features, in the order considered.
    public var candidates: [ConsideredCandidate] = []

    /// The names of the recognition features.
    public static var featureNames: [String] { MentionFeatures.names }
}

/// A candidate place of a kept mention with the features the resolver weighed.
public struct ConsideredCandidate: Sendable {
    public let place: Place
    /// Features in ``featureNames`` order.
    public let features: [Double]

    /// The names of the resolution features.
    public static var featureNames: [String] { ResolverFeatures.names }
}
