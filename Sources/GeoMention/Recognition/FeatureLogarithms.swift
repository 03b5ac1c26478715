import Foundation

/// The logarithms the recognition features take of counts and word-list shares, without a call
/// into the maths library for the common small or zero inputs. Every value is the one the
/// library gives for the same input, so the features do not change in the last bit.
enum FeatureLogarithms {
    /// `log2(Double(n))` for the counts below the table's size, worked out once.
    private static let binary: [Double] = (0..<64).map { Foundation.log2(Double($0)) }

    /// `log2(Double(count))`.
    static func log2(_ count: Int) -> Double {
        count >= 0 && count < binary.count ? binary[count] : Foundation.log2(Double(count))
    }

    /// `log10(1 + share * 1000)`, the scale of the given-name and surname features; most words
    /// are no one's name, and log10(1) is exactly 0.
    static func log10OnePlusThousandfold(_ share: Double) -> Double {
        share == 0 ? 0 : log10(1 + share * 1000)
    }
}
