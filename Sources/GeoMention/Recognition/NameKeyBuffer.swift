/// The normalised key (``NameNormalizer``) of the words a spotter has read so far, built in
/// place.
///
/// The spotter clears and refills the key for every capitalised token and extends it word by
/// word; held in an array, each of those steps would check the array's uniqueness and clearing
/// would go through a generic range replacement. The bytes live in one allocation that only
/// grows. Used by one spotting pass on one thread.
final class NameKeyBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes in the key.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// Empties the key, keeping its storage.
    func removeAll() {
        count = 0
    }

    /// Drops the last byte; the key must not be empty.
    func removeLast() {
        precondition(count > 0, "removeLast on an empty key")
        count -= 1
    }

    /// Appends one byte.
    func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Appends `bytes` lower-cased, after a space when `spaced`, if they are all ASCII letters
    /// and digits (the common word); otherwise leaves the key as it was and answers `false`.
    /// Checking and copying are one pass: the bytes are written before the check is known to
    /// pass, and a failed check simply does not count them.
    func appendLowercasedAlphanumerics(_ bytes: UnsafeBufferPointer<UInt8>, spaced: Bool) -> Bool {
        guard !bytes.isEmpty else { return false }
        reserve(bytes.count + 1)
        var end = count
        if spaced {
            storage[end] = 0x20
            end &+= 1
        }
        for byte in bytes {
            let lowered = byte | 0x20
            let isLetter = lowered &- 0x61 < 26
            guard isLetter || byte &- 0x30 < 10 else { return false }
            storage[end] = isLetter ? lowered : byte
            end &+= 1
        }
        count = end
        return true
    }

    /// Lets `body` extend the key as an array, for ``NameNormalizer``'s functions that take one,
    /// and keeps what it made. For the less common tokens only: it copies the key twice.
    func withArray(_ body: (inout [UInt8]) -> Void) {
        var array = Array(UnsafeBufferPointer(start: storage, count: count))
        body(&array)
        count = 0
        reserve(array.count)
        array.withUnsafeBufferPointer { bytes in
            guard let source = bytes.baseAddress else { return }
            storage.initialize(from: source, count: bytes.count)
        }
        count = array.count
    }

    /// Calls `body` with the first `length` bytes of the key (all of them by default).
    func withBytes<Result>(prefix length: Int? = nil, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let length = length ?? count
        precondition(length >= 0 && length <= count, "prefix longer than the key")
        return body(UnsafeBufferPointer(start: storage, count: length))
    }

    /// Makes room for `extra` more bytes.
    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(2 * capacity, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }
}
