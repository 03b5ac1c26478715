/// One unit of input text with the metadata that came with it.
///
/// A document is what every later stage of the pipeline works on. Its `text` is stored
/// exactly as decoded (CRLF line ends and all), and every offset the pipeline reports counts
/// the Unicode scalars of this text.
///
/// ```swift
/// let doc = Document(id: "note.txt", text: "Floods in Lviv.", source: "in/note.txt")
/// ```
public struct Document: Hashable, Sendable {
    /// The identifier: the JSON Lines `id` when given, otherwise the file name
    /// (relative to the directory that was read), or `name.jsonl:LINE` for a JSON Lines
    /// record without an `id`.
    public var id: String
    /// The body text; offsets in later stages are Unicode scalar offsets into it.
    public var text: String
    /// The title: an HTML `<title>`, a JSON Lines `title`, or a Markdown `# ` heading line.
    public var title: String?
    /// The URL the text came from, when known.
    public var url: String?
    /// The date as given by the input (for example `"2024-03-05"`); not parsed here.
    public var date: String?
    /// Where the document was read from: a path, `-` for standard input, or `path:line`
    /// for a JSON Lines record.
    public var source: String

    /// Creates a document.
    /// - Parameters:
    ///   - id: The document identifier.
    ///   - text: The body text.
    ///   - title: The title, if any.
    ///   - url: The source URL, if any.
    ///   - date: The date as written in the input, if any.
    ///   - source: The path, `-`, or `path:line` the document was read from.
    public init(
        id: String, text: String, title: String? = nil, url: String? = nil,
        date: String? = nil, source: String
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.url = url
        self.date = date
        self.source = source
    }
}
