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

    public init(weights: [Double]) {
        self.weights = weights
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
    func score(_ vector: UnsafeBufferPointer<Double>) -> Double {
        weights.withUnsafeBufferPointer { weights in
            var sum = 0.0
            for position in 0..<min(vector.count, weights.count) { sum += weights[position] * vector[position] }
            return sum
        }
    }
}
