/// Sets of token positions, 64 at a time, as the bits of one word.
///
/// Some of the recogniser's scans ask every token a yes-or-no question whose answers follow no
/// pattern the processor could guess ("a capitalised word?", "a lower-case word that starts like
/// a wanted one?"). Asked with `if`, each token risks a mispredicted branch; answered as bits and
/// combined with `&`, a block of 64 tokens takes none, and only the set positions are visited.
enum TokenMask {
    /// Bit `i` set when `bit(start + i)` is 1, for the positions from `start` below `end`, at most
    /// 64 of them. `bit` answers 0 or 1 (see ``bit(_:)``).
    @inline(__always)
    static func block(from start: Int, below end: Int, _ bit: (Int) -> UInt8) -> UInt64 {
        var mask: UInt64 = 0
        for offset in 0..<min(64, end - start) {
            mask |= UInt64(bit(start + offset)) &<< UInt64(offset)
        }
        return mask
    }

    /// 1 when `condition` holds, else 0, as a number rather than a choice, so that answers can be
    /// combined with `&` and `|` instead of `&&` and `||`.
    @inline(__always)
    static func bit(_ condition: Bool) -> UInt8 {
        unsafeBitCast(condition, to: UInt8.self)
    }
}
