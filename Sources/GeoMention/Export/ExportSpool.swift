import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes set aside while a document streams in, copied back out in another order at the end.
///
/// The KML writer spools each placemark as it is rendered and copies the placemarks folder by
/// folder once the folder order is known. A spool lives in memory or in an anonymous file: a
/// temporary file next to the destination that is unlinked as soon as it is opened, so it
/// never shows in the folder and its space is freed when it is closed, on every path
/// including a crash.
final class ExportSpool: ExportSink {
    /// The path errors name: the file the spooled bytes are meant for.
    let destinationPath: String
    /// The unlinked file, or `nil` for a spool in memory.
    private var descriptor: Int32?
    /// The bytes of a memory spool, or those a file spool has not written yet.
    private var buffer: [UInt8] = []
    private var isClosed = false
    /// Number of bytes appended so far.
    private(set) var count = 0
    private static let chunkSize = 1 << 16

    /// A spool in memory, for a document that is built in memory anyway.
    init() {
        destinationPath = "(memory)"
    }

    /// A spool in an anonymous file in the folder of `destination`.
    ///
    /// - Throws: ``ExportError/writeFailed(path:reason:)`` naming `destination`.
    init(beside destination: URL) throws {
        destinationPath = destination.path
        let path = AtomicFileWriter.temporaryPath(beside: destination, suffix: "spool")
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ExportError.writeFailed(path: destination.path, reason: AtomicFileWriter.reason(errno))
        }
        unlink(path)
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.chunkSize)
    }

    deinit {
        close()
    }

    /// Appends `bytes` and returns the offset they start at.
    ///
    /// - Throws: ``ExportError/writeFailed(path:reason:)`` when the spool file cannot grow.
    @discardableResult
    func append(_ bytes: UnsafeRawBufferPointer) throws -> Int {
        guard !isClosed else { throw ExportError.writeFailed(path: destinationPath, reason: "the spool is closed") }
        let offset = count
        buffer.append(contentsOf: bytes)
        count += bytes.count
        if descriptor != nil && buffer.count >= Self.chunkSize { try flush() }
        return offset
    }

    /// Appends `bytes`, as a sink.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        try append(bytes)
    }

    /// Copies the spooled bytes in `range` to `sink`.
    ///
    /// - Throws: ``ExportError/writeFailed(path:reason:)`` when the spool file cannot be read,
    ///   or the sink's error.
    func copy(_ range: Range<Int>, to sink: any ExportSink) throws {
        guard !isClosed else { throw ExportError.writeFailed(path: destinationPath, reason: "the spool is closed") }
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range outside the spool")
        guard let descriptor else {
            try buffer.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[range])) }
            return
        }
        try flush()
        var chunk = [UInt8](repeating: 0, count: Swift.min(range.count, Self.chunkSize))
        var offset = range.lowerBound
        while offset < range.upperBound {
            let length = Swift.min(chunk.count, range.upperBound - offset)
            let failure = chunk.withUnsafeMutableBytes {
                FileDescriptorIO.readAll(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<length]),
                                         from: descriptor, at: offset)
            }
            if let failure { throw spoolError(failure) }
            try chunk.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[..<length])) }
            offset += length
        }
    }

    /// Releases the bytes and the file; the spool cannot be used afterwards.
    func close() {
        if let descriptor { _ = Foundation.close(descriptor) }
        descriptor = nil
        buffer = []
        isClosed = true
    }

    /// Writes the bytes a file spool holds back to its file.
    private func flush() throws {
        guard let descriptor, !buffer.isEmpty else { return }
        let failure = buffer.withUnsafeBytes { FileDescriptorIO.writeAll($0, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw spoolError(failure) }
    }

    private func spoolError(_ code: Int32) -> ExportError {
        .writeFailed(path: destinationPath, reason: "spool: " + AtomicFileWriter.reason(code))
    }
}
