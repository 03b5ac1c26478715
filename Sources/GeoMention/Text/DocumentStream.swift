import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads documents one at a time from files, directories and standard input.
///
/// Each call to ``next()`` gives the next document or the error that took its place, in
/// order: the inputs as given, a directory's files sorted by path, a JSON Lines file's
/// records by line. Only one file (or one JSON Lines record) is in memory at a time, and an
/// error never stops the stream.
///
/// ```swift
/// for result in DocumentStream(inputs: [.path("news/")]) {
///     switch result {
///     case .success(let document): handle(document)
///     case .failure(let error): report(error)
///     }
/// }
/// ```
///
/// Formats: see ``InputFormat``. Standard input is JSON Lines when its first non-space
/// character is `{`, plain text otherwise; its documents have source `-` and id `stdin`
/// (or `stdin:LINE` for JSON Lines records without an `id`). Text decoding follows
/// `ByteDecoding`: UTF-8 with a byte order mark dropped and invalid bytes replaced by
/// U+FFFD, UTF-16 with a byte order mark, binary files refused. JSON Lines files are read as
/// UTF-8. While a JSON Lines input is open the stream holds its file handle, so use one
/// stream from one task.
public struct DocumentStream: Sequence, IteratorProtocol {
    /// Where documents come from.
    public enum Input: Hashable, Sendable {
        /// A file or a directory (read recursively).
        case path(String)
        /// Standard input (`-` on a command line).
        case standardInput

        /// `.standardInput` for `-`, otherwise `.path`.
        public init(argument: String) {
            self = argument == "-" ? .standardInput : .path(argument)
        }
    }

    /// The largest document text accepted, in bytes (default 20 MB).
    public let maxDocumentBytes: Int
    private var pending: [Pending]
    private var lines: JSONLinesCursor?
    private let standardInput: FileHandle
    private let decoder = JSONDecoder()
    private var finishedBytes = 0

    /// How many bytes of input have been read so far: whole files for plain text, HTML and
    /// Markdown, lines for JSON Lines. For progress reports; the sum of the input files'
    /// sizes once the stream is done.
    public var bytesRead: Int { finishedBytes + (lines?.reader.consumedBytes ?? 0) }

    private enum Pending {
        case input(Input)
        case file(path: String, name: String)
        case failure(InputError)
    }

    /// Creates a stream over inputs.
    /// - Parameters:
    ///   - inputs: Files, directories and standard input, read in this order.
    ///   - maxDocumentBytes: The per-document size limit in bytes.
    ///   - standardInput: The handle read for ``Input/standardInput``.
    public init(
        inputs: [Input], maxDocumentBytes: Int = 20_000_000,
        standardInput: FileHandle = .standardInput
    ) {
        self.pending = inputs.reversed().map { .input($0) }
        self.maxDocumentBytes = Swift.max(0, maxDocumentBytes)
        self.standardInput = standardInput
    }

    /// The next document or error, or `nil` when every input has been read.
    public mutating func next() -> Result<Document, InputError>? {
        while true {
            if let result = lines?.next(decoder: decoder) { return result }
            finishedBytes += lines?.reader.consumedBytes ?? 0
            lines = nil
            guard let item = pending.popLast() else { return nil }
            if let result = open(item) { return result }
        }
    }

    private mutating func open(_ item: Pending) -> Result<Document, InputError>? {
        switch item {
        case .failure(let error):
            return .failure(error)
        case .input(.standardInput):
            return openStandardInput()
        case .input(.path(let path)):
            let identity: DirectoryWalker.FileIdentity
            switch DirectoryWalker.status(of: path) {
            case .success(let found): identity = found
            case .failure(let error):
                return .failure(error.isMissing ? .missing(path: path) : .unreadable(path: path, reason: error.reason))
            }
            if identity.isDirectory {
                for entry in DirectoryWalker.walk(path).reversed() {
                    switch entry {
                    case .file(let file, let relative): pending.append(.file(path: file, name: relative))
                    case .failure(let error): pending.append(.failure(error))
                    }
                }
                return nil
            }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return open(.file(path: path, name: name))
        case .file(let path, let name):
            return openFile(path: path, name: name)
        }
    }

    private mutating func openFile(path: String, name: String) -> Result<Document, InputError>? {
        let identity: DirectoryWalker.FileIdentity
        switch DirectoryWalker.status(of: path) {
        case .success(let found): identity = found
        case .failure(let error):
            return .failure(error.isMissing ? .missing(path: path) : .unreadable(path: path, reason: error.reason))
        }
        if case .other(let kind) = identity.kind { return .failure(.notAFile(path: path, kind: kind)) }
        guard let format = InputFormat(path: path) else { return .failure(.unsupported(path: path)) }
        let handle: FileHandle
        switch Self.openForReading(path, isFIFO: identity.kind == .fifo) {
        case .success(let opened): handle = opened
        case .failure(let error): return .failure(.unreadable(path: path, reason: error.reason))
        }
        if format == .jsonLines {
            lines = JSONLinesCursor(
                reader: ByteLineReader(handle: handle, closesHandle: true),
                path: path, idPrefix: name, limit: maxDocumentBytes)
            return nil
        }
        defer { try? handle.close() }
        if identity.size > maxDocumentBytes {
            finishedBytes += identity.size
            return .failure(.tooLarge(path: path, bytes: identity.size, limit: maxDocumentBytes))
        }
        // Read at most one chunk past the limit, whatever stat said: the file may have grown,
        // and a FIFO has no size at all.
        let reader = ByteLineReader(handle: handle, closesHandle: false)
        var overflow = 0
        defer { finishedBytes += reader.consumedBytes }
        let bytes: [UInt8]
        do {
            guard let rest = try reader.readRest(limit: maxDocumentBytes, overflow: &overflow) else {
                return .failure(.tooLarge(path: path, bytes: overflow, limit: maxDocumentBytes))
            }
            bytes = rest
        } catch {
            return .failure(.unreadable(path: path, reason: "read failed"))
        }
        return Result { () throws(InputError) in
            try PlainDocumentBuilder.document(
                bytes: bytes, format: format, id: name, source: path, limit: maxDocumentBytes)
        }
    }

    /// Opens a file for reading with `open(2)`, so a failure carries the system's reason.
    ///
    /// A FIFO is opened without blocking (a FIFO nobody writes to would otherwise block the
    /// open forever) and then switched back to blocking reads: with no writer it reads as
    /// empty, with a writer it reads what is written until the writer closes it.
    private static func openForReading(
        _ path: String, isFIFO: Bool
    ) -> Result<FileHandle, DirectoryWalker.StatusError> {
        let descriptor = openDescriptor(path, O_RDONLY | O_CLOEXEC | (isFIFO ? O_NONBLOCK : 0))
        guard descriptor >= 0 else { return .failure(DirectoryWalker.StatusError(code: errno)) }
        if isFIFO {
            let flags = fcntl(descriptor, F_GETFL)
            _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK)
        }
        return .success(FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
    }

    private mutating func openStandardInput() -> Result<Document, InputError>? {
        let reader = ByteLineReader(handle: standardInput, closesHandle: false)
        do {
            if try reader.peekFirstNonSpaceByte(limit: maxDocumentBytes) == UInt8(ascii: "{") {
                lines = JSONLinesCursor(reader: reader, path: "-", idPrefix: "stdin", limit: maxDocumentBytes)
                return nil
            }
            var overflow = 0
            defer { finishedBytes += reader.consumedBytes }
            guard let bytes = try reader.readRest(limit: maxDocumentBytes, overflow: &overflow) else {
                return .failure(.tooLarge(path: "-", bytes: overflow, limit: maxDocumentBytes))
            }
            return Result { () throws(InputError) in
                try PlainDocumentBuilder.document(
                    bytes: bytes, format: .plainText, id: "stdin", source: "-", limit: maxDocumentBytes)
            }
        } catch {
            return .failure(.unreadable(path: "-", reason: "read failed"))
        }
    }
}

/// `open(2)` under a name the stream's own `open` method does not hide.
private func openDescriptor(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
