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

    @Flag(help: "Instead of toponyms, print every name the recogniser weighed with its probability and features (JSON Lines).")
    var explain = false

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        let gazetteer = try gazetteerOptions.load()
        let parser = GeoParser(gazetteer: gazetteer, options: .init(includeDemonyms: !noDemonyms, explain: explain))
        let sources = inputs.isEmpty ? [DocumentStream.Input.standardInput] : inputs.map(DocumentStream.Input.init(argument:))
        var output = StandardOutput()
        var failures = 0
        var documents = 0
        if format == .json { output.write("[") }
        if format == .tsv { output.write(ToponymWriter.tsvHeader + "\n") }
        for item in DocumentStream(inputs: sources) {
            switch item {
            case .failure(let error):
                failures += 1
                StandardError.print("geomention: \(error)")
            case .success(let document):
                let parsed = parser.parse(document)
                if explain {
                    output.write(ToponymWriter.explanationObject(parsed) + "\n")
                    documents += 1
                    continue
                }
                switch format {
                case .jsonl: output.write(ToponymWriter.jsonObject(parsed) + "\n")
                case .json: output.write((documents == 0 ? "\n" : ",\n") + ToponymWriter.jsonObject(parsed))
                case .tsv: output.write(ToponymWriter.tsvRows(parsed))
                }
                documents += 1
            }
        }
        if format == .json { output.write(documents == 0 ? "]\n" : "\n]\n") }
        output.flush()
        if documents == 0 && failures > 0 { throw ExitCode(66) }
        if failures > 0 { throw ExitCode(1) }
    }
}

/// Buffered writing to standard output.
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
