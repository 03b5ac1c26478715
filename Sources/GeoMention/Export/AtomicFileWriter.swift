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
        do {
            try data.write(to: temporary)
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw ExportError.writeFailed(path: url.path, reason: describe(error))
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fileManager.removeItem(at: temporary)
            throw ExportError.writeFailed(path: url.path, reason: reason)
        }
    }

    private static func describe(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
