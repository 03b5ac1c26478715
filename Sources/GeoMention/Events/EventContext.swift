/// What the sentence around a place mention says happened, when, and what the place is to it.
///
/// Computed by ``EventContextReader`` for every resolved mention of a document.
public struct EventContext: Hashable, Sendable {
    /// Index of the sentence in the document's ``TokenizedText/sentences``.
    public var sentence: Int
    /// The event type of the trigger nearest the mention; ``EventCategory/other`` when the
    /// sentence has none.
    public var eventType: EventCategory
    /// The trigger as written ("shelled", "peace talks"); empty when there is none.
    public var trigger: String
    /// The trigger's lemma ("shell"); empty when there is none.
    public var triggerLemma: String
    /// How many words separate the trigger from the mention (nil without a trigger).
    public var triggerDistance: Int?
    /// What the place is to the event.
    public var role: EventRole
    /// The day of the event, when the document date or the sentence gives one.
    public var eventDate: CalendarDate?
    /// How exactly ``eventDate`` is known.
    public var timePrecision: TimePrecision?
    /// The mention is written as near another place ("near X", "north of X", "outside X").
    public var isNear: Bool
    /// ACLED-style geographic precision (``GeoPrecision``); nil for an unresolved mention.
    public var geoPrecision: Int?

    /// Whether the context reports an event of a known type at the place itself.
    public var isEventWithKnownType: Bool { role == .event && eventType != .other }
}
