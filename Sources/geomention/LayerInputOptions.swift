import ArgumentParser
import Foundation
import GeoMention

/// The inputs, date, gazetteer and batch options `map` and `regions` share, and the reading loop.
struct LayerInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Files (.txt, .md, .html, .htm, .jsonl), directories or - (standard input).",
        discussion: "Default: the sample dispatch bundled with the gazetteer (samples/sample.jsonl)."))
    var inputs: [String] = []

    @OptionGroup var dateOption: DocumentDateOption

    @OptionGroup var gazetteerOptions: GazetteerOptions

    @OptionGroup var batchOptions: BatchOptions

    /// What reading the inputs gave.
    struct Reading {
        /// The counts of the documents read.
        var layer: MapLayer
        var gazetteer: Gazetteer
        /// Inputs (or JSON Lines records) that could not be read; each was reported.
        var failures: Int
    }

    /// Loads the gazetteer, parses every input document and hands each document's features
    /// to `consume` in input order, as they are ready; reports bad inputs on standard error,
    /// naming the file.
    ///
    /// Only the documents in flight are held at once, so memory does not grow with the input.
    /// - Parameters:
    ///   - granularity: One feature per place or per mention.
    ///   - start: Called with the gazetteer once it is loaded, before the first document.
    ///   - prepare: Called on the workers with each document's features; what it returns goes
    ///     to `consume`.
    ///   - consume: Called on this thread with each document's prepared features, in input order.
    func read<Prepared: Sendable>(
        granularity: Granularity, start: (Gazetteer) -> Void = { _ in },
        prepare: @escaping @Sendable ([MapFeature]) -> Prepared, consume: (Prepared) -> Void
    ) throws -> Reading {
        let gazetteer = try gazetteerOptions.load()
        start(gazetteer)
        let parser = GeoParser(gazetteer: gazetteer)
        let builder = FeatureBuilder(gazetteer: gazetteer, granularity: granularity,
                                     defaultDate: dateOption.defaultDate)
        let sources = inputs.isEmpty
            ? [DocumentStream.Input.path(BundledFiles.sampleArticle(in: gazetteer).path)]
            : inputs.map(DocumentStream.Input.init(argument:))
        // Parsing and feature building run on the workers; documents reach `consume` in input
        // order, so the output is the same for any --jobs.
        let work: @Sendable (Document) -> (ParsedDocument, [MapFeature], Prepared) = { document in
            let parsed = parser.parse(document)
            let features = builder.features(for: parsed)
            return (parsed, features, prepare(features))
        }
        var layer = MapLayer()
        var failures = 0
        var stream = batchOptions.stream(over: sources)
        var progressLine = batchOptions.progressLine(for: sources)
        batchOptions.processor.run(&stream, transform: work, progress: { progressLine.update($0) }) { result in
            switch result {
            case .failure(let error):
                failures += 1
                StandardError.print("geomention: \(error)")
            case .success(let (parsed, features, prepared)):
                layer.add(parsed, features: features)
                consume(prepared)
            }
        }
        progressLine.finish()
        return Reading(layer: layer, gazetteer: gazetteer, failures: failures)
    }

    /// Exits 66 when no document could be read.
    func requireDocuments(_ reading: Reading) throws {
        if reading.layer.documentCount == 0 {
            StandardError.print("geomention: no usable input" + (reading.failures > 0 ? "" : " (no documents found)"))
            throw ExitCode(66)
        }
    }
}
