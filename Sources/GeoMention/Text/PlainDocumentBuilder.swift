import Foundation

/// Builds the document of a whole plain text, Markdown or HTML file.
enum PlainDocumentBuilder {
    /// Decodes a file's bytes and makes its document.
    /// - Parameters:
    ///   - bytes: The file contents.
    ///   - format: How to read them (JSON Lines is not handled here).
    ///   - id: The document id.
    ///   - source: The path or `-`.
    ///   - limit: The largest text accepted, in bytes.
    /// - Throws: ``InputError/binary(path:)`` or ``InputError/tooLarge(path:bytes:limit:)``.
    static func document(
        bytes: [UInt8], format: InputFormat, id: String, source: String, limit: Int
    ) throws(InputError) -> Document {
        let decoded = try ByteDecoding.decode(bytes, path: source)
        let text: String
        var title: String?
        switch format {
        case .html:
            (text, title) = HTMLTextExtractor.extract(decoded)
        case .markdown:
            text = decoded
            title = markdownTitle(decoded)
        case .plainText, .jsonLines:
            text = decoded
        }
        if text.utf8.count > limit {
            throw .tooLarge(path: source, bytes: text.utf8.count, limit: limit)
        }
        return Document(id: id, text: text, title: title, source: source)
    }

    /// The heading of a first non-blank line `# Heading`, if there is one.
    static func markdownTitle(_ text: String) -> String? {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              scalars[start...].starts(with: "# ".unicodeScalars)
        else { return nil }
        let end = scalars[start...].firstIndex { $0 == "\n" || $0 == "\r" } ?? scalars.endIndex
        let heading = String(scalars[scalars.index(start, offsetBy: 2)..<end])
        let trimmed = heading.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
