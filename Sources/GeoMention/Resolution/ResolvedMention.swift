/// A mention with the place the resolver chose for it.
public struct ResolvedMention: Hashable, Sendable {
    /// What the text says and where.
    public var mention: Mention
    /// The chosen place, or nil when the name could not be resolved.
    public var place: Place?
    /// How the text refers to the chosen place: its name, an abbreviation or a demonym.
    public var form: NameForm
    /// How sure the resolver is, 0 to 1.
    public var confidence: Double
    /// The evidence that decided, in a few words ("qualified by Texas", "most prominent of 34").
    public var reason: String
}
