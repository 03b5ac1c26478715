/// Extracts readable text and the title from an HTML page.
///
/// Tags, comments, `<!DOCTYPE>`, processing instructions and the contents of `<script>` and
/// `<style>` are dropped; character references are decoded (see ``HTMLEntities``); runs of
/// white space collapse to one space except inside `<pre>`. Block elements become line
/// breaks so sentences in separate blocks never merge: `p`, `h1`–`h6` and `blockquote` start
/// a paragraph (a blank line), `br`, `div`, `li`, `tr` and the other block elements start a
/// line, and table cells are separated by a space. A `<` that does not open a tag (as in
/// `a < b`, or a tag never closed by `>`) is kept as text. `<title>` text becomes the title
/// and is not part of the body text.
struct HTMLTextExtractor {
    /// The body text.
    private(set) var text = [UInt8]()
    /// The title, white space collapsed.
    private(set) var title = [UInt8]()
    private var pendingSpace = false
    private var pendingNewlines = 0
    private var inTitle = false
    private var preDepth = 0

    /// Extracts the text and title of a page.
    static func extract(_ html: String) -> (text: String, title: String?) {
        var extractor = HTMLTextExtractor()
        var html = html
        html.withUTF8 { extractor.run($0) }
        if extractor.title.last == 0x20 { extractor.title.removeLast() }
        let title = String(decoding: extractor.title, as: UTF8.self)
        return (String(decoding: extractor.text, as: UTF8.self), title.isEmpty ? nil : title)
    }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                if let next = skipMarkup(bytes, at: i) { i = next; continue }
            } else if byte == UInt8(ascii: "&") {
                if let (scalar, next) = reference(bytes, at: i) {
                    for unit in UTF8.encode(scalar)! { emit(unit) }
                    i = next
                    continue
                }
            }
            emit(byte)
            i += 1
        }
    }

    /// Appends one byte of text, applying white space collapsing and pending breaks.
    private mutating func emit(_ byte: UInt8) {
        let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        if inTitle {
            if isSpace {
                if !title.isEmpty && title.last != 0x20 { title.append(0x20) }
            } else {
                title.append(byte)
            }
            return
        }
        if isSpace && preDepth == 0 {
            pendingSpace = true
            return
        }
        if !text.isEmpty {
            if pendingNewlines > 0 {
                for _ in 0..<pendingNewlines { text.append(0x0A) }
            } else if pendingSpace {
                text.append(0x20)
            }
        }
        pendingNewlines = 0
        pendingSpace = false
        text.append(byte)
    }

    private mutating func requestBreak(_ newlines: Int) {
        pendingNewlines = max(pendingNewlines, newlines)
    }

    /// Handles markup starting at `<`; returns the index after it, or `nil` if the `<` is text.
    private mutating func skipMarkup(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = bytes.count
        guard start + 1 < count else { return nil }
        let next = bytes[start + 1]
        if next == UInt8(ascii: "!") {
            if start + 3 < count && bytes[start + 2] == 0x2D && bytes[start + 3] == 0x2D {
                if let end = find(Array("-->".utf8), in: bytes, from: start + 4, ignoringCase: false) {
                    return end + 3
                }
                return count
            }
            return tagEnd(bytes, from: start + 2).map { $0 + 1 }
        }
        if next == UInt8(ascii: "?") {
            return tagEnd(bytes, from: start + 2).map { $0 + 1 }
        }
        let closing = next == UInt8(ascii: "/")
        var nameEnd = start + (closing ? 2 : 1)
        var name = ""
        while nameEnd < count, isNameByte(bytes[nameEnd]) {
            name.unicodeScalars.append(Unicode.Scalar(lowercased(bytes[nameEnd])))
            nameEnd += 1
        }
        guard let first = name.utf8.first, isLetter(first), let end = tagEnd(bytes, from: nameEnd)
        else { return nil }
        let selfClosing = end > start && bytes[end - 1] == UInt8(ascii: "/")
        return handleTag(name, closing: closing, selfClosing: selfClosing, bytes, after: end + 1)
    }

    private mutating func handleTag(
        _ name: String, closing: Bool, selfClosing: Bool,
        _ bytes: UnsafeBufferPointer<UInt8>, after next: Int
    ) -> Int {
        switch name {
        case "script", "style":
            if closing || selfClosing { return next }
            guard let close = find(Array("</\(name)".utf8), in: bytes, from: next, ignoringCase: true)
            else { return bytes.count }
            return (tagEnd(bytes, from: close) ?? bytes.count - 1) + 1
        case "title":
            inTitle = !closing && !selfClosing
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
            requestBreak(2)
        case "pre":
            requestBreak(2)
            preDepth = max(0, preDepth + (closing ? -1 : 1))
        case "br", "div", "li", "tr", "ul", "ol", "dl", "dt", "dd", "table", "section",
             "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption",
             "hr", "address", "form", "caption", "tbody", "thead", "body", "html", "head":
            requestBreak(1)
        case "td", "th":
            pendingSpace = true
        default:
            break
        }
        return next
    }

    /// The index of the `>` closing a tag, skipping quoted attribute values when they close.
    private func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        var quote: UInt8 = 0
        var firstGreater: Int?
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ">") {
                if firstGreater == nil { firstGreater = i }
                if quote == 0 { return i }
            } else if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            }
            i += 1
        }
        return firstGreater
    }

    private func reference(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> (Unicode.Scalar, Int)? {
        var i = start + 1
        while i < bytes.count && i - start <= 33 {
            let byte = bytes[i]
            if byte == UInt8(ascii: ";") {
                guard let scalar = HTMLEntities.scalar(forReference: bytes[(start + 1)..<i])
                else { return nil }
                return (scalar, i + 1)
            }
            guard isNameByte(byte) || byte == UInt8(ascii: "#") else { return nil }
            i += 1
        }
        return nil
    }

    private func find(
        _ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, ignoringCase: Bool
    ) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            var matched = true
            for (offset, expected) in needle.enumerated() {
                let actual = ignoringCase ? lowercased(bytes[i + offset]) : bytes[i + offset]
                if actual != expected { matched = false; break }
            }
            if matched { return i }
            i += 1
        }
        return nil
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
