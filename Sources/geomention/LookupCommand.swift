import ArgumentParser
import Foundation
import GeoMention

/// `geomention lookup NAME`: ranked gazetteer candidates for a name.
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "List the places a name may refer to, most likely first."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "A place name in any spelling: Kiev, U.S., Russian, Donbas, \"Springfield\".")
    var name: String

    @Option(help: "Keep only places in this country (ISO 3166-1 alpha-2 code, e.g. UA).")
    var country: String?

    @Option(help: "Keep only places of this kind: \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String?

    @Option(help: "The most candidates to list.")
    var limit: Int = 10

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("NAME must not be empty")
        }
        if let kind, PlaceKind(rawValue: kind) == nil {
            throw ValidationError("unknown kind '\(kind)'; use one of \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let country, country.count != 2 {
            throw ValidationError("--country takes a two-letter ISO code such as UA or US")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let gazetteer = try gazetteerOptions.load()
        let candidates = gazetteer.search(name, country: country, kind: kind.flatMap(PlaceKind.init(rawValue:)), limit: limit)
        let rows = candidates.map { CandidateReport($0, gazetteer: gazetteer) }
        var output = StandardOutput()
        switch format {
        case .json:
            output.write(try CandidateReport.json(rows) + "\n")
        case .text:
            if rows.isEmpty {
                output.write("no place named '\(name)' in the gazetteer\n")
            } else {
                output.write(CandidateReport.table(rows) + "\n")
            }
        }
        try output.finish()
    }
}
