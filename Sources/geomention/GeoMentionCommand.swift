import ArgumentParser

/// The `geomention` command: finds the places news articles name and maps them.
@main
struct GeoMentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geomention",
        abstract: "Find the places news articles name, resolve them to coordinates, and map them.",
        version: "0.1.0",
        subcommands: [ExtractCommand.self, LookupCommand.self, MapCommand.self, RegionsCommand.self]
    )
}
