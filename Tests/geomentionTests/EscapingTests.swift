import Foundation
import Testing

/// Text that breaks formats (`]]>`, `<script>`, quotes, control characters, lone surrogates)
/// goes through every output, and every output parses again.
@Suite struct EscapingTests {
    /// Lone surrogates arrive as JSON escapes and are read as U+FFFD; the other hostile
    /// characters arrive as they are.
    static let hostile = #"]]> <script>alert(\"x\")</script> 'q' \"dq\" & \u0001\u0007\u001b\u007f \ud800 \udfff tab\there\r\nline \u2028 ]]]]><![CDATA[ --> <!--"#

    private func feed(in directory: URL) throws -> String {
        let lines = [
            #"{"id":"\#(Self.hostile)","title":"\#(Self.hostile)","url":"http://x.test/?a=1&b=\"2\"<>","date":"2024-06-10","text":"\#(Self.hostile) Shelling hit Kharkiv, officials in Lviv said. \#(Self.hostile) Odesa \ud800."}"#,
            #"{"id":"b,\"c\"","text":"Fighting near Donetsk, \"quoted\" <b>Mosul</b>]]>."}"#,
        ]
        let url = directory.appendingPathComponent("hostile.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    /// RFC 4180 parsing: quoted fields with doubled quotes, CRLF or LF row ends.
    static func parseCSV(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false, fieldStarted = false
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard !fieldStarted else { throw CSVError.quoteInsideField }
                quoted = true
                fieldStarted = true
            case ",":
                row.append(field); field = ""; fieldStarted = false
            case "\r":
                guard scalars.first == "\n" else { throw CSVError.bareCarriageReturn }
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; fieldStarted = false
            default:
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        guard !quoted else { throw CSVError.unterminatedQuote }
        if fieldStarted || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    enum CSVError: Error { case quoteInsideField, bareCarriageReturn, unterminatedQuote }

    @Test func everyOutputOfHostileTextParsesAgain() throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try feed(in: directory)

        let jsonl = try CommandRunner.run(["extract", "--format", "jsonl", input])
        #expect(jsonl.status == 0, "\(jsonl.standardError)")
        let objects = try jsonl.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let expectedID = "]]> <script>alert(\"x\")</script> 'q' \"dq\" & \u{1}\u{7}\u{1B}\u{7F} \u{FFFD} \u{FFFD} tab\there\r\nline \u{2028} ]]]]><![CDATA[ --> <!--"
        #expect(objects.map { $0["id"] as? String } == [expectedID, "b,\"c\""])
        let names = (objects[0]["toponyms"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.contains("Kharkiv") && names.contains("Lviv"))

        let json = try CommandRunner.run(["extract", "--format", "json", input])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == [expectedID, "b,\"c\""])

        let tsv = try CommandRunner.run(["extract", "--format", "tsv", input])
        let rows = tsv.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 22 })
        #expect(rows.count == 1 + objects.reduce(0) { $0 + (($1["toponyms"] as? [Any])?.count ?? 0) })
        let bare = try CommandRunner.run(["extract", "--format", "tsv", "--no-context", input])
        let bareRows = bare.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(bareRows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 14 })
        #expect(bareRows.count == rows.count)

        let out = directory.appendingPathComponent("out")
        let map = try CommandRunner.run(["map", input, "--output-dir", out.path, "--name", "]]><script>'\"&"])
        #expect(map.status == 0, "\(map.standardError)")
        let base = out.appendingPathComponent("]]><script>'\"&")
        let geojson = try Data(contentsOf: base.appendingPathExtension("geojson"))
        let collection = try #require(try JSONSerialization.jsonObject(with: geojson) as? [String: Any])
        #expect(collection["name"] as? String == "]]><script>'\"&")
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.contains { ($0["properties"] as? [String: Any])?["doc_title"] as? String == expectedID }
                || features.contains { ($0["properties"] as? [String: Any])?.values.contains { $0 as? String == expectedID } == true })
        for ext in ["kml", "svg"] {
            let data = try Data(contentsOf: base.appendingPathExtension(ext))
            #expect(OutputSafetyTests.parsesCompletely(data, isJSON: false), "\(ext)")
            #expect(!String(decoding: data, as: UTF8.self).contains("<script>"), "\(ext)")
        }
        #expect(LayerFixtures.validatesAgainstKMLSchema(base.appendingPathExtension("kml")))

        let csv = try CommandRunner.run(["regions", input, "--format", "csv"])
        let table = try Self.parseCSV(csv.standardOutput)
        #expect(table.first?.count == 10 && table.allSatisfy { $0.count == 10 } && table.count > 2)
        let regionsJSON = try CommandRunner.run(["regions", input, "--format", "json"])
        #expect((try? JSONSerialization.jsonObject(with: Data(regionsJSON.standardOutput.utf8))) != nil)
        let markdown = try CommandRunner.run(["regions", input, "--format", "markdown"])
        let tableRows = markdown.standardOutput.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(!tableRows.isEmpty)
        #expect(Set(tableRows.map { $0.filter { $0 == "|" }.count }).count == 1)
    }

    @Test func csvParserReadsQuotedFields() throws {
        #expect(try Self.parseCSV("a,\"b,\"\"c\"\"\r\nd\",e\r\n,\r\n") == [["a", "b,\"c\"\r\nd", "e"], ["", ""]])
        #expect(throws: CSVError.self) { try Self.parseCSV("a\"b") }
    }
}
