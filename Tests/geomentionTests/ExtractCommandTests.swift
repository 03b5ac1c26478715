import Foundation
import Testing

/// `geomention extract` end to end on a short article, on the bundled world gazetteer.
@Suite struct ExtractCommandTests {
    /// A short news article: headline, dateline, qualifiers, old spellings, demonyms and a
    /// person named like a place.
    static let article = """
    Flood relief reaches western Ukraine

    LVIV, Ukraine — Volunteers from Poland unloaded trucks of bottled water in Lviv on Tuesday, \
    two days after the Dniester burst its banks south of the city.

    Residents of Rivne and Ternopil said the water had reached the first floors of houses. Older \
    maps still call the towns Rovno and Tarnopol.

    Polish and Ukrainian rescuers worked side by side. “We came from Kraków as soon as we heard,” \
    said Anna Nowak, a firefighter. President Jordan Peterson was not involved.

    Aid also arrived from Springfield, Ill., where a church collected blankets, and from Paris, \
    Texas, whose mayor sent a letter of support.

    """

    /// A folder of its own holding `files` (relative path → contents).
    private func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("geomention-extract-\(UUID().uuidString)")
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return root
    }

    private func jsonLines(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    private func toponyms(_ document: [String: Any]) throws -> [[String: Any]] {
        try #require(document["toponyms"] as? [[String: Any]])
    }

    /// The toponyms of the first document that `output` prints as JSON Lines.
    private func firstToponyms(_ output: CommandRunner.Output) throws -> [[String: Any]] {
        try toponyms(try #require(try jsonLines(output.standardOutput).first))
    }

    private func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    private func scalars(_ text: String, _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[start..<end])
        return String(view)
    }

    // MARK: The article

    @Test func jsonLinesGivesEveryToponymOfTheArticleWithAllFields() throws {
        let root = try folder(["article.txt": Self.article])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try CommandRunner.run(["extract", "--format", "jsonl", root.appendingPathComponent("article.txt").path])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        #expect(output.standardOutput.hasSuffix("}\n"))
        let documents = try jsonLines(output.standardOutput)
        #expect(documents.count == 1)
        let document = try #require(documents.first)
        #expect(document["id"] as? String == "article.txt")
        let found = try toponyms(document)
        #expect(found.map { $0["name"] as? String ?? "?" } == [
            "Ukraine", "LVIV", "Ukraine", "Poland", "Lviv", "Dniester", "Rivne", "Ternopil", "Rovno", "Tarnopol",
            "Polish", "Ukrainian", "Kraków", "Springfield", "Ill.", "Paris", "Texas",
        ])
        let fields: Set<String> = ["start", "end", "name", "form", "lat", "lon", "geonameid", "place", "kind", "country",
                                   "admin1", "confidence", "reason", "sentence", "context", "event_type", "trigger",
                                   "role", "event_date", "time_precision", "geo_precision"]
        for toponym in found {
            #expect(Set(toponym.keys) == fields)
            let start = try #require(toponym["start"] as? Int), end = try #require(toponym["end"] as? Int)
            #expect(scalars(Self.article, start, end) == toponym["name"] as? String)
            let confidence = try #require(number(toponym["confidence"]))
            #expect((0...1).contains(confidence))
            #expect((toponym["reason"] as? String)?.isEmpty == false)
            #expect(number(toponym["lat"]) != nil && number(toponym["lon"]) != nil)
            #expect(["name", "abbreviation", "demonym"].contains(toponym["form"] as? String ?? ""))
        }
        func first(_ name: String) throws -> [String: Any] {
            try #require(found.first { $0["name"] as? String == name }, "no \(name)")
        }
        let lviv = try first("LVIV")
        #expect(lviv["place"] as? String == "Lviv")
        #expect(lviv["kind"] as? String == "city")
        #expect(lviv["country"] as? String == "UA")
        #expect(lviv["admin1"] as? String == "UA-46")
        #expect(lviv["geonameid"] as? Int == 702550)
        #expect(abs((number(lviv["lat"]) ?? 0) - 49.84) < 0.1 && abs((number(lviv["lon"]) ?? 0) - 24.03) < 0.1)
        #expect((lviv["reason"] as? String)?.contains("dateline") == true)
        #expect(try first("Rovno")["place"] as? String == "Rivne")
        #expect(try first("Tarnopol")["place"] as? String == "Ternopil")
        #expect(try first("Kraków")["country"] as? String == "PL")
        let polish = try first("Polish")
        #expect(polish["form"] as? String == "demonym")
        #expect(polish["country"] as? String == "PL" && polish["kind"] as? String == "country")
        let illinois = try first("Ill.")
        #expect(illinois["form"] as? String == "abbreviation")
        #expect(illinois["admin1"] as? String == "US-IL")
        #expect(try first("Springfield")["admin1"] as? String == "US-IL")
        let paris = try first("Paris")
        #expect(paris["admin1"] as? String == "US-TX")
        #expect(paris["geonameid"] as? Int == 4717560)
        let dniester = try first("Dniester")
        #expect(dniester["kind"] as? String == "physical")
        #expect(dniester["geonameid"] is NSNull || dniester["geonameid"] is Int)
        #expect(!found.contains { $0["name"] as? String == "Jordan" }, "a person's name is not a place")
    }

    @Test func noDemonymsLeavesOutTheAdjectivals() throws {
        let root = try folder(["article.txt": Self.article])
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("article.txt").path
        let with = try firstToponyms(try CommandRunner.run(["extract", path]))
        let output = try CommandRunner.run(["extract", "--no-demonyms", path])
        #expect(output.status == 0)
        let without = try firstToponyms(output)
        #expect(without.allSatisfy { $0["form"] as? String != "demonym" })
        #expect(!without.contains { ["Polish", "Ukrainian"].contains($0["name"] as? String ?? "") })
        #expect(without.count == with.count - 2)
    }

    @Test func jsonFormatIsOneArrayOfTheSameObjects() throws {
        let root = try folder(["article.txt": Self.article, "short.txt": "Trains from Kiev were late.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let jsonl = try CommandRunner.run(["extract", root.path])
        let json = try CommandRunner.run(["extract", "--format", "json", root.path])
        #expect(json.status == 0, "stderr: \(json.standardError)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ["article.txt", "short.txt"])
        let lines = try jsonLines(jsonl.standardOutput)
        #expect(array.count == lines.count)
        for (one, other) in zip(array, lines) {
            #expect(NSDictionary(dictionary: one).isEqual(to: other))
        }
        let kiev = try #require(try toponyms(array[1]).first)
        #expect(kiev["place"] as? String == "Kyiv")
    }

    @Test func jsonFormatOfAFolderWithoutArticlesIsAnEmptyArray() throws {
        let root = try folder(["data.csv": "Kharkiv,1"])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try CommandRunner.run(["extract", "--format", "json", root.path])
        #expect(output.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8))
        #expect((parsed as? [Any])?.isEmpty == true)
    }

    @Test func emptyStandardInputIsOneDocumentWithoutToponyms() throws {
        let output = try CommandRunner.run(["extract", "-"], input: Data())
        #expect(output.status == 0)
        let documents = try jsonLines(output.standardOutput)
        #expect(documents.count == 1)
        #expect(try documents.first.map(toponyms)?.isEmpty == true)
    }

    @Test func tsvFormatHasTheHeaderAndOneRowPerToponym() throws {
        let root = try folder(["article.txt": Self.article])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try CommandRunner.run(["extract", "--format", "tsv", root.appendingPathComponent("article.txt").path])
        #expect(output.status == 0)
        let lines = output.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "doc_id\tstart\tend\tname\tform\tplace\tkind\tcountry\tadmin1\tlat\tlon\tgeonameid\tconfidence\treason"
                + "\tsentence\tcontext\tevent_type\ttrigger\trole\tevent_date\ttime_precision\tgeo_precision")
        #expect(lines.last == "")
        let rows = lines.dropFirst().dropLast().map { $0.components(separatedBy: "\t") }
        #expect(rows.count == 17)
        #expect(rows.allSatisfy { $0.count == 22 && $0[0] == "article.txt" })
        let lviv = try #require(rows.first { $0[3] == "LVIV" })
        #expect(Array(lviv[1...8]) == ["38", "42", "LVIV", "name", "Lviv", "city", "UA", "UA-46"])
        #expect(lviv[11] == "702550")
        #expect(lviv[14] == "1" && lviv[18] == "dateline")
        #expect(lviv[15].hasPrefix("LVIV, Ukraine — Volunteers from Poland") && !lviv[15].contains("\n"))
        // Without a document date there is no event date.
        #expect(lviv[19] == "" && lviv[20] == "")
        let ukrainian = try #require(rows.first { $0[3] == "Ukrainian" })
        #expect(ukrainian[4] == "demonym" && ukrainian[7] == "UA")
    }

    // MARK: Event context

    @Test func eachToponymCarriesTheEventContextOfItsSentence() throws {
        let records = """
        {"id": "strike", "date": "2024-06-12", "text": "KYIV, Ukraine — Russian missiles struck Rivne on Tuesday.\\n\\nAid convoys later left Lviv for the city."}
        {"id": "undated", "text": "Shelling hit Kharkiv yesterday."}

        """
        let root = try folder(["feed.jsonl": records])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try CommandRunner.run(["extract", "--date", "2024-03-05", root.appendingPathComponent("feed.jsonl").path])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let documents = try jsonLines(output.standardOutput)
        #expect(documents.count == 2)
        let strike = try toponyms(documents[0])
        func named(_ name: String, in found: [[String: Any]]) throws -> [String: Any] {
            try #require(found.first { $0["name"] as? String == name }, "no \(name)")
        }
        let kyiv = try named("KYIV", in: strike)
        #expect(kyiv["role"] as? String == "dateline")
        #expect(kyiv["sentence"] as? Int == 0)
        #expect(kyiv["context"] as? String == "KYIV, Ukraine — Russian missiles struck Rivne on Tuesday.")
        let rivne = try named("Rivne", in: strike)
        #expect(rivne["role"] as? String == "event")
        #expect(rivne["event_type"] as? String == "explosions/remote violence")
        #expect(rivne["trigger"] as? String == "missiles" || rivne["trigger"] as? String == "struck")
        // "on Tuesday" counts back from the document's own date, which wins over --date.
        #expect(rivne["event_date"] as? String == "2024-06-11")
        #expect(rivne["time_precision"] as? Int == 1)
        #expect(rivne["geo_precision"] as? Int == 1)
        let lviv = try named("Lviv", in: strike)
        #expect(lviv["sentence"] as? Int == 1)
        #expect(lviv["context"] as? String == "Aid convoys later left Lviv for the city.")
        #expect(lviv["event_date"] as? String == "2024-06-12")
        let ukraine = try named("Ukraine", in: strike)
        #expect(ukraine["geo_precision"] as? Int == 4, "a country is precise to the country")
        // A document without a date takes --date; "yesterday" is the day before.
        let kharkiv = try named("Kharkiv", in: try toponyms(documents[1]))
        #expect(kharkiv["event_date"] as? String == "2024-03-04")
        #expect(kharkiv["trigger"] as? String == "Shelling")
    }

    @Test func noContextPrintsOnlyTheScorersFields() throws {
        let root = try folder(["article.txt": Self.article])
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("article.txt").path
        let with = try firstToponyms(try CommandRunner.run(["extract", path]))
        let output = try CommandRunner.run(["extract", "--no-context", path])
        #expect(output.status == 0)
        let without = try firstToponyms(output)
        #expect(without.count == with.count)
        let scorerFields: Set<String> = ["start", "end", "name", "form", "lat", "lon", "geonameid", "place", "kind",
                                         "country", "admin1", "confidence", "reason"]
        for (bare, full) in zip(without, with) {
            #expect(Set(bare.keys) == scorerFields)
            #expect(NSDictionary(dictionary: bare).isEqual(to: full.filter { scorerFields.contains($0.key) }))
        }
        let tsv = try CommandRunner.run(["extract", "--no-context", "--format", "tsv", path])
        let lines = tsv.standardOutput.split(separator: "\n").map { $0.components(separatedBy: "\t") }
        #expect(lines.count == 18 && lines.allSatisfy { $0.count == 14 })
    }

    @Test func aMalformedDateIsAUsageError() throws {
        let output = try CommandRunner.run(["extract", "--date", "12/06/2024", "-"], input: Data("Rain in Lviv.".utf8))
        #expect(output.status == 64)
        #expect(output.standardError.contains("--date"))
        #expect(output.standardOutput.isEmpty)
    }

    // MARK: Inputs

    @Test func jsonLinesInputKeepsItsIdsAndNumbersTheRest() throws {
        let records = """
        {"id": "kyiv-1", "text": "Trams stopped in Kharkiv on Monday.", "title": "Trams"}
        {"text": "Ferries left Odesa at dawn."}
        {"id": "paris-tx", "text": "PARIS, Texas (AP) — The council met."}

        """
        let root = try folder(["feed.jsonl": records])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try CommandRunner.run(["extract", root.appendingPathComponent("feed.jsonl").path])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let documents = try jsonLines(output.standardOutput)
        #expect(documents.map { $0["id"] as? String } == ["kyiv-1", "feed.jsonl:2", "paris-tx"])
        #expect(try toponyms(documents[0]).first?["place"] as? String == "Kharkiv")
        let odesa = try #require(try toponyms(documents[1]).first)
        #expect(odesa["start"] as? Int == 13 && odesa["end"] as? Int == 18)
        let paris = try #require(try toponyms(documents[2]).first)
        #expect(paris["name"] as? String == "PARIS" && paris["admin1"] as? String == "US-TX")
    }

    @Test func htmlOffsetsPointIntoTheExtractedText() throws {
        let html = """
        <html><head><title>Storm news</title><style>p { color: Paris; }</style></head>
        <body><p>Floods &amp; storms hit <b>Lviv</b> and Rivne.</p>
        <script>var city = "Berlin";</script></body></html>
        """
        let root = try folder(["page.html": html, "page.txt": "Floods & storms hit Lviv and Rivne."])
        defer { try? FileManager.default.removeItem(at: root) }
        let fromHTML = try CommandRunner.run(["extract", root.appendingPathComponent("page.html").path])
        let fromText = try CommandRunner.run(["extract", root.appendingPathComponent("page.txt").path])
        #expect(fromHTML.status == 0 && fromText.status == 0)
        let htmlDocument = try #require(try jsonLines(fromHTML.standardOutput).first)
        #expect(htmlDocument["id"] as? String == "page.html")
        let found = try toponyms(htmlDocument)
        #expect(found.map { $0["name"] as? String } == ["Lviv", "Rivne"], "nothing from the title, style or script")
        let lviv = try #require(found.first)
        // "Floods & storms hit " is 20 scalars once "&amp;" is decoded.
        #expect(lviv["start"] as? Int == 20 && lviv["end"] as? Int == 24)
        let plain = try firstToponyms(fromText)
        #expect(found.map { [$0["start"] as? Int, $0["end"] as? Int] } == plain.map { [$0["start"] as? Int, $0["end"] as? Int] })
    }

    @Test func directoryInputReadsSupportedFilesRecursivelyInOrder() throws {
        let root = try folder([
            "a.txt": "Rain fell in Odesa.",
            "notes/b.md": "# Weather\n\nSnow fell in Dnipro.",
            "notes/deeper/c.html": "<p>Fog in Lviv.</p>",
            "skip.csv": "Kharkiv,1",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try CommandRunner.run(["extract", root.path])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let documents = try jsonLines(output.standardOutput)
        #expect(documents.map { $0["id"] as? String } == ["a.txt", "notes/b.md", "notes/deeper/c.html"])
        #expect(try documents.map { try toponyms($0).compactMap { $0["place"] as? String } } == [["Odesa"], ["Dnipro"], ["Lviv"]])
    }

    @Test(arguments: [["extract", "-"], ["extract"]])
    func standardInputIsRead(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments, input: Data("Trains from Kiev were late.\n".utf8))
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let document = try #require(try jsonLines(output.standardOutput).first)
        #expect(document["id"] as? String == "stdin")
        let kiev = try #require(try toponyms(document).first)
        #expect(kiev["name"] as? String == "Kiev" && kiev["place"] as? String == "Kyiv")
        #expect(kiev["start"] as? Int == 12 && kiev["end"] as? Int == 16)
    }

    // MARK: Failures and determinism

    @Test func missingFileAloneExitsWith66AndNamesIt() throws {
        let root = try folder([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = root.appendingPathComponent("no-such-article.txt").path
        let output = try CommandRunner.run(["extract", missing])
        #expect(output.status == 66)
        #expect(output.standardError.contains(missing))
        #expect(output.standardOutput.isEmpty)
    }

    @Test func missingFileAmongOthersExitsWith1AndWritesTheRest() throws {
        let root = try folder(["good.txt": "Trams stopped in Kharkiv.", "also.txt": "Ferries left Odesa."])
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = root.appendingPathComponent("gone.txt").path
        let output = try CommandRunner.run(["extract", root.appendingPathComponent("good.txt").path, missing,
                                            root.appendingPathComponent("also.txt").path])
        #expect(output.status == 1)
        #expect(output.standardError.contains(missing))
        let documents = try jsonLines(output.standardOutput)
        #expect(documents.map { $0["id"] as? String } == ["good.txt", "also.txt"])
    }

    @Test func missingFileWithJsonFormatStillWritesAValidArray() throws {
        let root = try folder(["good.txt": "Trams stopped in Kharkiv."])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try CommandRunner.run(["extract", "--format", "json", root.appendingPathComponent("good.txt").path,
                                            root.appendingPathComponent("gone.txt").path])
        #expect(output.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ["good.txt"])
    }

    @Test(arguments: ["jsonl", "json", "tsv"])
    func twoRunsAreByteIdentical(format: String) throws {
        let root = try folder([
            "article.txt": Self.article,
            "feed.jsonl": "{\"id\": \"one\", \"text\": \"Storms hit Atlanta, Macon and Savannah.\"}\n",
            "page.html": "<p>Springfield, Ill., and Paris, Texas.</p>",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CommandRunner.run(["extract", "--format", format, root.path])
        let second = try CommandRunner.run(["extract", "--format", format, root.path])
        #expect(first.status == 0)
        #expect(!first.standardOutput.isEmpty)
        #expect(first.standardOutput == second.standardOutput)
    }
}
