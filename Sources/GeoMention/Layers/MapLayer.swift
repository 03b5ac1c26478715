/// The counts a run over many documents reports: documents, mentions, places and features.
///
/// The layer keeps counts and the distinct names, not the features: those go to a
/// ``MapLayerWriter/Stream`` or a ``RegionTally`` as each document is parsed, so a run needs
/// memory for its places, not for its documents.
///
/// ```swift
/// var layer = MapLayer()
/// for document in documents {
///     let parsed = parser.parse(document)
///     let features = builder.features(for: parsed)
///     layer.add(parsed, features: features)
///     try map.add(features)
/// }
/// print(layer.summary)   // "1 document, 31 mentions, 14 places, 0 unresolved names"
/// ```
public struct MapLayer: Sendable {
    /// Number of features of the documents added.
    public private(set) var featureCount = 0
    /// Number of documents added.
    public private(set) var documentCount = 0
    /// Number of place mentions, resolved or not.
    public private(set) var mentionCount = 0
    /// Number of mentions that could not be resolved.
    public private(set) var unresolvedMentionCount = 0
    /// The distinct unresolved names as first written, in first-seen order.
    public private(set) var unresolvedNames: [String] = []
    private var placeIDs: Set<String> = []
    private var unresolvedKeys: Set<String> = []

    /// Creates an empty layer.
    public init() {}

    /// Number of distinct resolved places over all documents.
    public var placeCount: Int { placeIDs.count }

    /// Counts one parsed document and builds its features.
    ///
    /// - Returns: The document's features, for a writer or a tally.
    @discardableResult
    public mutating func add(_ parsed: ParsedDocument, builder: FeatureBuilder) -> [MapFeature] {
        let features = builder.features(for: parsed)
        add(parsed, features: features)
        return features
    }

    /// Counts one parsed document with the features already built for it (on another thread,
    /// say, by ``FeatureBuilder/features(for:)``).
    public mutating func add(_ parsed: ParsedDocument, features: [MapFeature]) {
        documentCount += 1
        mentionCount += parsed.mentions.count
        for resolved in parsed.mentions {
            if let place = resolved.place {
                placeIDs.insert(place.id)
            } else {
                unresolvedMentionCount += 1
                if unresolvedKeys.insert(resolved.mention.text.lowercased()).inserted {
                    unresolvedNames.append(resolved.mention.text)
                }
            }
        }
        featureCount += features.count
    }

    /// One line: documents, mentions, places and unresolved names (listing up to five).
    public var summary: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var line = [plural(documentCount, "document"), plural(mentionCount, "mention"), plural(placeCount, "place"),
                    plural(unresolvedNames.count, "unresolved name")].joined(separator: ", ")
        if !unresolvedNames.isEmpty {
            let shown = unresolvedNames.prefix(5).joined(separator: ", ")
            line += " (" + shown + (unresolvedNames.count > 5 ? ", ..." : "") + ")"
        }
        return line
    }
}
