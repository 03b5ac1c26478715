/// The recognition features of one document's mentions: one row per mention, one column per
/// ``MentionFeature``, kept in a single flat array rather than an array per mention.
struct FeatureMatrix {
    /// The number of rows (mentions).
    let rows: Int
    /// The number of columns (features).
    let columns: Int
    /// The values row after row: feature `f` of mention `m` is at `m * columns + f`.
    private(set) var values: [Double]

    /// A matrix of `rows` rows of ``MentionFeatures/count`` zeros.
    init(rows: Int) {
        self.rows = rows
        columns = MentionFeatures.count
        values = [Double](filling: 0, count: rows * columns)
    }

    subscript(row: Int, feature: MentionFeature) -> Double {
        get { values[row * columns + feature.rawValue] }
        set { values[row * columns + feature.rawValue] = newValue }
    }

    /// The features of mention `row` as a vector in ``MentionFeatures/names`` order.
    func vector(_ row: Int) -> [Double] {
        Array(values[row * columns..<(row + 1) * columns])
    }
}
