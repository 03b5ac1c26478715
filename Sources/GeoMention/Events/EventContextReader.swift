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
        // Mentions come in text order, so a sentence's facts serve its mentions one after the
        // other; a mention back in an earlier sentence just computes them again.
        var current: SentenceFacts?
        return mentions.map { resolved in
            let index = resolved.mention.sentence
            if current?.sentence != index {
                current = SentenceFacts(text: text, sentence: index, lexicon: lexicon)
            }
            return context(for: resolved, facts: current!)
        }
    }

    private func context(for resolved: ResolvedMention, facts: SentenceFacts) -> EventContext {
        let mention = resolved.mention
        let words = facts.words
        let first = words.position(ofToken: mention.tokenRange.lowerBound)
            ?? words.position(atOrAfterToken: mention.tokenRange.lowerBound)
        let last = mention.tokenRange.isEmpty ? first
            : (words.position(ofToken: mention.tokenRange.upperBound - 1) ?? first)
        let governor = first < words.words.count
            ? MentionGovernor.find(first: first, in: words, triggers: facts.triggers) : nil

        var trigger = Self.nearest(facts.triggers, first: first, last: last, distance: \.positions)
        if case .trigger(let position)? = governor?.kind,
           let governing = facts.triggers.first(where: { $0.position == position }) {
            trigger = (governing, Self.distance(governing.positions, first: first, last: last))
        }

        var role = EventRole.mention
        if mention.cues.contains(.dateline) {
            role = .dateline
        } else if let (found, _) = trigger {
            switch governor?.kind {
            case .trigger?:
                role = .event
            case .preposition?:
                let reach = Self.distance(found.positions, first: governor!.position, last: last)
                if reach <= locativeReach { role = .event }
            case nil:
                if isSubject(mention, resolved.form, first: first, last: last, of: found, in: words) { role = .event }
            }
        }

        let date = Self.nearest(facts.dates, first: first, last: last) { $0.position..<($0.position + $0.length) }
        let dated: (date: CalendarDate, precision: TimePrecision)?
        if let (expression, _) = date {
            dated = expression.resolve(documentDate: documentDate)
        } else {
            dated = documentDate.map { ($0, .day) }
        }
        let isNear = governor?.isNear ?? false
        return EventContext(
            sentence: mention.sentence, eventType: trigger?.0.category ?? .other,
            trigger: trigger?.0.text ?? "", triggerLemma: trigger?.0.lemma ?? "", triggerDistance: trigger?.1,
            role: role, eventDate: dated?.date, timePrecision: dated?.precision, isNear: isNear,
            geoPrecision: resolved.place.map { GeoPrecision.code(kind: $0.kind, near: isNear) })
    }

    /// Whether the mention stands as the subject before `trigger`: "Kharkiv was shelled",
    /// "Lviv residents protested".
    private func isSubject(_ mention: Mention, _ form: NameForm, first: Int, last: Int,
                           of trigger: EventTrigger, in words: SentenceWords) -> Bool {
        guard form != .demonym, trigger.position > last, trigger.position - last - 1 <= subjectReach,
              words.words.indices.contains(last)
        else { return false }
        // "Russia's army shelled": the possessor is the actor, not the place.
        if words.words[last].followedByPossessive { return false }
        return ((last + 1)...trigger.position).allSatisfy { !words.words[$0].afterBreak }
    }

    /// The item nearest the mention's words `first...last`, with its distance in words.
    private static func nearest<T>(_ items: [T], first: Int, last: Int,
                                   distance span: (T) -> Range<Int>) -> (T, Int)? {
        var best: (T, Int)?
        for item in items {
            let gap = distance(span(item), first: first, last: last)
            if best == nil || gap < best!.1 { best = (item, gap) }
        }
        return best
    }

    private static func nearest<T>(_ items: [T], first: Int, last: Int,
                                   distance span: KeyPath<T, Range<Int>>) -> (T, Int)? {
        nearest(items, first: first, last: last) { $0[keyPath: span] }
    }

    /// Words between `span` and `first...last` (0 when adjacent or overlapping).
    static func distance(_ span: Range<Int>, first: Int, last: Int) -> Int {
        if span.upperBound <= first { return first - span.upperBound }
        if span.lowerBound > last { return span.lowerBound - last - 1 }
        return 0
    }
}

/// The words, triggers and time expressions of one sentence, computed once per sentence.
struct SentenceFacts {
    /// The sentence's index in ``TokenizedText/sentences``.
    let sentence: Int
    let words: SentenceWords
    let triggers: [EventTrigger]
    let dates: [DateExpression]

    init(text: TokenizedText, sentence: Int, lexicon: EventLexicon) {
        self.sentence = sentence
        words = SentenceWords(text, sentence: text.sentences[sentence], lexicon: lexicon)
        triggers = EventTrigger.find(in: words, lexicon: lexicon)
        dates = DateExpression.find(in: words)
    }
}
