import Foundation

/// A linear scoring model over ``ResolverFeatures``: the candidate with the highest score is the
/// place meant.
///
/// The weights live in `Gazetteer/models/resolver.tsv` (`feature<TAB>weight` lines), written by
/// `tools/train/train_resolver.py` from annotated news (a conditional logit: the softmax of the
/// scores over a mention's candidates is the probability of each). Unknown names in the file are
/// an error; a feature the file does not name weighs 0.
public struct ResolverModel: Hashable, Sendable {
    /// Weights in ``ResolverFeatures/names`` order.
    public let weights: [Double]

    /// The path of the model inside a gazetteer folder.
    public static let relativePath = "models/resolver.tsv"

    /// Whether every weight is finite, so that a zero feature adds nothing to a score (a zero
    /// times an infinite weight would add NaN).
    private let weightsAreFinite: Bool

    public init(weights: [Double]) {
        self.weights = weights
        weightsAreFinite = weights.allSatisfy(\.isFinite)
    }

    /// Reads the model file of the gazetteer folder `directory`.
    /// - Throws: ``GazetteerError`` naming the file when it is missing or malformed.
    public static func load(gazetteerDirectory directory: String) throws -> ResolverModel {
        let file = try ModelFile(gazetteerDirectory: directory, relativePath: relativePath)
        var weights = [Double](repeating: 0, count: ResolverFeatures.count)
        for entry in file.entries {
            guard let position = ResolverFeatures.names.firstIndex(of: entry.name) else { throw file.unknown(entry) }
            weights[position] = entry.value
        }
        return ResolverModel(weights: weights)
    }

    /// The score of a candidate with features `vector`.
    public func score(_ vector: [Double]) -> Double {
        vector.withUnsafeBufferPointer { score($0) }
    }

    /// The score of a candidate with features `vector`, summed in feature order.
    ///
    /// Most features of a candidate are 0, and with finite weights their terms are skipped: the sum
    /// starts at +0 and so is never -0, and adding ±0 to anything else leaves it as it is, so the
    /// result has the same bits, found with a shorter chain of dependent additions.
    func score(_ vector: UnsafeBufferPointer<Double>) -> Double {
        weights.withUnsafeBufferPointer { weights in
            var sum = 0.0
            for position in 0..<min(vector.count, weights.count) {
                let value = vector[position]
                if value != 0 || !weightsAreFinite { sum += weights[position] * value }
            }
            return sum
        }
    }
}
