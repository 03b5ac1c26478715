/// A problem with one input file, one JSON Lines record, or standard input.
///
/// A ``DocumentStream`` reports these in place of a document and then goes on with the
/// next one, so one bad file or line never stops a run. Every case names the file (and the
/// line where there is one) and its description says what to do about it.
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case missing(path: String)
    /// The file or directory exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file looks binary (a NUL byte or many control bytes near its start).
    case binary(path: String)
    /// A JSON Lines record could not be used; `line` counts from 1.
    case malformedLine(path: String, line: Int, reason: String)
    /// A document's text is larger than the configured limit; `bytes` is its size, or for a
    /// stream (standard input, a FIFO) how much was read before reading stopped.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The file's extension is not one that can be read.
    case unsupported(path: String)
    /// A symbolic link leads back into a directory that is already being read.
    case symlinkLoop(path: String)
    /// The path is a device or socket, which is never read (it may never end); `kind` says
    /// which, such as `a character device`.
    case notAFile(path: String, kind: String)

    /// The file (or `path:line`) the error is about.
    public var path: String {
        switch self {
        case .missing(let path), .unreadable(let path, _), .binary(let path),
             .tooLarge(let path, _, _), .unsupported(let path), .symlinkLoop(let path),
             .notAFile(let path, _):
            return path
        case .malformedLine(let path, let line, _):
            return "\(path):\(line)"
        }
    }

    /// A one-line message naming the file and saying what to do.
    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no such file or directory; check the path"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason)); check the path and its permissions"
        case .binary(let path):
            return "\(path): looks like a binary file, skipped; give text, HTML or JSON Lines"
        case .malformedLine(let path, let line, let reason):
            return "\(path):\(line): \(reason); fix or remove this line (the other lines were read)"
        case .tooLarge(let path, let bytes, let limit):
            return "\(path): document is over the limit of \(limit) bytes (\(bytes) bytes read); "
                + "split it or raise the limit (--max-document-size)"
        case .unsupported(let path):
            return "\(path): unsupported file type; use .txt, .md, .html, .htm or .jsonl"
        case .symlinkLoop(let path):
            return "\(path): symbolic link loops back into a directory being read, skipped"
        case .notAFile(let path, let kind):
            return "\(path): is \(kind), not a file, skipped; give files, directories or - for standard input"
        }
    }
}
