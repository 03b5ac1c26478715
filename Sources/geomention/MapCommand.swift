import ArgumentParser
import Foundation
import GeoMention

/// `geomention map`: a GeoJSON, KML and SVG layer of the places the inputs name.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Map the places the inputs name as GeoJSON, KML and an SVG picture.",
        discussion: """
        Writes DIR/NAME.geojson, DIR/NAME.kml and DIR/NAME.svg, each atomically. Many inputs make one \
        merged layer. Exit status: 0 done, 1 some inputs could not be read (the rest were mapped), \
        66 no usable input, 74 a file could not be written.
        """
    )

    @OptionGroup var input: LayerInputOptions

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("The folder for the three files.", valueName: "dir"))
    var outputDirectory = "Output"

    @Option(help: ArgumentHelp(
        "Base name of the files and name of the layer. Default: sample for the sample, the input's name for one input, else layer.",
        valueName: "name"))
    var name: String?

    @Option(help: "place: one feature per place and document; mention: one per mention.")
    var granularity: Granularity = .place

    func validate() throws {
        if let name, name.isEmpty || name.contains("/") || name.hasPrefix(".") {
            throw ValidationError("--name must be a plain file name without '/' or a leading '.'")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: outputDirectory)
        var outlines = WorldOutlines(countries: [])
        var outlinesError: (any Error)?
        // The workers format each document's features. The files are opened with the first
        // document, so a run without any leaves the folder alone. A write error stops the
        // writing but not the reading, and is reported after the input errors and the summary
        // counts are complete, as when the files were written at the end.
        var map: MapLayerWriter.Stream?
        var writeError: (any Error)?
        let reading = try input.read(granularity: granularity, start: { gazetteer in
            do {
                outlines = try WorldOutlines.load(from: BundledFiles.worldOutlines(in: gazetteer))
            } catch {
                outlinesError = error
            }
        }, prepare: MapLayerWriter.RenderedDocument.init, consume: { rendered in
            guard writeError == nil else { return }
            do {
                if map == nil {
                    map = try MapLayerWriter(name: name ?? defaultName, outlines: outlines).stream(to: directory)
                }
                try map?.add(rendered)
            } catch {
                writeError = error
                map?.discard()
                map = nil
            }
        })
        try input.requireDocuments(reading)
        if let outlinesError {
            StandardError.print("geomention: \(outlinesError); the map is drawn without country outlines")
        }
        let written: [MapLayerWriter.WrittenFile]
        do {
            if let writeError { throw writeError }
            // Opened with the first document, which requireDocuments ensured there was.
            let map = try map ?? MapLayerWriter(name: name ?? defaultName, outlines: outlines).stream(to: directory)
            written = try map.finish()
        } catch {
            StandardError.print("geomention: \(error)")
            throw ExitCode(74)
        }
        var output = StandardOutput()
        output.write("Mapped " + reading.layer.summary + ".\n")
        for file in written {
            let shown = (outputDirectory as NSString).appendingPathComponent(file.url.lastPathComponent)
            output.write("Wrote \(shown): \(file.contents)\n")
        }
        try output.finish()
        if reading.failures > 0 { throw ExitCode(1) }
    }

    /// `sample` for the sample, the input's base name for one input, `layer` otherwise.
    private var defaultName: String {
        guard !input.inputs.isEmpty else { return "sample" }
        guard input.inputs.count == 1, input.inputs[0] != "-" else { return input.inputs == ["-"] ? "stdin" : "layer" }
        let last = URL(fileURLWithPath: input.inputs[0]).deletingPathExtension().lastPathComponent
        return last.isEmpty || last.hasPrefix(".") || last == "/" ? "layer" : last
    }
}

extension Granularity: ExpressibleByArgument {}
