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
        let path = directory + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: path) else { throw GazetteerError.missingFile(path: path) }
        var weights = [Double](repeating: 0, count: ResolverFeatures.count)
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t")
            if fields.first == "feature" { continue }
            guard fields.count == 2, let value = Double(fields[1]) else {
                throw GazetteerError.malformed(path: path, line: number + 1, reason: "expected feature<TAB>weight")
            }
            guard let position = ResolverFeatures.names.firstIndex(of: String(fields[0])) else {
                throw GazetteerError.malformed(path: path, line: number + 1, reason: "unknown feature \(fields[0])")
            }
            weights[position] = value
        }
        return ResolverModel(weights: weights)
    }

    /// The score of a candidate with features `vector`.
    public func score(_ vector: [Double]) -> Double {
        var sum = 0.0
        for position in 0..<min(vector.count, weights.count) { sum += weights[position] * vector[position] }
        return sum
    }
}
