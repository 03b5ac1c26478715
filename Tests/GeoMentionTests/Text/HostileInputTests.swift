import Foundation
import Testing
import GeoMention

/// Inputs from scraped folders: broken encodings, binaries, devices, FIFOs, odd paths, huge
/// counts. The stream must name every bad file, keep going and never hang.
@Suite struct HostileInputTests {
    @Test func invalidUTF8BecomesReplacementCharactersOneScalarEach() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // A lone continuation byte, a truncated two-byte sequence, an encoded surrogate, an overlong slash.
        let bytes = Array("Rain in ".utf8) + [0x80] + Array(" Lviv ".utf8) + [0xC3] + Array(" and ".utf8)
            + [0xED, 0xA0, 0x80] + Array(" Kyiv ".utf8) + [0xC0, 0xAF] + Array(".".utf8)
        let file = try dir.write("bad.txt", bytes)
        let text = try #require(readAll([.path(file)]).first?.value?.text)
        #expect(text.unicodeScalars.allSatisfy { $0 != "\u{0}" })
        let lviv = try #require(text.range(of: "Lviv"))
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: lviv.lowerBound)
        #expect(scalarSlice(text, start..<(start + 4)) == "Lviv")
        #expect(text.hasPrefix("Rain in \u{FFFD} Lviv \u{FFFD} and "))
        #expect(text.hasSuffix(" Kyiv \u{FFFD}\u{FFFD}."))
    }

    @Test func utf16WithByteOrderMarkCRLFAndUTF8ByteOrderMark() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let sample = "Kyiv\r\nLviv — Ужгород\r\n"
        let le = try dir.write("le.txt", [0xFF, 0xFE] + sample.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let be = try dir.write("be.txt", [0xFE, 0xFF] + sample.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let bom = try dir.write("bom.md", [0xEF, 0xBB, 0xBF] + Array(("# Title\r\n" + sample).utf8))
        let crlf = try dir.write("crlf.jsonl", "{\"text\": \"Oslo\"}\r\n{\"text\": \"Bergen\"}\r\n")
        let docs = readAll([.path(le), .path(be), .path(bom), .path(crlf)]).compactMap(\.value)
        #expect(docs.map(\.text) == [sample, sample, "# Title\r\n" + sample, "Oslo", "Bergen"])
        #expect(docs[2].title == "Title")
    }

    @Test func nulBytesNearTheStartMeanBinaryLaterOnesAreKept() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let early = try dir.write("early.txt", Array("Rome".utf8) + [0] + Array("Milan".utf8))
        let late = try dir.write("late.txt", Array(String(repeating: "a ", count: 5000).utf8) + [0] + Array("Milan".utf8))
        let results = readAll([.path(early), .path(late)])
        #expect(results[0].error == .binary(path: early))
        #expect(results[1].value?.text.hasSuffix("\u{0}Milan") == true)
    }

    @Test func binaryFilesAreSkippedWithAMessageNamingThem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var random = SeededGenerator(seed: 11)
        let noise = try dir.write("photo.txt", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })
        let text = try dir.write("z.txt", "Paris")
        let results = readAll([.path(dir.path)])
        #expect(results.map(\.error) == [.binary(path: noise), nil])
        #expect(results[1].value?.source == text)
        #expect(InputError.binary(path: noise).description == "\(noise): looks like a binary file, skipped; give text, HTML or JSON Lines")
    }

    @Test func emptyFilesGiveEmptyDocuments() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let txt = try dir.write("e.txt", ""), html = try dir.write("e.html", ""), jsonl = try dir.write("e.jsonl", "")
        let results = readAll([.path(txt), .path(html), .path(jsonl)])
        #expect(results.map { $0.value?.text } == ["", ""])
    }

    @Test func hundredThousandTinyDocumentsStreamInOrder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let count = 100_000
        var feed = ""
        for number in 0..<count { feed += "{\"id\":\"d\(number)\",\"text\":\"Rain \(number).\"}\n" }
        let file = try dir.write("tiny.jsonl", feed)
        var seen = 0
        for result in DocumentStream(inputs: [.path(file)]) {
            guard case .success(let document) = result, document.id == "d\(seen)" else { break }
            seen += 1
        }
        #expect(seen == count)
    }

    @Test func htmlScriptsStylesCommentsEntitiesAndBrokenTags() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let page = """
        <!DOCTYPE html><html><head><title>Floods &amp; fires</title>
        <style>p { content: "Berlin"; }</style><script>var city = "Madrid</p>"; if (a < b) {}</script>
        <SCRIPT type="x">Rome</SCRIPT></head><body><!-- Vienna --><p class="a>b">Rain in K&#121;iv &eacute;t&#xE9; &bogus; &amp</p>
        <p>Wind in <b>Lviv<i></b></i> and <a href='x>y'>Odesa</a> 3 < 4 <br/ > <div unclosed
        """
        let file = try dir.write("page.html", page)
        let document = try #require(readAll([.path(file)]).first?.value)
        #expect(document.title == "Floods & fires")
        #expect(document.text == "Rain in Kyiv été &bogus; &amp\n\nWind in Lviv and Odesa 3 < 4\n<div unclosed")
        for hidden in ["Berlin", "Madrid", "Rome", "Vienna"] { #expect(!document.text.contains(hidden)) }
    }

    @Test func jsonLinesProblemsNameFileAndLineAndTheRestIsRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let lines = [
            #"{"text": "Snow in Oslo."}"#, "not json", #"{"title": "no text"}"#, #"{"text": ["Lima"]}"#,
            #"{"text": "ok", "date": 20240101}"#, #"{"text": "ok", "id": true}"#, "{", #"{"text": null}"#,
            #"{"text": "Fog in \ud800 Bergen \udc00.", "id": "s\ud83c\udf0a"}"#, #"{"text": "Sun in Nice."}"#,
        ]
        let file = try dir.write("feed.jsonl", lines.joined(separator: "\n"))
        let results = readAll([.path(file)])
        #expect(results.map { $0.error?.path } == [nil, file + ":2", file + ":3", file + ":4", file + ":5", file + ":6",
                                                   file + ":7", file + ":8", nil, nil])
        #expect(results[1].error?.description == "\(file):2: invalid JSON; fix or remove this line (the other lines were read)")
        #expect(results[4].error == .malformedLine(path: file, line: 5, reason: "\"date\" must be a string"))
        #expect(results[5].error == .malformedLine(path: file, line: 6, reason: "\"id\" must be a string or a number"))
        #expect(results[8].value?.text == "Fog in \u{FFFD} Bergen \u{FFFD}.")
        #expect(results[8].value?.id == "s🌊")
        #expect(results[9].value?.text == "Sun in Nice.")
    }

    @Test func missingFilesAndPathsThroughAFileAreReportedWithTheSystemReason() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("plain.txt", "Rome")
        let results = readAll([.path(dir.path + "/gone.txt"), .path(file + "/inner.txt"), .path(file)])
        #expect(results[0].error == .missing(path: dir.path + "/gone.txt"))
        #expect(results[1].error == .unreadable(path: file + "/inner.txt", reason: "Not a directory"))
        #expect(results[1].error?.description == "\(file)/inner.txt: cannot be read (Not a directory); check the path and its permissions")
        #expect(results[2].value?.text == "Rome")
    }

    // Root reads any file whatever its mode, so this case can only be shown as another user.
    @Test(.enabled(if: getuid() != 0, "running as root, which may read a file with mode 000"))
    func fileWithoutReadPermissionIsReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("secret.txt", "Rome")
        chmod(file, 0)
        #expect(readAll([.path(file)]).first?.error == .unreadable(path: file, reason: "Permission denied"))
    }

    @Test func devicesAreRefusedAndNeverRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/zero.txt", withDestinationPath: "/dev/zero")
        try dir.write("after.txt", "Oslo")
        let results = readAll([.path("/dev/null"), .path("/dev/zero"), .path(dir.path)])
        #expect(results.map(\.error) == [
            .notAFile(path: "/dev/null", kind: "a character device"), .notAFile(path: "/dev/zero", kind: "a character device"),
            nil, .notAFile(path: dir.path + "/zero.txt", kind: "a character device"),
        ])
        #expect(results[2].value?.text == "Oslo")
    }

    @Test func fifoWithoutWriterReadsAsEmptyInsteadOfBlocking() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let fifo = dir.path + "/pipe.txt"
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(readAll([.path(fifo)]).map { $0.value?.text } == [""])
    }

    @Test func endlessStandardInputStopsAtTheSizeLimit() throws {
        let zero = try #require(FileHandle(forReadingAtPath: "/dev/zero"))
        let results = Array(DocumentStream(inputs: [.standardInput], maxDocumentBytes: 100_000, standardInput: zero))
        #expect(results.count == 1)
        guard case .tooLarge(let path, let bytes, let limit) = results.first?.error else {
            Issue.record("expected tooLarge, got \(results)")
            return
        }
        #expect(path == "-" && limit == 100_000 && bytes > 100_000 && bytes <= 100_000 + (1 << 16))
    }

    @Test func symlinkLoopsDeepInsideATreeAreSkippedAndTheRestRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a/b/c/x.txt", "Lima")
        try dir.write("a/y.txt", "Quito")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/a/b/c/up", withDestinationPath: dir.path + "/a")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/a/self", withDestinationPath: dir.path + "/a/self")
        let results = readAll([.path(dir.path)])
        #expect(results.compactMap(\.value).map(\.text) == ["Lima", "Quito"])
        #expect(results.compactMap(\.error) == [
            .symlinkLoop(path: dir.path + "/a/b/c/up"),
            .unreadable(path: dir.path + "/a/self", reason: "broken link or no access"),
        ])
    }

    @Test func documentsOverTheLimitAreRefusedWithTheLimitInTheMessage() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("long.md", String(repeating: "Paris ", count: 2000))
        let error = try #require(readAll([.path(file)], limit: 10_000).first?.error)
        #expect(error == .tooLarge(path: file, bytes: 12_000, limit: 10_000))
        #expect(error.description == "\(file): document is over the limit of 10000 bytes (12000 bytes read); split it or raise the limit (--max-document-size)")
    }
}

/// A small deterministic random number generator (SplitMix64) for reproducible test data.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
