import CLibXML2
import Foundation

/// Owns a libxml2 `xmlTextWriter` writing to memory and turns failures into ``ExportError``.
///
/// Every string passes through ``TextEscaping/xmlSafe(_:)`` first, so characters XML 1.0
/// forbids never reach the output. The output can be taken piece by piece
/// (``takeOutput(into:)``) so a large document streams through a small buffer. Not
/// thread-safe; use one instance per document.
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
        try cdata(utf8: Array(text.utf8))
    }

    /// Writes the UTF-8 text `bytes` as one or more CDATA sections, splitting wherever it
    /// contains `]]>` (see ``cdataSections(_:)``).
    ///
    /// Each section is written as libxml2's `xmlTextWriterWriteCDATA` writes it (start, raw
    /// content, end), but with its length given, so the text needs no terminating NUL.
    func cdata(utf8 bytes: [UInt8]) throws {
        let writer = try handle()
        let text = bytes.withUnsafeBufferPointer(TextEscaping.isXMLSafeByByteScan(utf8:))
            ? bytes : Array(TextEscaping.xmlSafe(String(decoding: bytes, as: UTF8.self)).utf8)
        try text.withUnsafeBufferPointer { buffer in
            var start = 0
            for end in Self.cdataCuts(in: buffer) + [buffer.count] {
                try check(xmlTextWriterStartCDATA(writer), "StartCDATA")
                try writeRaw(UnsafeBufferPointer(rebasing: buffer[start..<end]), to: writer)
                try check(xmlTextWriterEndCDATA(writer), "EndCDATA")
                start = end
            }
        }
    }

    /// Writes `bytes` unescaped in the writer's current state.
    ///
    /// An empty write still goes through libxml2, which updates its state as for any content.
    private func writeRaw(_ bytes: UnsafeBufferPointer<UInt8>, to writer: xmlTextWriterPtr) throws {
        guard let length = Int32(exactly: bytes.count) else {
            throw ExportError.xmlWriterFailed(operation: "WriteRawLen")
        }
        let result = if let base = bytes.baseAddress {
            xmlTextWriterWriteRawLen(writer, base, length)
        } else {
            Self.withXMLChars("") { xmlTextWriterWriteRawLen(writer, $0, 0) }
        }
        try check(result, "WriteRawLen")
    }

    /// Closes the innermost open element.
    func endElement() throws {
        try check(xmlTextWriterEndElement(try handle()), "EndElement")
    }

    /// Closes all open elements, releases the writer and returns the document bytes not
    /// taken yet.
    func finish() throws -> Data {
        let sink = MemorySink()
        try finish(into: sink)
        return sink.data
    }

    /// Closes all open elements, releases the writer and writes the document bytes not taken
    /// yet to `sink`.
    func finish(into sink: any ExportSink) throws {
        try check(xmlTextWriterEndDocument(try handle()), "EndDocument")
        if let writer { xmlFreeTextWriter(writer) }
        writer = nil
        try drainBuffer(into: sink)
    }

    /// Writes everything written since the last call to `sink` and empties the buffer.
    ///
    /// The writer's state (open elements, indentation) is untouched, so bytes written to the
    /// sink between two calls continue the document as if the writer had written them, provided
    /// they leave it in the same state.
    func takeOutput(into sink: any ExportSink) throws {
        try check(xmlTextWriterFlush(try handle()), "Flush")
        try drainBuffer(into: sink)
    }

    private func drainBuffer(into sink: any ExportSink) throws {
        let length = Int(xmlBufferLength(buffer))
        guard length >= 0 else { throw ExportError.xmlWriterFailed(operation: "xmlBufferLength") }
        guard length > 0 else { return }
        guard let content = xmlBufferContent(buffer) else {
            throw ExportError.xmlWriterFailed(operation: "xmlBufferContent")
        }
        try sink.write(UnsafeRawBufferPointer(start: content, count: length))
        xmlBufferEmpty(buffer)
    }

    /// Pieces of `text` whose concatenation is `text` and none of which contains `]]>`.
    ///
    /// Each `]]>` is cut between `]]` and `>`, the standard way to carry it in CDATA.
    static func cdataSections(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var sections: [String] = []
        var start = 0
        for end in bytes.withUnsafeBufferPointer(cdataCuts(in:)) + [bytes.count] {
            sections.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
        }
        return sections
    }

    /// The offsets of the `>` of every `]]>` in the UTF-8 `bytes`: where CDATA sections end.
    ///
    /// `>` is ASCII, so every cut lies on a character boundary.
    static func cdataCuts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var cuts: [Int] = []
        var offset = 2
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: ">") && bytes[offset - 1] == UInt8(ascii: "]")
                && bytes[offset - 2] == UInt8(ascii: "]") {
                cuts.append(offset)
            }
            offset += 1
        }
        return cuts
    }

    private func handle() throws -> xmlTextWriterPtr {
        guard let writer else { throw ExportError.xmlWriterFailed(operation: "use after finish") }
        return writer
    }

    /// Throws when libxml2 reports failure; `operation` names the call, built only then.
    private func check(_ result: Int32, _ operation: @autoclosure () -> String) throws {
        if result < 0 { throw ExportError.xmlWriterFailed(operation: operation()) }
    }

    /// Calls `body` with `text` as a NUL-terminated `xmlChar` string.
    ///
    /// `text` must not contain NUL; every text written passes ``TextEscaping/xmlSafe(_:)``,
    /// which replaces it.
    static func withXMLChars<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }
}
