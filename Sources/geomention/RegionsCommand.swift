import ArgumentParser
import Foundation
import GeoMention

/// `geomention regions`: mention counts by country, first-level region and place.
struct RegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "Count the places the inputs name by country, then first-level region.",
        discussion: """
        Sorted by mention count. text is an indented table; json and csv carry the codes and \
        coordinates too; markdown gives a table per country. Exit status: 0 done, 1 some inputs \
        could not be read, 66 no usable input.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, markdown }

    @OptionGroup var input: LayerInputOptions

    @Option(help: "Output format: text, json, csv or markdown.")
    var format: Format = .text

    func run() throws {
        var tally = RegionTally()
        let reading = try input.read(granularity: .place, prepare: { $0 }) { tally.add(contentsOf: $0) }
        try input.requireDocuments(reading)
        let table = tally.table
        var output = StandardOutput()
        switch format {
        case .text: output.write(table.text())
        case .json: output.write(table.jsonText())
        case .csv: output.write(table.csv())
        case .markdown: output.write(table.markdown())
        }
        try output.finish()
        if reading.failures > 0 { throw ExitCode(1) }
    }
}
