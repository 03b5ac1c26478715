import ArgumentParser

/// A size in bytes as written on the command line: `20000000`, `500k`, `20M`, `1G`.
///
/// Suffixes are powers of 1000 and case-insensitive; the value must be at least 1 byte.
struct ByteCount: ExpressibleByArgument, Hashable {
    var bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        var digits = Substring(argument)
        var scale = 1
        switch argument.last.map({ Character($0.lowercased()) }) {
        case "k": scale = 1_000
        case "m": scale = 1_000_000
        case "g": scale = 1_000_000_000
        default: break
        }
        if scale > 1 { digits = digits.dropLast() }
        guard let value = Int(digits), value >= 1 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        bytes = product
    }

    var defaultValueDescription: String { "\(bytes / 1_000_000)M" }
}
