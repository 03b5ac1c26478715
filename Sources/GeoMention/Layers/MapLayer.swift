/// The features of many documents merged into one layer, with the counts a run reports.
///
/// ```swift
/// var layer = MapLayer()
/// for document in documents { layer.add(parser.parse(document), builder: builder) }
/// print(layer.summary)   // "1 document, 31 mentions, 14 places, 0 unresolved names"
/// ```
public struct MapLayer: Sendable {
    /// Every feature, documents in the order they were added.
    public private(set) var features: [MapFeature] = []
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

    /// Adds the features of one parsed document.
    public mutating func add(_ parsed: ParsedDocument, builder: FeatureBuilder) {
        add(parsed, features: builder.features(for: parsed))
    }

    /// Adds one parsed document with the features already built for it (on another thread,
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
        self.features += features
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
