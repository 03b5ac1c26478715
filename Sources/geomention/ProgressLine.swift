import Foundation
import GeoMention

/// A progress line on standard error, redrawn in place while a batch runs.
///
/// Shows documents, megabytes read, the rate and, when the input's total size is known, the
/// time left: `1,204 documents  12.3 MB  31.0 MB/s  0:04 left`. Redraws at most every
/// `interval` seconds; prints nothing at all when not shown, and nothing to standard output
/// ever. Feed it from ``BatchProcessor``'s progress callback and call ``finish()`` at the end:
///
/// ```swift
/// var line = batchOptions.progressLine(for: sources)
/// try batchOptions.processor.run(&stream, transform: work, progress: { line.update($0) }) { ... }
/// line.finish()
/// ```
struct ProgressLine {
    /// Whether anything is printed.
    let isShown: Bool
    /// The whole input's size in bytes, when known.
    let totalBytes: Int?
    /// The least time between redraws, in seconds.
    let interval: Double
    private var lastDrawn = -Double.infinity
    private var latest = BatchProgress()
    private var drawn = false

    init(totalBytes: Int?, isShown: Bool, interval: Double = 0.25) {
        self.totalBytes = totalBytes
        self.isShown = isShown
        self.interval = interval
    }

    /// Records progress and redraws when `interval` has passed since the last redraw.
    mutating func update(_ progress: BatchProgress) {
        latest = progress
        guard isShown, progress.elapsed - lastDrawn >= interval else { return }
        lastDrawn = progress.elapsed
        draw(Self.text(progress, totalBytes: totalBytes, finished: false))
    }

    /// Draws the final counts and ends the line, if a line was drawn at all.
    mutating func finish() {
        guard isShown, drawn else { return }
        draw(Self.text(latest, totalBytes: totalBytes, finished: true))
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private mutating func draw(_ text: String) {
        drawn = true
        // Carriage return, the text, then erase what a longer earlier line left.
        FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
    }

    /// The line's text.
    static func text(_ progress: BatchProgress, totalBytes: Int?, finished: Bool) -> String {
        let megabytes = Double(progress.bytes) / 1_000_000
        var parts = [
            "\(grouped(progress.documents)) documents",
            String(format: "%.1f MB", megabytes),
            String(format: "%.1f MB/s", progress.bytesPerSecond / 1_000_000),
        ]
        if progress.failures > 0 { parts.append("\(grouped(progress.failures)) errors") }
        if finished {
            parts.append("done in " + clock(progress.elapsed))
        } else if let totalBytes, let left = progress.secondsLeft(totalBytes: totalBytes) {
            parts.append(clock(left) + " left")
        }
        return parts.joined(separator: "  ")
    }

    private static func grouped(_ value: Int) -> String {
        var digits = Array(String(value))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let hours = total / 3600, minutes = total / 60 % 60, rest = total % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}
