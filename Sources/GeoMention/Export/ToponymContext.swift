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
        let mentions = parsed.mentions
        let text = parsed.text
        let sentences = text.sentences
        var contexts: [ToponymContext] = []
        contexts.reserveCapacity(mentions.count)
        // Mentions of one sentence share its text, unless it is long enough to be cut around each.
        var lastSentence = -1
        var lastText = ""
        // A short sentence is read from the document's UTF-8, held here for the whole document,
        // so that each sentence costs no retain and release of the text's storage.
        var document = text.text
        document.withUTF8 { utf8 in
            EventContextReader(documentDate: documentDate).forEachContext(text: text, mentions: mentions) { index, event in
                let mention = mentions[index].mention.start..<mentions[index].mention.end
                guard sentences.indices.contains(event.sentence) else {
                    let text = ContextSentence(text: text, sentence: mention, mention: mention).text
                    contexts.append(ToponymContext(event: event, sentence: text))
                    return
                }
                let sentence = sentences[event.sentence]
                guard sentence.scalarRange.count <= ContextSentence.longestSentence else {
                    let text = ContextSentence(text: text, sentence: sentence, mention: mention).text
                    contexts.append(ToponymContext(event: event, sentence: text))
                    return
                }
                if event.sentence != lastSentence {
                    lastSentence = event.sentence
                    lastText = ContextSentence(documentUTF8: utf8, shortSentence: sentence, mention: mention).text
                }
                contexts.append(ToponymContext(event: event, sentence: lastText))
            }
        }
        return contexts
    }
}
