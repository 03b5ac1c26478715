import Foundation

/// Turns the lines of one JSON Lines input into documents, one line at a time.
///
/// Blank lines are skipped. A line that is not a JSON object, lacks a string `text`, or has
/// a wrongly typed field yields ``InputError/malformedLine(path:line:reason:)``; a line
/// longer than the limit yields ``InputError/tooLarge(path:bytes:limit:)`` naming
/// `path:line`. Reading goes on with the next line either way.
struct JSONLinesCursor {
    let reader: ByteLineReader
    let path: String
    /// The id prefix for records without an `id`: the file name, or `stdin`.
    let idPrefix: String
    let limit: Int
    private var lineNumber = 0

    init(reader: ByteLineReader, path: String, idPrefix: String, limit: Int) {
        self.reader = reader
        self.path = path
        self.idPrefix = idPrefix
        self.limit = limit
    }

    /// The next record's document or error, or `nil` at the end of the input.
    mutating func next(decoder: JSONDecoder) -> Result<Document, InputError>? {
        while true {
            let line: ByteLineReader.Line?
            do {
                line = try reader.nextLine(limit: limit)
            } catch {
                return .failure(.unreadable(path: path, reason: "read failed after line \(lineNumber)"))
            }
            guard let line else { return nil }
            lineNumber += 1
            switch line {
            case .tooLong(let byteCount):
                return .failure(.tooLarge(path: "\(path):\(lineNumber)", bytes: byteCount, limit: limit))
            case .bytes(var bytes):
                if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return record(bytes, decoder: decoder)
            }
        }
    }

    private func record(_ bytes: ArraySlice<UInt8>, decoder: JSONDecoder) -> Result<Document, InputError> {
        do {
            let record = try JSONLineRecord.parse(bytes, with: decoder)
            return .success(Document(
                id: record.id ?? "\(idPrefix):\(lineNumber)", text: record.text,
                title: record.title, url: record.url, date: record.date,
                source: "\(path):\(lineNumber)"))
        } catch {
            return .failure(.malformedLine(path: path, line: lineNumber, reason: error.reason))
        }
    }
}
