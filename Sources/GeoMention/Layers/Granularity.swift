/// How many map features a document's mentions become.
public enum Granularity: String, Hashable, Sendable, CaseIterable, Codable {
    /// One feature per distinct place per document, with the number of mentions and the most
    /// informative context; unresolved names get one feature per distinct spelling.
    case place
    /// One feature per mention.
    case mention
}
