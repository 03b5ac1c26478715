import CLibXML2
import Foundation

/// Owns a libxml2 `xmlTextWriter` writing to memory and turns failures into ``ExportError``.
///
/// Every string passes through ``TextEscaping/xmlSafe(_:)`` first, so characters XML 1.0
/// forbids never reach the output. Not thread-safe; use one instance per document.
final class XMLDocumentWriter {
    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?

    /// Creates a writer that indents nested elements by two spaces.
    ///
    /// - Throws: ``ExportError/xmlWriterFailed(operation:)`` when libxml2 cannot allocate it.
    init(indent: Bool = true) throws {
        guard let buffer = xmlBufferCreate() else {
            throw ExportError.xmlWriterFailed(operation: "xmlBufferCreate")
        }
        self.buffer = buffer
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw ExportError.xmlWriterFailed(operation: "xmlNewTextWriterMemory")
        }
        self.writer = writer
        if indent {
            try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
            try check(Self.withXMLChars("  ") { xmlTextWriterSetIndentString(writer, $0) },
                      "xmlTextWriterSetIndentString")
        }
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    /// Writes the XML declaration (version 1.0, UTF-8).
    func startDocument() throws {
        try check(xmlTextWriterStartDocument(try handle(), "1.0", "UTF-8", nil), "StartDocument")
    }

    /// Opens element `name`, declaring `namespace` as the default namespace when given.
    func startElement(_ name: String, namespace: String? = nil) throws {
        let writer = try handle()
        let result: Int32
        if let namespace {
            result = Self.withXMLChars(name) { namePointer in
                Self.withXMLChars(namespace) { xmlTextWriterStartElementNS(writer, nil, namePointer, $0) }
            }
        } else {
            result = Self.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }
        }
        try check(result, "StartElement <\(name)>")
    }

    /// Writes attribute `name="value"` on the open element; the value is escaped.
    func attribute(_ name: String, _ value: String) throws {
        let writer = try handle()
        let result = Self.withXMLChars(name) { namePointer in
            Self.withXMLChars(TextEscaping.xmlSafe(value)) { xmlTextWriterWriteAttribute(writer, namePointer, $0) }
        }
        try check(result, "WriteAttribute \(name)")
    }

    /// Writes `<name>text</name>`; `& < >` are escaped by libxml2.
    func element(_ name: String, _ text: String) throws {
        let writer = try handle()
        let result = Self.withXMLChars(name) { namePointer in
            Self.withXMLChars(TextEscaping.xmlSafe(text)) { xmlTextWriterWriteElement(writer, namePointer, $0) }
        }
        try check(result, "WriteElement <\(name)>")
    }

    /// Writes `text` as character data inside the open element.
    func text(_ text: String) throws {
        let writer = try handle()
        let result = Self.withXMLChars(TextEscaping.xmlSafe(text)) { xmlTextWriterWriteString(writer, $0) }
        try check(result, "WriteString")
    }

    /// Writes `text` as one or more CDATA sections, splitting wherever it contains `]]>`.
    func cdata(_ text: String) throws {
        let writer = try handle()
        for section in Self.cdataSections(TextEscaping.xmlSafe(text)) {
            try check(Self.withXMLChars(section) { xmlTextWriterWriteCDATA(writer, $0) }, "WriteCDATA")
        }
    }

    /// Closes the innermost open element.
    func endElement() throws {
        try check(xmlTextWriterEndElement(try handle()), "EndElement")
    }

    /// Closes all open elements, releases the writer and returns the document bytes.
    func finish() throws -> Data {
        try check(xmlTextWriterEndDocument(try handle()), "EndDocument")
        if let writer { xmlFreeTextWriter(writer) }
        writer = nil
        guard let content = xmlBufferContent(buffer) else {
            throw ExportError.xmlWriterFailed(operation: "xmlBufferContent")
        }
        let length = Int(xmlBufferLength(buffer))
        guard length >= 0 else { throw ExportError.xmlWriterFailed(operation: "xmlBufferLength") }
        return Data(bytes: content, count: length)
    }

    /// Pieces of `text` whose concatenation is `text` and none of which contains `]]>`.
    ///
    /// Each `]]>` is cut between `]]` and `>`, the standard way to carry it in CDATA.
    static func cdataSections(_ text: String) -> [String] {
        var sections: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "]]>") {
            let cut = rest.index(range.lowerBound, offsetBy: 2)
            sections.append(String(rest[..<cut]))
            rest = rest[cut...]
        }
        sections.append(String(rest))
        return sections
    }

    private func handle() throws -> xmlTextWriterPtr {
        guard let writer else { throw ExportError.xmlWriterFailed(operation: "use after finish") }
        return writer
    }

    private func check(_ result: Int32, _ operation: String) throws {
        if result < 0 { throw ExportError.xmlWriterFailed(operation: operation) }
    }

    /// Calls `body` with `text` as a NUL-terminated `xmlChar` string.
    static func withXMLChars<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
