/// How exactly an event date is known, in ACLED's `time_precision` codes.
public enum TimePrecision: Int, Hashable, Sendable, Codable, CaseIterable {
    /// The day is known ("on Tuesday", "yesterday", "3 March").
    case day = 1
    /// The week is known ("last week", "earlier this week").
    case week = 2
    /// Only the month is known ("last month", "in March 2024").
    case month = 3
}
