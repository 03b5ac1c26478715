import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces files atomically: readers see either the old file or the complete new one.
///
/// ``write(_:to:)`` writes a whole file at once; ``AtomicFileStream`` writes one piece by piece.
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
        let stream = try AtomicFileStream(url: url)
        try stream.write(data)
        try stream.commit()
    }

    /// Creates `directory` (with its parents) when it is missing.
    ///
    /// - Throws: ``ExportError/directoryCreationFailed(path:reason:)`` when it cannot be
    ///   created or a file that is not a directory has its name.
    static func createDirectory(_ directory: URL) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if !fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            do {
                try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw ExportError.directoryCreationFailed(path: directory.path, reason: (error as NSError).localizedDescription)
            }
        } else if !isDirectory.boolValue {
            throw ExportError.directoryCreationFailed(path: directory.path, reason: "not a directory")
        }
    }

    /// A fresh hidden name next to `url` for a temporary file: `.NAME.PID.UUID.SUFFIX`.
    static func temporaryPath(beside url: URL, suffix: String) -> String {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).\(suffix)").path
    }

    /// The system's text for `code`.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// A file written piece by piece under a temporary name and renamed into place at the end.
///
/// The temporary file is created next to the destination (so the rename is atomic) and fills
/// through a small buffer; ``commit()`` flushes it to the disk and renames it over the
/// destination, ``discard()`` removes it. Dropping an uncommitted stream discards it, so an
/// error on any path leaves the destination as it was and no temporary file behind.
public final class AtomicFileStream: ExportSink {
    /// The destination.
    public let url: URL
    private let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let bufferLimit = 1 << 16

    /// Opens a temporary file next to `url`, creating the folder when it is missing.
    ///
    /// - Throws: ``ExportError/directoryCreationFailed(path:reason:)`` or
    ///   ``ExportError/writeFailed(path:reason:)`` naming the path.
    public init(url: URL) throws {
        try AtomicFileWriter.createDirectory(url.deletingLastPathComponent())
        self.url = url
        temporaryPath = AtomicFileWriter.temporaryPath(beside: url, suffix: "tmp")
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ExportError.writeFailed(path: url.path, reason: AtomicFileWriter.reason(errno))
        }
        buffer.reserveCapacity(Self.bufferLimit)
    }

    deinit {
        discard()
    }

    /// Whether the stream is still open: neither committed nor discarded.
    public var isOpen: Bool { descriptor >= 0 }

    /// Appends `bytes` to the temporary file.
    ///
    /// - Throws: ``ExportError/writeFailed(path:reason:)``; the stream is then discarded.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard isOpen else { throw ExportError.writeFailed(path: url.path, reason: "the file is already closed") }
        if buffer.count + bytes.count > Self.bufferLimit { try flush() }
        if bytes.count >= Self.bufferLimit {
            try checked(FileDescriptorIO.writeAll(bytes, to: descriptor))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Flushes the file to the disk, closes it and renames it over ``url``.
    ///
    /// Flushing before the rename means even a crash of the machine cannot leave the new name
    /// on a file whose bytes never reached the disk.
    /// - Throws: ``ExportError/writeFailed(path:reason:)``; the temporary file is removed and
    ///   the destination left as it was.
    public func commit() throws {
        guard isOpen else { throw ExportError.writeFailed(path: url.path, reason: "the file is already closed") }
        try flush()
        if fsync(descriptor) != 0 { try checked(errno) }
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 {
            let code = errno
            unlink(temporaryPath)
            throw ExportError.writeFailed(path: url.path, reason: AtomicFileWriter.reason(code))
        }
        if rename(temporaryPath, url.path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw ExportError.writeFailed(path: url.path, reason: AtomicFileWriter.reason(code))
        }
    }

    /// Closes and removes the temporary file; the destination stays as it was. Does nothing
    /// once the stream is committed or discarded.
    public func discard() {
        guard isOpen else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
        buffer = []
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        let code = buffer.withUnsafeBytes { FileDescriptorIO.writeAll($0, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
        try checked(code)
    }

    /// Discards the stream and throws when `code` is a system error.
    private func checked(_ code: Int32?) throws {
        guard let code else { return }
        discard()
        throw ExportError.writeFailed(path: url.path, reason: AtomicFileWriter.reason(code))
    }
}

/// Whole-buffer reads and writes on file descriptors, retrying on interruption.
enum FileDescriptorIO {
    /// Writes all of `bytes` to `descriptor`; returns the `errno` value on failure.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return written < 0 ? errno : EIO }
            offset += written
        }
        return nil
    }

    /// Fills `buffer` from `descriptor` at file offset `offset`; returns the `errno` value on
    /// failure (`EIO` when the file ends first).
    static func readAll(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int) -> Int32? {
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return count < 0 ? errno : EIO }
            done += count
        }
        return nil
    }
}
