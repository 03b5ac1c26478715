/// The event context `extract` prints beside a toponym: what the sentence around it says
/// happened, when, and what the place is to it, with the sentence itself on one line.
///
/// The same values the map layers carry (``EventContext`` and the context sentence of
/// ``MapFeature``), taken mention by mention.
///
/// ```swift
/// let parsed = parser.parse(document)
/// let contexts = ToponymContext.contexts(for: parsed, documentDate: CalendarDate(iso: "2024-06-12"))
/// contexts[0].event.eventType   // .attack for "Missiles struck Rivne."
/// contexts[0].sentence          // "Missiles struck Rivne."
/// ```
public struct ToponymContext: Hashable, Sendable {
    /// The event context of the mention.
    public var event: EventContext
    /// The mention's sentence, white space runs made one space.
    public var sentence: String

    public init(event: EventContext, sentence: String) {
        self.event = event
        self.sentence = sentence
    }

    /// One context per mention of `parsed`, in the same order.
    /// - Parameters:
    ///   - parsed: The parsed document.
    ///   - documentDate: The date relative expressions ("on Tuesday") count from; nil when the
    ///     document has none.
    public static func contexts(for parsed: ParsedDocument, documentDate: CalendarDate?) -> [ToponymContext] {
        guard !parsed.mentions.isEmpty else { return [] }
        let events = EventContextReader(documentDate: documentDate).contexts(for: parsed)
        let sentences = parsed.text.sentences
        // Mentions of one sentence share its text, unless it is long enough to be cut around each.
        var lastSentence = -1
        var lastText = ""
        return zip(parsed.mentions, events).map { resolved, event in
            let mention = resolved.mention
            let sentence = sentences.indices.contains(event.sentence)
                ? sentences[event.sentence].scalarRange : mention.start..<mention.end
            let shared = sentences.indices.contains(event.sentence) && sentence.count <= ContextSentence.longestSentence
            if shared && event.sentence == lastSentence {
                return ToponymContext(event: event, sentence: lastText)
            }
            let text = ContextSentence(text: parsed.text, sentence: sentence, mention: mention.start..<mention.end).text
            if shared {
                lastSentence = event.sentence
                lastText = text
            }
            return ToponymContext(event: event, sentence: text)
        }
    }
}
