/// Errors raised while formatting or writing exported files.
public enum ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file could not be written; `reason` carries the system error text.
    case writeFailed(path: String, reason: String)
    /// A directory could not be created.
    case directoryCreationFailed(path: String, reason: String)
    /// A libxml2 writer call failed; `operation` names the call and its element.
    case xmlWriterFailed(operation: String)
    /// The world outlines file is missing or unreadable.
    case outlinesUnreadable(path: String, reason: String)
    /// A line of the world outlines file is malformed.
    case outlinesMalformed(path: String, line: Int, reason: String)

    /// A message naming the file, line or call that failed.
    public var description: String {
        switch self {
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .directoryCreationFailed(let path, let reason):
            return "cannot create directory \(path): \(reason)"
        case .xmlWriterFailed(let operation):
            return "XML writer failed at \(operation)"
        case .outlinesUnreadable(let path, let reason):
            return "cannot read world outlines \(path): \(reason)"
        case .outlinesMalformed(let path, let line, let reason):
            return "\(path):\(line): malformed world outlines line: \(reason)"
        }
    }
}
