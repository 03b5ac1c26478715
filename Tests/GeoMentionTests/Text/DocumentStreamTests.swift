import Foundation
import Testing
import GeoMention

@Suite struct DocumentStreamTests {
    @Test func readsPlainMarkdownAndHTMLFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let txt = try dir.write("note.txt", "Fire near Athens.\r\nSmoke over Piraeus.")
        let md = try dir.write("brief.md", "# Heat wave in Seville\n\nTemperatures hit 44 C.")
        let html = try dir.write("page.HTML", "<title>Kyiv</title><p>Power cut in Kyiv &amp; Lviv.</p>")
        let results = readAll([.path(txt), .path(md), .path(html)])
        let docs = results.compactMap(\.value)
        #expect(docs.count == 3)
        #expect(docs[0] == Document(id: "note.txt", text: "Fire near Athens.\r\nSmoke over Piraeus.", source: txt))
        #expect(docs[1].title == "Heat wave in Seville")
        #expect(docs[1].text.hasPrefix("# Heat wave"))
        #expect(docs[2].title == "Kyiv" && docs[2].text == "Power cut in Kyiv & Lviv." && docs[2].id == "page.HTML")
    }

    @Test func jsonLinesReportsBadLinesAndGoesOn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let lines = [
            #"{"id": "a1", "text": "Quake in Izmir.", "title": "Quake", "date": "2024-03-05", "url": "http://example.org/q"}"#,
            #"{"text": "Flood in Passau."}"#,
            "",
            #"{"id": 42, "text": "Snow in Oslo."}"#,
            #"{"id": "b", "text": "unterminated"#,
            #"{"id": "c"}"#,
            #"{"text": 7}"#,
            #"["text"]"#,
            #"{"text": "Wind in Cork.", "title": 3}"#,
            #"{"text": "Fog in Bergen.", "title": null}"#,
        ]
        let file = try dir.write("feed.jsonl", lines.joined(separator: "\n") + "\n")
        let results = readAll([.path(file)])
        #expect(results.count == 9)
        let first = try #require(results[0].value)
        #expect(first == Document(id: "a1", text: "Quake in Izmir.", title: "Quake",
                                  url: "http://example.org/q", date: "2024-03-05", source: file + ":1"))
        #expect(results[1].value?.id == "feed.jsonl:2")
        #expect(results[2].value?.id == "42" && results[2].value?.source == file + ":4")
        #expect(results[3].error == .malformedLine(path: file, line: 5, reason: "invalid JSON"))
        #expect(results[4].error == .malformedLine(path: file, line: 6, reason: "missing the required \"text\" field"))
        #expect(results[5].error == .malformedLine(path: file, line: 7, reason: "\"text\" must be a string"))
        #expect(results[6].error == .malformedLine(path: file, line: 8, reason: "the line is not a JSON object"))
        #expect(results[7].error == .malformedLine(path: file, line: 9, reason: "\"title\" must be a string"))
        #expect(results[8].value?.text == "Fog in Bergen." && results[8].value?.title == nil)
        #expect(results[3].error?.description.hasPrefix(file + ":5: invalid JSON") == true)
    }

    @Test func jsonLinesLimitSkipsOnlyTheLongLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let long = #"{"text": ""# + String(repeating: "x", count: 200_000) + #""}"#
        let file = try dir.write("big.jsonl", long + "\n" + #"{"text": "Rain in Hull."}"#)
        let results = readAll([.path(file)], limit: 1000)
        #expect(results.count == 2)
        #expect(results[0].error == .tooLarge(path: file + ":1", bytes: long.utf8.count, limit: 1000))
        #expect(results[1].value?.text == "Rain in Hull.")
    }

    @Test func decodesByteOrderMarksAndRepairsInvalidUTF8() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let le = try dir.write("le.txt", [0xFF, 0xFE] + Array("Łódź 🌊".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let be = try dir.write("be.txt", [0xFE, 0xFF] + Array("Łódź".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + [0x41])
        let bom = try dir.write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Nice".utf8))
        let bad = try dir.write("bad.txt", Array("Gda".utf8) + [0xFF, 0xC3] + Array("sk".utf8))
        let texts = readAll([.path(le), .path(be), .path(bom), .path(bad)]).map { $0.value?.text }
        #expect(texts == ["Łódź 🌊", "Łódź\u{FFFD}", "Nice", "Gda\u{FFFD}\u{FFFD}sk"])
    }

    @Test func binaryTooLargeMissingUnsupportedAndEmptyFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let binary = try dir.write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])
        let controls = try dir.write("controls.txt", [UInt8](repeating: 0x01, count: 40) + Array("Rome".utf8))
        let large = try dir.write("large.txt", String(repeating: "Paris ", count: 100))
        let empty = try dir.write("empty.txt", [])
        let pdf = try dir.write("report.pdf", "Paris")
        let results = readAll([.path(binary), .path(controls), .path(large), .path(dir.path + "/nope.txt"),
                               .path(pdf), .path(empty)], limit: 500)
        #expect(results.map(\.error) == [
            .binary(path: binary), .binary(path: controls), .tooLarge(path: large, bytes: 600, limit: 500),
            .missing(path: dir.path + "/nope.txt"), .unsupported(path: pdf), nil,
        ])
        #expect(results[5].value?.text == "")
        #expect(InputError.binary(path: binary).description.contains(binary))
    }

    @Test func directoriesAreReadRecursivelyInPathOrder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("b.txt", "Bonn")
        try dir.write("a/z.md", "Zagreb")
        try dir.write("a.txt", "Aachen")
        try dir.write("a/b/c.htm", "<p>Cologne</p>")
        try dir.write("a/skip.png", "not text")
        try dir.write(".hidden.txt", "Hidden")
        try dir.write("c.jsonl", #"{"text": "Cairo"}"# + "\n")
        let docs = readAll([.path(dir.path)]).compactMap(\.value)
        #expect(docs.map(\.id) == ["a.txt", "a/b/c.htm", "a/z.md", "b.txt", "c.jsonl:1"])
        #expect(docs.map(\.text) == ["Aachen", "Cologne", "Zagreb", "Bonn", "Cairo"])
    }

    @Test func symlinkLoopsAreReportedAndSkipped() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("sub/x.txt", "Lima")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/sub/back", withDestinationPath: dir.path)
        let results = readAll([.path(dir.path)])
        #expect(results.count == 2)
        #expect(results[0].error == .symlinkLoop(path: dir.path + "/sub/back"))
        #expect(results[1].value?.text == "Lima")
    }

    @Test func standardInputIsSniffedAsJSONLinesOrText() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let jsonl = try dir.write("in1", "  \n{\"text\": \"Baku\"}\n{\"text\": \"Tbilisi\", \"id\": \"t\"}")
        let plain = try dir.write("in2", "Yerevan is near Ararat.")
        let first = Array(DocumentStream(inputs: [.standardInput], standardInput: try #require(FileHandle(forReadingAtPath: jsonl))))
        #expect(first.compactMap(\.value).map(\.id) == ["stdin:2", "t"])
        #expect(first.compactMap(\.value).map(\.source) == ["-:2", "-:3"])
        let second = Array(DocumentStream(inputs: [DocumentStream.Input(argument: "-")],
                                          standardInput: try #require(FileHandle(forReadingAtPath: plain))))
        #expect(second.compactMap(\.value) == [Document(id: "stdin", text: "Yerevan is near Ararat.", source: "-")])
    }
}
