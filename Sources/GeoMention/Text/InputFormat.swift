/// The kinds of input file a ``DocumentStream`` reads, chosen by file extension
/// (case-insensitive).
public enum InputFormat: String, Hashable, Sendable, CaseIterable {
    /// Plain text (`.txt`).
    case plainText
    /// Markdown (`.md`): read as plain text; a first line `# Heading` gives the title.
    case markdown
    /// HTML (`.html`, `.htm`): see the stream's documentation for what is kept.
    case html
    /// JSON Lines (`.jsonl`): one JSON object a line with a `text` field.
    case jsonLines

    /// The format for a path's extension, or `nil` when it is not supported.
    /// - Parameter path: A file path or name.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "txt": self = .plainText
        case "md": self = .markdown
        case "html", "htm": self = .html
        case "jsonl": self = .jsonLines
        default: return nil
        }
    }
}
