import ArgumentParser
import Foundation
import GeoMention

/// `geomention extract`: every place each document names, resolved, as JSON Lines, JSON or TSV.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find and resolve the places each document names.",
        discussion: """
        INPUT is a .txt, .md, .html, .htm or .jsonl file, a directory (searched recursively), or - for \
        standard input. JSON Lines objects carry "text" and optionally "id", "title", "date", "url".
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, json, tsv }

    @Argument(help: "Files, directories or - (standard input). Default: standard input.")
    var inputs: [String] = []

    @Option(help: "Output format: jsonl (one document a line), json or tsv.")
    var format: Format = .jsonl

    @Flag(name: .customLong("no-demonyms"), help: "Leave out demonyms and adjectivals (\"Russian forces\").")
    var noDemonyms = false

    @Flag(name: .customLong("no-context"), help: ArgumentHelp(
        "Leave out the event context of each toponym (sentence, event type, trigger, role, event date, precisions): the scorer's fields only, faster."))
    var noContext = false

    @OptionGroup var dateOption: DocumentDateOption

    @Flag(help: "Instead of toponyms, print every name the recogniser weighed with its probability and features (JSON Lines).")
    var explain = false

    @OptionGroup var gazetteerOptions: GazetteerOptions

    @OptionGroup var batchOptions: BatchOptions

    func run() throws {
        let gazetteer = try gazetteerOptions.load()
        let parser = GeoParser(gazetteer: gazetteer, options: .init(includeDemonyms: !noDemonyms, explain: explain))
        let sources = inputs.isEmpty ? [DocumentStream.Input.standardInput] : inputs.map(DocumentStream.Input.init(argument:))
        let format = explain ? nil : self.format
        let withContext = !noContext
        let defaultDate = dateOption.defaultDate
        // Parsing and formatting run on the workers; results come back in input order, as
        // UTF-8 bytes ready for the output buffer.
        let render: @Sendable (Document) -> [UInt8] = { document in
            let parsed = parser.parse(document)
            let contexts = withContext && format != nil
                ? ToponymContext.contexts(for: parsed, documentDate: document.date.flatMap(CalendarDate.init(iso:)) ?? defaultDate) : nil
            var bytes = [UInt8]()
            switch format {
            case nil:
                bytes.append(contentsOf: ToponymWriter.explanationObject(parsed).utf8)
                bytes.append(UInt8(ascii: "\n"))
            case .jsonl:
                ToponymWriter.appendJSONObject(parsed, contexts: contexts, to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            case .json:
                ToponymWriter.appendJSONObject(parsed, contexts: contexts, to: &bytes)
            case .tsv:
                bytes.append(contentsOf: ToponymWriter.tsvRows(parsed, contexts: contexts).utf8)
            }
            return bytes
        }
        var output = StandardOutput()
        var progressLine = batchOptions.progressLine(for: sources)
        var stream = batchOptions.stream(over: sources)
        var written = 0
        if format == .json { output.write("[") }
        if format == .tsv {
            output.write((withContext ? ToponymWriter.tsvContextHeader : ToponymWriter.tsvHeader) + "\n")
        }
        let counts = batchOptions.processor.run(&stream, transform: render, progress: { progressLine.update($0) }) { result in
            switch result {
            case .failure(let error):
                output.flush()
                StandardError.print("geomention: \(error)")
            case .success(let text):
                if format == .json { output.write(written == 0 ? "\n" : ",\n") }
                output.write(text)
                written += 1
            }
        }
        if format == .json { output.write(counts.documents == 0 ? "]\n" : "\n]\n") }
        progressLine.finish()
        try output.finish()
        if counts.documents == 0 && counts.failures > 0 { throw ExitCode(66) }
        if counts.failures > 0 { throw ExitCode(1) }
    }
}
