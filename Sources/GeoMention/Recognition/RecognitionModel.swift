import Foundation

/// A logistic model that gives each spotted name the probability that it names a place.
///
/// Its weights live in `Gazetteer/models/recognizer.tsv` (`feature<TAB>weight` lines, plus a
/// `threshold` line), written by `tools/train/train_recognizer.py` from annotated news; the
/// feature names are those of ``MentionFeatures``. Unknown names in the file are an error, a
/// feature the file does not name weighs 0.
public struct RecognitionModel: Hashable, Sendable {
    /// Weights in ``MentionFeatures/names`` order.
    public let weights: [Double]
    /// Names whose probability reaches this are kept.
    public let threshold: Double

    /// The path of the model inside a gazetteer folder.
    public static let relativePath = "models/recognizer.tsv"

    public init(weights: [Double], threshold: Double) {
        self.weights = weights
        self.threshold = threshold
    }

    /// Reads the model file of the gazetteer folder `directory`.
    /// - Throws: ``GazetteerError`` naming the file when it is missing or malformed.
    public static func load(gazetteerDirectory directory: String) throws -> RecognitionModel {
        let path = directory + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: path) else { throw GazetteerError.missingFile(path: path) }
        var weights = [Double](repeating: 0, count: MentionFeatures.count)
        var threshold = 0.5
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t")
            if fields.first == "feature" { continue }
            guard fields.count == 2, let value = Double(fields[1]) else {
                throw GazetteerError.malformed(path: path, line: number + 1, reason: "expected feature<TAB>weight")
            }
            let name = String(fields[0])
            if name == "threshold" {
                threshold = value
            } else if let position = MentionFeatures.names.firstIndex(of: name) {
                weights[position] = value
            } else {
                throw GazetteerError.malformed(path: path, line: number + 1, reason: "unknown feature \(name)")
            }
        }
        return RecognitionModel(weights: weights, threshold: threshold)
    }

    /// The probability that a mention with features `vector` names a place.
    public func probability(_ vector: [Double]) -> Double {
        var sum = 0.0
        for position in 0..<min(vector.count, weights.count) { sum += weights[position] * vector[position] }
        return 1 / (1 + exp(-sum))
    }
}
