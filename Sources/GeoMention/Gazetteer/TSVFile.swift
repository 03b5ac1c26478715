import Foundation

/// A tab-separated file read at the byte level: one header line naming the columns, then rows.
///
/// The whole file is read into memory once and rows are visited without allocating per field
/// until a field is asked for as a `String`.
struct TSVFile {
    let path: String
    private let bytes: [UInt8]
    /// Column names from the header line.
    let columns: [String]

    /// Reads `path`.
    /// - Throws: ``GazetteerError/missingFile(path:)`` when absent, ``GazetteerError/malformed(path:line:reason:)``
    ///   when it has no header.
    init(path: String) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GazetteerError.missingFile(path: path)
        }
        bytes = [UInt8](data)
        guard let headerEnd = bytes.firstIndex(of: 0x0A) else {
            throw GazetteerError.malformed(path: path, line: 1, reason: "no header line")
        }
        columns = String(decoding: bytes[0..<headerEnd], as: UTF8.self)
            .split(separator: "\t", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Index of the column named `name`.
    /// - Throws: ``GazetteerError/malformed(path:line:reason:)`` when the header lacks it.
    func column(_ name: String) throws -> Int {
        guard let index = columns.firstIndex(of: name) else {
            throw GazetteerError.malformed(path: path, line: 1, reason: "no column named \(name)")
        }
        return index
    }

    /// Calls `body` for every data row with the row's fields and its 1-based line number.
    /// Blank lines are skipped; a row with fewer fields than the header is an error.
    func forEachRow(_ body: (TSVRow, Int) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var lineStart = (buffer.firstIndex(of: 0x0A) ?? buffer.count) + 1
            var lineNumber = 1
            var fields: [Range<Int>] = []
            fields.reserveCapacity(columns.count)
            while lineStart < buffer.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < buffer.count && buffer[lineEnd] != 0x0A { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if contentEnd > lineStart {
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = lineStart
                    for position in lineStart..<contentEnd where buffer[position] == 0x09 {
                        fields.append(fieldStart..<position)
                        fieldStart = position + 1
                    }
                    fields.append(fieldStart..<contentEnd)
                    guard fields.count >= columns.count else {
                        throw GazetteerError.malformed(
                            path: path, line: lineNumber,
                            reason: "\(fields.count) fields where the header has \(columns.count)")
                    }
                    try body(TSVRow(buffer: buffer, fields: fields), lineNumber)
                }
                lineStart = lineEnd + 1
            }
        }
    }
}

/// One row of a ``TSVFile``, valid only inside the `forEachRow` callback.
struct TSVRow {
    let buffer: UnsafeBufferPointer<UInt8>
    let fields: [Range<Int>]

    /// The field as a string.
    func string(_ column: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[fields[column]]), as: UTF8.self)
    }

    /// Whether the field is empty.
    func isEmpty(_ column: Int) -> Bool { fields[column].isEmpty }

    /// The field as an integer, or nil when empty or not a number.
    func int(_ column: Int) -> Int? {
        let range = fields[column]
        guard !range.isEmpty else { return nil }
        var value = 0
        var negative = false
        for position in range {
            let byte = buffer[position]
            if byte == 0x2D && position == range.lowerBound { negative = true; continue }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value &* 10 &+ Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    /// The field as a floating-point number, or nil when empty or not a number.
    func double(_ column: Int) -> Double? {
        let range = fields[column]
        guard !range.isEmpty else { return nil }
        return Double(string(column))
    }
}
