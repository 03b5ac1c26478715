import Foundation
import Testing
@testable import GeoMention

/// `JSONRecordReader` must read every line it accepts exactly as Foundation's decoder does,
/// and must accept the ordinary lines of a feed.
@Suite struct JSONRecordReaderTests {
    /// The fields of a record, comparable.
    private struct Fields: Equatable {
        var id, title, date, url: String?
        var text: String

        init(_ record: JSONLineRecord) {
            (id, text, title, date, url) = (record.id, record.text, record.title, record.date, record.url)
        }
    }

    /// The reader's record, checked against the decoder's whenever the reader gives one.
    private func read(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Fields? {
        guard let record = JSONRecordReader.record(in: line[...]) else { return nil }
        let reference = try? JSONLineRecord.decode(Data(line), with: JSONDecoder())
        #expect(reference.map(Fields.init) == Fields(record), "\(String(decoding: line, as: UTF8.self))",
                sourceLocation: sourceLocation)
        return Fields(record)
    }

    @Test func readsOrdinaryRecords() throws {
        let lines = [
            #"{"id": "a1", "text": "Quake in Izmir.", "title": "Quake", "date": "2024-03-05", "url": "http://example.org/q"}"#,
            #" {"text":"Flood in Passau.","id":42} "# + "\r",
            #"{"text": "Snow in \"Oslo\"\n\u00e9\u0000\/\\ \ud83c\udf0a", "id": -7, "title": null, "date": null}"#,
            #"{"toponyms": [{"start": 1, "lat": -14.87e+2, "x": [true, false, null, {}, []]}], "text": "Łódź", "te\u0078t2": 0.5}"#,
            #"{"id": null, "text": "", "extra": {"text": 3, "id": [1, 2]}}"#,
            #"{"id": "n", "text": "a\tb\u2028"}"#,
            "{\"text\": \"\u{7F}\u{10FFFF}\\uFFFE\\uDBFF\\uDFFF\"}",
        ]
        let read = try lines.map { try #require(self.read(Array($0.utf8)), "\($0)") }
        #expect(read[0].id == "a1" && read[0].url == "http://example.org/q")
        #expect(read[1].id == "42" && read[1].text == "Flood in Passau.")
        #expect(read[2].text == "Snow in \"Oslo\"\n\u{e9}\u{0}/\\ 🌊" && read[2].id == "-7" && read[2].title == nil)
        #expect(read[3].text == "Łódź" && read[3].id == nil)
        #expect(read[4].text == "" && read[4].id == nil)
        #expect(read[6].text == "\u{7F}\u{10FFFF}\u{FFFE}\u{10FFFF}")
    }

    @Test func leavesDoubtfulLinesToTheDecoder() {
        let lines = [
            #"{"text": "a", "text": "b"}"#, #"{"text": "a", "id": 1.5}"#, #"{"text": "a", "id": -0}"#,
            #"{"text": "a", "id": 1234567890123456789}"#, #"{"text": 7}"#, #"{"text": null}"#, #"{"title": "t"}"#,
            #"{"text": "a\ud800"}"#, #"{"text": "a", "x": "\udc00"}"#, "{\"text\": \"a\tb\"}", #"["text"]"#,
            #"{"text": "a"} x"#, #"{"text": "a",}"#, #"{"text": "a", "date": 20240101}"#, #"{"text": "a", "x": 01}"#,
            #"{"text": "a", "x": 1.}"#, #"{"text": "a", "x": tru}"#, "{\"text\": \"a\", \"x\": "
                + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}",
        ]
        for line in lines { #expect(read(Array(line.utf8)) == nil, "\(line)") }
        #expect(read(Array(#"{"text": "a"#.utf8) + [0xFF] + Array(#""}"#.utf8)) == nil)
    }

    /// Escaped text is unescaped straight into the String, which repairs bad UTF-8 with U+FFFD;
    /// a real U+FFFD must survive and a repaired byte must send the line to the decoder.
    @Test func replacementCharactersInEscapedTextAreTellTaleOnlyWhenRepaired() throws {
        let genuine = try #require(read(Array(#"{"text": "a\n\#u{FFFD} b\u00e9"}"#.utf8)))
        #expect(genuine.text == "a\n\u{FFFD} b\u{e9}")
        let escaped = try #require(read(Array(#"{"text": "a\n\ufffd"}"#.utf8)))
        #expect(escaped.text == "a\n\u{FFFD}")
        for bad: [UInt8] in [[0xFF], [0xC3], [0xF0, 0x9F, 0x8C], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
            let line = Array(#"{"text": "a\n"#.utf8) + bad + Array(#" z"}"#.utf8)
            #expect(read(line) == nil, "\(bad)")
        }
    }

    /// Random edits of valid lines: whatever the reader accepts, the decoder reads the same.
    @Test func agreesWithTheDecoderOnMangledLines() {
        let seeds = [
            #"{"id": "a\u00e91", "text": "Quake in \"Izmir\".\n", "title": "Q", "date": null, "url": "u"}"#,
            #"{"toponyms": [{"s": 1, "lat": -1.5e3, "x": [true, false, null, {}]}], "text": "Łódź \ud83c\udf0a", "id": 12}"#,
            #"{"text": "Floods along the Danube near Győr and Komárom forced \"hundreds\" from their homes\r\n", "id": "long-1"}"#,
        ]
        let alphabet = Array(#"{}[]:,"\ u0123456789abcdefDEe+-.ntlrsx"#.utf8) + [0x09, 0x0D, 0x00, 0xC3, 0xA9, 0xFF]
        var random = SeededGenerator(seed: 7)
        var accepted = 0
        for _ in 0..<20_000 {
            var line = Array(seeds.randomElement(using: &random)!.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0..<line.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: line.remove(at: position)
                case 1: line.insert(alphabet.randomElement(using: &random)!, at: position)
                default: line[position] = alphabet.randomElement(using: &random)!
                }
                if line.isEmpty { line = [0x7B] }
            }
            if read(line) != nil { accepted += 1 }
        }
        #expect(accepted > 1000)
    }
}
