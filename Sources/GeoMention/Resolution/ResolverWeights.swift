/// The weights the resolver gives each kind of evidence, in units of prominence (one unit is a
/// tenfold difference in population).
struct ResolverWeights: Hashable, Sendable {
    /// An explicit qualifier that contains the candidate ("Paris, Texas").
    var qualifier = 8.0
    /// Per log unit of weight of the candidate's country in the document.
    var country = 1.6
    /// Per log unit of weight of the candidate's first-level region in the document.
    var admin1 = 2.4
    /// Closeness to the other places of the document (0 to 1, scaled by this).
    var proximity = 2.0
    /// Cost of matching by an alternate or former name rather than the place's own name.
    var alternateName = 0.75
    /// Rounds of gathering evidence from the places chosen.
    var rounds = 2
    /// Candidates considered per mention, most prominent first.
    var maximumCandidates = 120
    /// Distance (km) within which another place of the document counts as close.
    var closeDistance = 400.0
}
