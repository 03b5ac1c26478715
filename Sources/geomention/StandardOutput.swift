import ArgumentParser
import Foundation

/// Buffered writing to standard output that remembers a failed write.
///
/// A full disk or a closed file behind standard output must not pass for success: after the
/// first failed write nothing more is written, and ``finish()`` reports the failure and exits
/// with 74 (I/O error).
struct StandardOutput {
    private var buffer: [UInt8] = []
    /// The `errno` of the first failed write, if any.
    private(set) var failure: Int32?

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes bytes that are already UTF-8 text.
    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 {
                    failure = written < 0 ? errno : EIO
                    return
                }
                offset += written
            }
        }
    }

    /// Flushes; on a failed write prints what went wrong and exits with 74.
    mutating func finish() throws {
        flush()
        if let failure {
            StandardError.print("geomention: cannot write standard output: \(String(cString: strerror(failure))); "
                + "check the disk space or where the output is redirected")
            throw ExitCode(74)
        }
    }
}
