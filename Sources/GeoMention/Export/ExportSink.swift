import Foundation

/// Where an exporter streams the bytes of a document: a file being written
/// (``AtomicFileStream``) or memory (``MemorySink``).
///
/// Writers that stream take a sink instead of returning the whole document, so a large layer
/// never has to be held in memory at once.
public protocol ExportSink: AnyObject {
    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ExportSink {
    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `data`.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }
}

/// A sink that collects the bytes in memory.
public final class MemorySink: ExportSink {
    /// Everything written so far.
    public private(set) var data = Data()

    /// Creates an empty sink.
    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        data.append(contentsOf: bytes)
    }
}
