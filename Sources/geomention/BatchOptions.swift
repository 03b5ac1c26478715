import ArgumentParser
import Foundation
import GeoMention

/// The options of every command that reads many documents: parallelism and progress.
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

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
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
