import ArgumentParser
import Foundation
import GeoMention

/// The option every subcommand shares for choosing the gazetteer.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The gazetteer folder (holding places.tsv).",
        discussion: "Defaults to $GEOMENTION_GAZETTEER, then the Gazetteer folder next to the executable or in its package checkout.",
        valueName: "path"))
    var gazetteer: String?

    /// Loads the gazetteer; on failure prints the library's message and exits with 66 (no input).
    func load() throws -> Gazetteer {
        do {
            return try Gazetteer.load(locator: GazetteerLocator(explicitPath: gazetteer))
        } catch let error as GazetteerError {
            StandardError.print("geomention: \(error)")
            throw ExitCode(66)
        }
    }
}

/// Writes diagnostics to standard error, never to standard output.
enum StandardError {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
