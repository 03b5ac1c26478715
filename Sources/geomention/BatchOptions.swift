import ArgumentParser
import Foundation
import GeoMention

/// The options of every command that reads many documents: parallelism, progress and the
/// per-document size limit.
///
/// A command pulls them in with `@OptionGroup var batchOptions: BatchOptions`, runs its work
/// through `batchOptions.processor` and reports with `batchOptions.progressLine(for:)`.
struct BatchOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Documents processed in parallel (default: all cores). Output is the same for any value.",
        valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    @Option(name: .customLong("max-document-size"), help: ArgumentHelp(
        "The largest document read, in bytes; a number with an optional k, M or G suffix (powers of 1000). Larger documents are skipped with a message.",
        valueName: "bytes"))
    var maxDocumentSize: ByteCount = ByteCount(bytes: 20_000_000)

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// A document stream over `inputs` with the size limit of `--max-document-size`.
    func stream(over inputs: [DocumentStream.Input]) -> DocumentStream {
        DocumentStream(inputs: inputs, maxDocumentBytes: maxDocumentSize.bytes)
    }

    /// The batch runner for `--jobs`.
    var processor: BatchProcessor { BatchProcessor(jobs: jobs) }

    /// A progress line for a run over `inputs`, shown only when standard error is a terminal
    /// and `--quiet` was not given.
    func progressLine(for inputs: [DocumentStream.Input]) -> ProgressLine {
        let shown = !quiet && isatty(2) != 0
        return ProgressLine(totalBytes: shown ? DocumentStream.totalBytes(of: inputs) : nil, isShown: shown)
    }
}
