import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces files atomically: readers see either the old file or the complete new one.
public enum AtomicFileWriter {
    /// Writes `data` to a temporary file next to `url`, then renames it over `url`.
    ///
    /// Creates the directory when it is missing. On failure the temporary file is removed and
    /// any existing file at `url` is left untouched.
    ///
    /// - Parameters:
    ///   - data: The complete file contents.
    ///   - url: Destination file URL.
    /// - Throws: ``ExportError/directoryCreationFailed(path:reason:)`` or
    ///   ``ExportError/writeFailed(path:reason:)`` naming the path.
    public static func write(_ data: Data, to url: URL) throws {
        let fileManager = FileManager.default
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if !fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            do {
                try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw ExportError.directoryCreationFailed(path: directory.path, reason: describe(error))
            }
        } else if !isDirectory.boolValue {
            throw ExportError.directoryCreationFailed(path: directory.path, reason: "not a directory")
        }

        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
        if let reason = writeSynced(data, to: temporary.path) {
            unlink(temporary.path)
            throw ExportError.writeFailed(path: url.path, reason: reason)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw ExportError.writeFailed(path: url.path, reason: reason)
        }
    }

    /// Creates `path` (which must not exist), writes `data`, flushes it to the disk and closes
    /// it; returns the system's reason on failure. Flushing before the rename means even a
    /// crash of the machine cannot leave the new name on a file whose bytes never reached
    /// the disk.
    private static func writeSynced(_ data: Data, to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure: Int32?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 {
                    failure = written < 0 ? errno : EIO
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        return failure.map { String(cString: strerror($0)) }
    }

    private static func describe(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
