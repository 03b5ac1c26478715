import Foundation
import Testing
@testable import GeoMention

@Suite struct FeatureCSVWriterTests {
    @Test func writesSharedFieldsAsColumns() {
        let writer = FeatureCSVWriter()
        #expect(writer.header == ["id", "latitude", "longitude"] + MapFeature.fields.map(\.name))
        let lines = writer.text(for: ExportSamples.features).components(separatedBy: "\r\n")
        #expect(lines[0] == writer.header.joined(separator: ","))
        #expect(lines[1].hasPrefix("doc-1#10,36.202105,37.134260,Aleppo,Aleppo,city,SY,SYR,Syria,SY-02,Aleppo Governorate,170063,3,"))
        #expect(lines[4].hasPrefix("doc-2#77,,,,Qasr al-Hayr,"))
    }

    @Test func quotesHostileFieldsSoTheyRoundTrip() throws {
        let text = FeatureCSVWriter().text(for: [ExportSamples.features[4]])
        let rows = Self.parseCSV(text)
        #expect(rows.count == 2)
        #expect(rows[1].count == FeatureCSVWriter().header.count)
        let columns = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(columns["id"] == "doc-3#1 \"<&>\"")
        #expect(columns["context"] == ExportSamples.hostileContext)
        #expect(columns["reason"] == "it's \"near\" ]]> & <here>")
        #expect(columns["trigger"] == "<b>shots</b>")
    }

    /// A strict RFC 4180 reader for the round trip.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(scalar) }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field); field = ""
            } else if scalar == "\r", scalars.first == "\n" {
                scalars.removeFirst(); row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return rows
    }
}

@Suite struct AtomicFileWriterTests {
    @Test func createsMissingDirectoriesAndReplacesFiles() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a/b/out.txt")
        try AtomicFileWriter.write(Data("first".utf8), to: url)
        try AtomicFileWriter.write(Data("second".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(leftovers == ["out.txt"])
    }

    @Test func failsNamingThePathAndLeavesNoTemporaryFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        // The destination's parent is a regular file.
        let error = try #require(throws: ExportError.self) {
            try AtomicFileWriter.write(Data("y".utf8), to: blocker.appendingPathComponent("out.txt"))
        }
        #expect(error.description.contains(blocker.path))
        // The destination is an existing directory: rename fails, the temporary file is removed.
        let target = directory.appendingPathComponent("dir")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inner"), withIntermediateDirectories: true)
        let renameError = try #require(throws: ExportError.self) { try AtomicFileWriter.write(Data("z".utf8), to: target) }
        #expect(renameError.description.contains(target.path))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["file", "dir"])
    }
}
