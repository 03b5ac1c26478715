/// ``NameNormalizer``'s treatment of the Latin letters with diacritics, worked out once, so that
/// the spotter keys "Zürich" or "Kraków" without decomposing each letter again through Foundation.
///
/// Each scalar's entry is derived by running ``NameNormalizer/appendScalar(_:to:pendingSpace:)``
/// itself and recording what it did, so the table cannot disagree with the normaliser. That
/// function does one of three things with a scalar: nothing, mark a pending space (when the key
/// is not empty), or write the pending space and then some bytes.
enum LatinScalarFolds {
    /// What the normaliser does with one scalar.
    private enum Fold: Sendable {
        case skip
        case separator
        case letters([UInt8])
    }

    /// The scalars below this value, ASCII and the Latin letters up to Latin Extended-B, are in
    /// the table; it is built on first use, at a cost of a few hundred normalisations. Other
    /// scalars go to the normaliser.
    private static let limit: UInt32 = 0x250

    private static let folds: [Fold] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return .skip }
        // Started with a pending space, a scalar that writes anything writes the space first.
        var output: [UInt8] = [0x61]
        var pendingSpace = true
        NameNormalizer.appendScalar(scalar, to: &output, pendingSpace: &pendingSpace)
        if !pendingSpace {
            return .letters(Array(output.dropFirst(2)))
        }
        // Nothing written: a separator marks the space again where there was none.
        output = [0x61]
        pendingSpace = false
        NameNormalizer.appendScalar(scalar, to: &output, pendingSpace: &pendingSpace)
        return pendingSpace ? .separator : .skip
    }

    /// Appends `scalar` normalised to `output` exactly as
    /// ``NameNormalizer/appendScalar(_:to:pendingSpace:)`` does.
    static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8], pendingSpace: inout Bool) {
        guard scalar.value < limit else {
            NameNormalizer.appendScalar(scalar, to: &output, pendingSpace: &pendingSpace)
            return
        }
        switch folds[Int(scalar.value)] {
        case .skip:
            break
        case .separator:
            if !output.isEmpty { pendingSpace = true }
        case .letters(let bytes):
            if pendingSpace {
                if !output.isEmpty { output.append(0x20) }
                pendingSpace = false
            }
            output.append(contentsOf: bytes)
        }
    }
}
