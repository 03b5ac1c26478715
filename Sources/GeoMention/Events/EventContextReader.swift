/// Reads the event context of every place mention of a parsed document.
///
/// For each mention it looks at the mention's sentence only:
/// - the event type comes from the trigger nearest the mention (``EventLexicon``), or from the
///   trigger that governs it ("shelled Mykolaiv");
/// - the role is ``EventRole/dateline`` for a dateline mention; ``EventRole/event`` when a
///   locative preposition governs the mention within ``locativeReach`` words of a trigger, when
///   a trigger governs it directly, or when it is the subject of the trigger (at most
///   ``subjectReach`` words before it, in the same clause, and not a demonym or possessive);
///   ``EventRole/mention`` otherwise;
/// - the date is the document date moved by the time expression nearest the mention
///   (``DateExpression``), or the document date itself at day precision when there is none;
/// - the geographic precision follows ``GeoPrecision``.
///
/// ```swift
/// let reader = EventContextReader(documentDate: CalendarDate(iso: "2024-06-12"))
/// let contexts = reader.contexts(for: parsed)   // one per parsed.mentions element
/// ```
public struct EventContextReader: Sendable {
    /// The date of the document, the origin of relative expressions.
    public var documentDate: CalendarDate?
    /// The trigger words.
    public var lexicon: EventLexicon
    /// The most words between a governing preposition and the trigger for an event role.
    public var locativeReach = 10
    /// The most words between a subject mention and the trigger after it.
    public var subjectReach = 4

    /// Creates a reader for documents dated `documentDate`.
    public init(documentDate: CalendarDate?, lexicon: EventLexicon = .standard) {
        self.documentDate = documentDate
        self.lexicon = lexicon
    }

    /// One context per mention of `parsed`, in the same order.
    public func contexts(for parsed: ParsedDocument) -> [EventContext] {
        contexts(text: parsed.text, mentions: parsed.mentions)
    }

    /// One context per mention, in the same order.
    /// - Parameters:
    ///   - text: The tokenized document the mentions point into.
    ///   - mentions: The resolved mentions.
    public func contexts(text: TokenizedText, mentions: [ResolvedMention]) -> [EventContext] {
        var contexts: [EventContext] = []
        contexts.reserveCapacity(mentions.count)
        forEachContext(text: text, mentions: mentions) { _, context in contexts.append(context) }
        return contexts
    }

    /// Calls `body` with the index and the context of every mention, in order. The context is
    /// handed over, so that a body that stores it moves its strings instead of retaining them.
    func forEachContext(text: TokenizedText, mentions: [ResolvedMention],
                        _ body: (Int, consuming EventContext) -> Void) {
        guard !mentions.isEmpty else { return }
        // Mentions come in text order, so a sentence's facts serve its mentions one after the
        // other; a mention back in an earlier sentence just computes them again. One set of
        // buffers serves every sentence.
        var facts = SentenceFacts(text: text)
        // Mentions of one sentence are often nearest the same time expression; it is resolved once.
        var lastDate: ResolvedDate?
        mentions.withUnsafeBufferPointer { mentions in
            for index in mentions.indices {
                let sentence = mentions[index].mention.sentence
                if facts.sentence != sentence { facts.read(sentence: sentence, lexicon: lexicon) }
                // The fields are read in place: copying a whole mention costs more than reading it.
                body(index, context(tokens: mentions[index].mention.tokenRange, sentence: sentence,
                                    cues: mentions[index].mention.cues, form: mentions[index].form,
                                    placeKind: mentions[index].place?.kind, facts: facts, lastDate: &lastDate))
            }
        }
    }

    /// A time expression of a sentence, by index in its ``SentenceFacts/dates``, with what it
    /// resolved to.
    private struct ResolvedDate {
        var sentence: Int
        var expression: Int
        var dated: (date: CalendarDate, precision: TimePrecision)?
    }

    /// The context of the mention of `tokens` in sentence `sentence`, of name form `form`,
    /// resolved to a place of kind `placeKind` (nil when unresolved). `lastDate` is the time
    /// expression resolved last, reused when it is the mention's too, and replaced otherwise.
    private func context(tokens: Range<Int>, sentence: Int, cues: MentionCues, form: NameForm,
                         placeKind: PlaceKind?, facts: SentenceFacts, lastDate: inout ResolvedDate?) -> EventContext {
        let words = facts.words
        let start = words.position(atOrAfterToken: tokens.lowerBound)
        let first = words.position(ofToken: tokens.lowerBound, from: start) ?? start
        // The word of the last token is at or after the word of the first.
        let last = tokens.isEmpty ? first
            : (words.position(ofToken: tokens.upperBound - 1, from: first) ?? first)
        let governor = first < words.words.count
            ? MentionGovernor.find(first: first, in: words, triggers: facts.triggers) : nil

        let triggers = facts.triggers
        // The trigger is found by index and distance, and read from the sentence's facts once.
        var nearestTrigger = Self.nearest(triggers.count, first: first, last: last) { triggers[$0].positions }
        if case .trigger(let position)? = governor?.kind,
           let governing = triggers.firstIndex(where: { $0.position == position }) {
            nearestTrigger = (governing, Self.distance(triggers[governing].positions, first: first, last: last))
        }

        var role = EventRole.mention
        if cues.contains(.dateline) {
            role = .dateline
        } else if let (found, _) = nearestTrigger {
            switch governor?.kind {
            case .trigger?:
                role = .event
            case .preposition?:
                let reach = Self.distance(triggers[found].positions, first: governor!.position, last: last)
                if reach <= locativeReach { role = .event }
            case nil:
                if isSubject(form, first: first, last: last, of: triggers[found], in: words) { role = .event }
            }
        }

        let dates = facts.dates
        let date = Self.nearest(dates.count, first: first, last: last) {
            dates[$0].position..<(dates[$0].position + dates[$0].length)
        }
        let dated: (date: CalendarDate, precision: TimePrecision)?
        if let (expression, _) = date {
            if let last = lastDate, last.sentence == sentence, last.expression == expression {
                dated = last.dated
            } else {
                dated = dates[expression].resolve(documentDate: documentDate)
                lastDate = ResolvedDate(sentence: sentence, expression: expression, dated: dated)
            }
        } else {
            dated = documentDate.map { ($0, .day) }
        }
        let isNear = governor?.isNear ?? false
        let geoPrecision = placeKind.map { GeoPrecision.code(kind: $0, near: isNear) }
        guard let (found, distance) = nearestTrigger else {
            return EventContext(
                sentence: sentence, eventType: .other, trigger: "", triggerLemma: "", triggerDistance: nil,
                role: role, eventDate: dated?.date, timePrecision: dated?.precision, isNear: isNear,
                geoPrecision: geoPrecision)
        }
        let trigger = triggers[found]
        return EventContext(
            sentence: sentence, eventType: trigger.category, trigger: trigger.text, triggerLemma: trigger.lemma,
            triggerDistance: distance, role: role, eventDate: dated?.date, timePrecision: dated?.precision,
            isNear: isNear, geoPrecision: geoPrecision)
    }

    /// Whether the mention stands as the subject before `trigger`: "Kharkiv was shelled",
    /// "Lviv residents protested".
    private func isSubject(_ form: NameForm, first: Int, last: Int,
                           of trigger: EventTrigger, in words: SentenceWords) -> Bool {
        guard form != .demonym, trigger.position > last, trigger.position - last - 1 <= subjectReach,
              words.words.indices.contains(last)
        else { return false }
        // "Russia's army shelled": the possessor is the actor, not the place.
        if words.words[last].followedByPossessive { return false }
        for position in (last + 1)..<(trigger.position + 1) where words.words[position].afterBreak { return false }
        return true
    }

    /// The index below `count` whose item's word span (`span`) is nearest the mention's words
    /// `first...last`, with its distance in words; the first of equally near items.
    private static func nearest(_ count: Int, first: Int, last: Int,
                                span: (Int) -> Range<Int>) -> (index: Int, distance: Int)? {
        var best: (index: Int, distance: Int)?
        for index in 0..<count {
            let gap = distance(span(index), first: first, last: last)
            if best == nil || gap < best!.distance { best = (index, gap) }
        }
        return best
    }

    /// Words between `span` and `first...last` (0 when adjacent or overlapping).
    static func distance(_ span: Range<Int>, first: Int, last: Int) -> Int {
        if span.upperBound <= first { return first - span.upperBound }
        if span.lowerBound > last { return span.lowerBound - last - 1 }
        return 0
    }
}

/// The words, triggers and time expressions of one sentence, computed once per sentence into
/// buffers that the next sentence reuses.
struct SentenceFacts {
    /// The sentence's index in ``TokenizedText/sentences``; -1 before the first is read.
    private(set) var sentence = -1
    private(set) var words: SentenceWords
    private(set) var triggers: [EventTrigger] = []
    private(set) var dates: [DateExpression] = []

    /// Facts of no sentence of `text` yet.
    init(text: TokenizedText) {
        words = SentenceWords(text)
    }

    /// Replaces the facts with those of sentence `sentence`.
    mutating func read(sentence: Int, lexicon: EventLexicon) {
        self.sentence = sentence
        words.read(words.text.sentences[sentence], lexicon: lexicon)
        EventTrigger.find(in: words, lexicon: lexicon, into: &triggers)
        DateExpression.find(in: words, into: &dates)
    }
}
