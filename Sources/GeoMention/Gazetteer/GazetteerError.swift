/// Why the gazetteer could not be found, read or indexed.
public enum GazetteerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No folder holding `places.tsv` was found; lists every path tried.
    case notFound(tried: [String])
    /// A source file is missing from an otherwise found gazetteer folder.
    case missingFile(path: String)
    /// A TSV source has a malformed line.
    case malformed(path: String, line: Int, reason: String)
    /// The binary index exists but is damaged.
    case corruptIndex(path: String, reason: String)
    /// Reading or writing a file failed.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let tried):
            return "no gazetteer found (looked for places.tsv in: \(tried.joined(separator: ", "))); "
                + "pass --gazetteer PATH or set GEOMENTION_GAZETTEER to the Gazetteer folder"
        case .missingFile(let path):
            return "\(path): gazetteer file missing; restore it from the repository's Gazetteer folder"
        case .malformed(let path, let line, let reason):
            return "\(path):\(line): malformed gazetteer line: \(reason)"
        case .corruptIndex(let path, let reason):
            return "\(path): gazetteer index is damaged (\(reason)); delete it and it will be rebuilt"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
