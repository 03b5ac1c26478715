import Foundation

/// A logistic model that gives each spotted name the probability that it names a place.
///
/// It works in two stages. The first weighs each mention's own features (``MentionFeatures``).
/// The second lets the mentions of one name in one document agree: it weighs the first-stage
/// log-odds of the mention together with the highest first-stage probability among the other
/// mentions of the same name ("MANSFIELD --" in a dateline makes "Mansfield Mayor" a place).
///
/// The weights live in `Gazetteer/models/recognizer.tsv` (`feature<TAB>weight` lines; second-stage
/// weights are prefixed `s2_`; plus a `threshold` line), written by
/// `tools/train/train_recognizer.py` from annotated news. Unknown names in the file are an error,
/// a feature the file does not name weighs 0.
public struct RecognitionModel: Hashable, Sendable {
    /// First-stage weights in ``MentionFeatures/names`` order.
    public let weights: [Double]
    /// Second-stage weights in ``secondStageNames`` order.
    public let secondStage: [Double]
    /// Names whose probability reaches this are kept.
    public let threshold: Double

    /// The second stage's inputs.
    public static let secondStageNames = ["s2_bias", "s2_logit", "s2_other_max", "s2_other_present"]

    /// The path of the model inside a gazetteer folder.
    public static let relativePath = "models/recognizer.tsv"

    public init(weights: [Double], secondStage: [Double] = [0, 1, 0, 0], threshold: Double) {
        self.weights = weights
        self.secondStage = secondStage
        self.threshold = threshold
    }

    /// Reads the model file of the gazetteer folder `directory`.
    /// - Throws: ``GazetteerError`` naming the file when it is missing or malformed.
    public static func load(gazetteerDirectory directory: String) throws -> RecognitionModel {
        let file = try ModelFile(gazetteerDirectory: directory, relativePath: relativePath)
        var weights = [Double](repeating: 0, count: MentionFeatures.count)
        var secondStage: [Double] = [0, 1, 0, 0]
        var threshold = 0.5
        for entry in file.entries {
            if entry.name == "threshold" {
                threshold = entry.value
            } else if let position = secondStageNames.firstIndex(of: entry.name) {
                secondStage[position] = entry.value
            } else if let position = MentionFeatures.names.firstIndex(of: entry.name) {
                weights[position] = entry.value
            } else {
                throw file.unknown(entry)
            }
        }
        return RecognitionModel(weights: weights, secondStage: secondStage, threshold: threshold)
    }

    /// Probabilities for a document's mentions with the features of `matrix` (one row per
    /// mention); `keys` numbers the mentions' names, `fixed` gives a probability to use instead
    /// of the model (demonyms).
    func probabilities(keys: MentionKeys, matrix: FeatureMatrix, fixed: [Double?]) -> [Double] {
        let logits = Self.logits(weights: weights, matrix: matrix)
        return probabilities(keyIDs: keys.ids, keyCount: keys.count, logits: logits, fixed: fixed)
    }

    /// Per row of `matrix`: the sum of its features times `weights`, added in feature order.
    ///
    /// Each row's sum is one chain of additions, each waiting for the one before. Four rows are
    /// summed side by side so that their chains overlap; every row's own additions still come in
    /// feature order, so each sum is the same to the last bit as when rows are summed one by one.
    private static func logits(weights: [Double], matrix: FeatureMatrix) -> [Double] {
        let columns = min(matrix.columns, weights.count)
        let stride = matrix.columns, rows = matrix.rows
        // Zero-filled and then written (a few dozen rows) rather than allocated uninitialised:
        // `init(unsafeUninitializedCapacity:)` looks up the storage class's metadata in the
        // runtime's locked cache on every call, `Array(filling:count:)` does not.
        var logits = [Double](filling: 0, count: rows)
        logits.withUnsafeMutableBufferPointer { logits in
            weights.withUnsafeBufferPointer { weights in
                matrix.values.withUnsafeBufferPointer { values in
                    var row = 0
                    while row + 4 <= rows {
                        let start = row * stride
                        var sum0 = 0.0, sum1 = 0.0, sum2 = 0.0, sum3 = 0.0
                        for position in 0..<columns {
                            let weight = weights[position]
                            sum0 += weight * values[start + position]
                            sum1 += weight * values[start + stride + position]
                            sum2 += weight * values[start + 2 * stride + position]
                            sum3 += weight * values[start + 3 * stride + position]
                        }
                        (logits[row], logits[row + 1], logits[row + 2], logits[row + 3]) = (sum0, sum1, sum2, sum3)
                        row += 4
                    }
                    while row < rows {
                        let start = row * stride
                        var sum = 0.0
                        for position in 0..<columns { sum += weights[position] * values[start + position] }
                        logits[row] = sum
                        row += 1
                    }
                }
            }
        }
        return logits
    }

    /// The second stage over first-stage `logits`; `keyIDs` numbers the mentions' names in
    /// `0..<keyCount`.
    private func probabilities(keyIDs: [Int], keyCount: Int, logits: [Double], fixed: [Double?]) -> [Double] {
        let first = logits.indices.map { fixed[$0] ?? Self.sigmoid(logits[$0]) }
        // The two best first-stage probabilities per name, so each mention sees the best other one.
        var best = [(Double, Double)](filling: (-1, -1), count: keyCount)
        for (position, key) in keyIDs.enumerated() {
            let (a, b) = best[key]
            let p = first[position]
            best[key] = p > a ? (p, a) : (a, max(b, p))
        }
        return keyIDs.indices.map { position in
            if let value = fixed[position] { return value }
            let (a, b) = best[keyIDs[position]]
            let other = first[position] >= a ? b : a
            let present = other >= 0
            let sum = secondStage[0] + secondStage[1] * logits[position]
                + secondStage[2] * (present ? other : 0) + secondStage[3] * (present ? 1 : 0)
            return Self.sigmoid(sum)
        }
    }

    static func sigmoid(_ value: Double) -> Double { 1 / (1 + exp(-value)) }
}
