import Foundation

/// Reads a file handle in chunks and hands out one line at a time.
///
/// Only the current line (bounded by a limit) and one chunk are held in memory, so a JSON
/// Lines file of any size streams. A class because it owns the handle and its read position.
final class ByteLineReader {
    /// One step of reading.
    enum Line {
        /// A line's bytes without its line feed.
        case bytes(ArraySlice<UInt8>)
        /// A line longer than the limit; its bytes were skipped.
        case tooLong(byteCount: Int)
    }

    private let handle: FileHandle
    private let closesHandle: Bool
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var exhausted = false
    private var totalRead = 0

    /// How many bytes of the input have been handed out (as lines or skipped), line feeds
    /// included.
    var consumedBytes: Int { totalRead - (buffer.count - start) }

    /// Wraps a handle.
    /// - Parameters:
    ///   - handle: The handle to read from, from its current position.
    ///   - closesHandle: Whether to close the handle when done.
    ///   - chunkSize: How many bytes to read at a time.
    init(handle: FileHandle, closesHandle: Bool, chunkSize: Int = 1 << 16) {
        self.handle = handle
        self.closesHandle = closesHandle
        self.chunkSize = chunkSize
    }

    deinit {
        if closesHandle { try? handle.close() }
    }

    /// Reads one more chunk into the buffer; returns false at the end of input.
    private func fill() throws -> Bool {
        if exhausted { return false }
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else {
            exhausted = true
            return false
        }
        buffer.append(contentsOf: data)
        totalRead += data.count
        return true
    }

    /// The first byte that is not ASCII white space, without consuming anything; `nil` at the
    /// end of input or when the first `limit` bytes are all white space.
    func peekFirstNonSpaceByte(limit: Int) throws -> UInt8? {
        var index = start
        while true {
            while index < buffer.count {
                let byte = buffer[index]
                if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return byte }
                index += 1
            }
            let consumed = index - start
            guard consumed <= limit, try fill() else { return nil }
            index = start + consumed
        }
    }

    /// The bytes up to the end of the next line feed, or `nil` at the end of input.
    /// - Parameter limit: The longest line kept; longer lines are skipped.
    func nextLine(limit: Int) throws -> Line? {
        var scanned = start
        var skipped = 0
        while true {
            if let newline = lineFeedIndex(from: scanned) {
                if skipped > 0 || newline - start > limit {
                    let total = skipped + newline - start
                    start = newline + 1
                    return .tooLong(byteCount: total)
                }
                let line = buffer[start..<newline]
                start = newline + 1
                return .bytes(line)
            }
            if buffer.count - start > limit {
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            scanned = buffer.count
            let consumed = scanned - start
            guard try fill() else {
                if skipped > 0 { return .tooLong(byteCount: skipped + buffer.count - start) }
                if start >= buffer.count { return nil }
                let line = buffer[start...]
                start = buffer.count
                return .bytes(line)
            }
            scanned = start + consumed
        }
    }

    /// The index of the first line feed in the buffer at or after `index`, if any.
    private func lineFeedIndex(from index: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            guard index < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + index, 0x0A, bytes.count - index)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Everything left, or `nil` when it is longer than `limit` bytes; then reading stops
    /// (an endless input such as `/dev/zero` must not hang) and `overflow` holds the byte
    /// count read so far, more than `limit`.
    func readRest(limit: Int, overflow: inout Int) throws -> [UInt8]? {
        while buffer.count - start <= limit {
            guard try fill() else {
                let rest = Array(buffer[start...])
                start = buffer.count
                return rest
            }
        }
        overflow = buffer.count - start
        start = buffer.count
        return nil
    }
}
