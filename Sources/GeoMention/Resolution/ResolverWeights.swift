/// The resolver's fixed settings: how the first round chooses before there is document
/// evidence, how many rounds follow, and its limits. The weights of the evidence itself are the
/// trained ``ResolverModel``.
struct ResolverWeights: Hashable, Sendable {
    /// First round: the prominence taken from a candidate matched only by an alternate or former
    /// name (one unit is a tenfold difference in population).
    var alternateName = 0.75
    /// Rounds of gathering evidence from the places chosen.
    var rounds = 2
    /// Candidates considered per mention, most prominent first.
    var maximumCandidates = 120
    /// Distance (km) within which another place of the document counts as close.
    var closeDistance = 400.0
}
