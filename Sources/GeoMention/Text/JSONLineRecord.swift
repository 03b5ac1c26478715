import Foundation

/// The fields of one JSON Lines record: `text` (required string), and optional `id`
/// (string or number), `title`, `date` and `url` (strings). `null` counts as absent for the
/// optional fields; other keys are ignored.
struct JSONLineRecord: Decodable {
    var id: String?
    var text: String
    var title: String?
    var date: String?
    var url: String?

    /// Why a record was refused, worded for ``InputError/malformedLine(path:line:reason:)``.
    struct Problem: Error {
        var reason: String
    }

    private enum Key: String, CodingKey {
        case id, text, title, date, url
    }

    /// A record with the given fields.
    init(id: String? = nil, text: String, title: String? = nil, date: String? = nil, url: String? = nil) {
        self.id = id
        self.text = text
        self.title = title
        self.date = date
        self.url = url
    }

    init(from decoder: any Decoder) throws {
        let container: KeyedDecodingContainer<Key>
        do {
            container = try decoder.container(keyedBy: Key.self)
        } catch {
            throw Problem(reason: "the line is not a JSON object")
        }
        guard container.contains(.text) else {
            throw Problem(reason: "missing the required \"text\" field")
        }
        guard let text = try? container.decode(String.self, forKey: .text) else {
            throw Problem(reason: "\"text\" must be a string")
        }
        self.text = text
        self.id = try Self.decodeID(container)
        self.title = try Self.optionalString(container, .title)
        self.date = try Self.optionalString(container, .date)
        self.url = try Self.optionalString(container, .url)
    }

    private static func optionalString(
        _ container: KeyedDecodingContainer<Key>, _ key: Key
    ) throws -> String? {
        guard container.contains(key), !((try? container.decodeNil(forKey: key)) ?? false) else {
            return nil
        }
        guard let value = try? container.decode(String.self, forKey: key) else {
            throw Problem(reason: "\"\(key.rawValue)\" must be a string")
        }
        return value
    }

    private static func decodeID(_ container: KeyedDecodingContainer<Key>) throws -> String? {
        guard container.contains(.id), !((try? container.decodeNil(forKey: .id)) ?? false) else {
            return nil
        }
        if let string = try? container.decode(String.self, forKey: .id) { return string }
        if let integer = try? container.decode(Int64.self, forKey: .id) { return String(integer) }
        if let number = try? container.decode(Double.self, forKey: .id), number.isFinite {
            return String(number)
        }
        throw Problem(reason: "\"id\" must be a string or a number")
    }

    /// Parses one line.
    ///
    /// A well-formed line is read by ``JSONRecordReader``; any other line goes to Foundation's
    /// decoder, which words the problem. A line the decoder refuses is tried once more after
    /// repair: invalid UTF-8 becomes U+FFFD, and so does every lone surrogate escape such as
    /// `\ud800` (see `JSONEscapeRepair`). The problem reported is that of the repaired line.
    /// - Parameters:
    ///   - bytes: The line without its line feed.
    ///   - decoder: A decoder reused across lines.
    /// - Throws: ``Problem`` with a reason for a line that is not a usable record.
    static func parse(
        _ bytes: ArraySlice<UInt8>, with decoder: JSONDecoder
    ) throws(Problem) -> JSONLineRecord {
        if let record = JSONRecordReader.record(in: bytes) { return record }
        let firstProblem: Problem
        do {
            return try decode(Data(bytes), with: decoder)
        } catch {
            firstProblem = error
        }
        var repaired = Array(bytes)
        var changed = false
        if String(validating: bytes, as: UTF8.self) == nil {
            repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
            changed = true
        }
        if let replaced = JSONEscapeRepair.replacingLoneSurrogates(in: repaired) {
            repaired = replaced
            changed = true
        }
        guard changed else { throw firstProblem }
        return try decode(Data(repaired), with: decoder)
    }

    /// Decodes with Foundation's decoder alone, whose reading ``JSONRecordReader`` must match.
    static func decode(_ data: Data, with decoder: JSONDecoder) throws(Problem) -> JSONLineRecord {
        do {
            return try decoder.decode(JSONLineRecord.self, from: data)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(reason: "invalid JSON")
        }
    }
}
