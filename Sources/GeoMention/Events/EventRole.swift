/// What a place mention is to the event its sentence reports.
public enum EventRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// The dateline of the story ("LVIV, Ukraine —"): where it was filed from.
    case dateline
    /// The place where the sentence's event happened: governed by a locative preposition near
    /// the trigger ("protesters rallied in Rivne"), the object or complement of the trigger
    /// ("shelled Mykolaiv", "the siege of Mariupol"), or the subject of the event clause
    /// ("Kharkiv was shelled").
    case event
    /// Any other mention: the place is named, but nothing is said to happen there.
    case mention
}
