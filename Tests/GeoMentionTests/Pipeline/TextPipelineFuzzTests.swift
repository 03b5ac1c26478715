import CLibXML2
import Foundation
import Testing
@testable import GeoMention

/// Seeded random documents through reading, parsing and every writer: offsets stay inside the
/// text, cut out the reported name, and every output parses again.
@Suite struct TextPipelineFuzzTests {
    static let caseCount = 6_000
    static let seed: UInt64 = 20_240_610

    static let pieces: [String] = [
        "Kyiv", "Lviv", "Kharkiv", "Paris", "Paris, Texas", "Springfield, Ill.", "São Paulo", "Zürich", "Łódź", "Kraków",
        "New York", "LVIV, Ukraine —", "U.S.", "Russian", "Cairo", "Aleppo", "Mosul", "Donetsk", "Georgia", "Jordan",
        "the", "said", "in", "near", "shelling hit", "on Tuesday", "officials", "forces", "river", "of",
        ".", ",", ";", "—", "(", ")", "\"", "“", "”", "'", "!", "?", "...", "\n", "\r\n", "\t", "  ",
        "Київ", "Харків", "Москва", "東京", "北京市", "서울", "القاهرة", "بيروت", "ירושלים", "दिल्ली", "กรุงเทพ",
        "🌊", "🇺🇦", "👩‍👩‍👧", "e\u{301}", "O\u{308}\u{301}desa", "\u{200F}", "\u{202E}", "\u{FEFF}", "\u{0}", "\u{7}",
        "]]>", "<script>x</script>", "&amp;", "&", "<", ">", "<!--", "-->", "\\", "\u{FFFD}", "\u{2028}",
    ]

    private func randomText(_ random: inout SeededGenerator) -> String {
        let count = Int.random(in: 1...40, using: &random)
        var words: [String] = []
        for _ in 0..<count { words.append(Self.pieces.randomElement(using: &random)!) }
        return words.joined(separator: Bool.random(using: &random) ? " " : "")
    }

    private func htmlPage(_ text: String, _ random: inout SeededGenerator) -> String {
        let tags = ["<p>", "</p>", "<b>", "<br>", "<div class=\"a>b\">", "<script>var s='</p>';</script>",
                    "<style>p{}</style>", "<!-- c -->", "&lt;", "&#x4B;", "&eacute;", "<i", "</td><td>"]
        return text.split(separator: " ", omittingEmptySubsequences: false).map {
            String($0) + (Int.random(in: 0..<3, using: &random) == 0 ? tags.randomElement(using: &random)! : " ")
        }.joined()
    }

    private func parsesAsXML(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let document = xmlReadMemory(base, Int32(raw.count), nil, "UTF-8",
                                               Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            else { return false }
            xmlFreeDoc(document)
            return true
        }
    }

    @Test func randomDocumentsKeepOffsetsAndOutputsValid() throws {
        let gazetteer = try TestGazetteers.world.get()
        let parser = GeoParser(gazetteer: gazetteer)
        let builder = FeatureBuilder(gazetteer: gazetteer, granularity: .mention)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var random = SeededGenerator(seed: Self.seed)
        var checked = 0, toponyms = 0
        let batch = 100
        for first in stride(from: 0, to: Self.caseCount, by: batch) {
            // Each batch: some plain files, some HTML pages, the rest as lines of one JSON Lines file.
            var inputs: [DocumentStream.Input] = []
            var jsonLines = ""
            for number in first..<min(first + batch, Self.caseCount) {
                let text = randomText(&random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: inputs.append(.path(try dir.write("c\(number).txt", text)))
                case 1: inputs.append(.path(try dir.write("c\(number).html", htmlPage(text, &random))))
                default:
                    jsonLines += "{\"id\":" + TextEscaping.jsonString("c\(number) " + text) + ",\"title\":"
                        + TextEscaping.jsonString(text) + ",\"text\":" + TextEscaping.jsonString(text) + "}\n"
                }
            }
            inputs.append(.path(try dir.write("b\(first).jsonl", jsonLines)))
            var features: [MapFeature] = []
            for result in DocumentStream(inputs: inputs) {
                guard case .success(let document) = result else {
                    // Plain files whose random text starts with a NUL are binary; nothing else may fail.
                    if case .failure(.binary) = result { checked += 1; continue }
                    Issue.record("unexpected input error \(result)")
                    continue
                }
                checked += 1
                let parsed = parser.parse(document)
                let scalars = Array(document.text.unicodeScalars)
                for resolved in parsed.mentions {
                    let mention = resolved.mention
                    try #require(0 <= mention.start && mention.start < mention.end && mention.end <= scalars.count,
                                 "\(document.source): \(mention.start)..<\(mention.end) of \(scalars.count)")
                    var name = String.UnicodeScalarView()
                    name.append(contentsOf: scalars[mention.start..<mention.end])
                    #expect(String(name) == mention.text, "\(document.source)")
                    toponyms += 1
                }
                let line = ToponymWriter.jsonObject(parsed)
                #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(document.source)")
                for row in ToponymWriter.tsvRows(parsed).split(separator: "\n") {
                    #expect(row.split(separator: "\t", omittingEmptySubsequences: false).count == 14)
                }
                features += builder.features(for: parsed)
            }
            let geojson = GeoJSONWriter(layerName: "fuzz \(first)").data(for: features)
            #expect((try? JSONSerialization.jsonObject(with: geojson)) != nil)
            #expect(parsesAsXML(try KMLWriter(documentName: "fuzz").render(features).data))
            #expect(parsesAsXML(Data(SVGMapWriter(title: "fuzz ]]>", outlines: WorldOutlines(countries: [])).render(features).utf8)))
            let table = RegionTable(features: features)
            #expect((try? JSONSerialization.jsonObject(with: table.json())) != nil)
            #expect(table.csv().split(separator: "\r\n").count == 1 + table.countries.reduce(0) { $0 + $1.regions.reduce(0) { $0 + $1.places.count } })
        }
        #expect(checked == Self.caseCount)
        #expect(toponyms > Self.caseCount / 2)
    }
}
