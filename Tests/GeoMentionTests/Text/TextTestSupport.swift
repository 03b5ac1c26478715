import Foundation
import GeoMention

/// The token texts of a tokenized text.
func tokenTexts(_ tokenized: TokenizedText) -> [String] {
    tokenized.tokens.map { String(tokenized.text(of: $0)) }
}

/// The text of scalars `start..<end`, cut from the scalar array as the output offsets mean it.
func scalarSlice(_ text: String, _ range: Range<Int>) -> String {
    var result = ""
    result.unicodeScalars.append(contentsOf: Array(text.unicodeScalars)[range])
    return result
}

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "geomention-text-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes bytes to a file inside the directory (creating subdirectories); returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        let parent = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes UTF-8 text to a file inside the directory; returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Reads every result of a stream over the given inputs.
func readAll(_ inputs: [DocumentStream.Input], limit: Int = 20_000_000) -> [Result<Document, InputError>] {
    Array(DocumentStream(inputs: inputs, maxDocumentBytes: limit))
}

extension Result {
    var value: Success? { if case .success(let value) = self { return value } else { return nil } }
    var error: Failure? { if case .failure(let error) = self { return error } else { return nil } }
}
