/// Writes bytes one after another into storage that was sized beforehand for the worst case.
///
/// Writers that know an upper bound for what they produce (``ToponymWriter`` sizes a document's
/// object from its strings and numbers) fill the storage through a pointer instead of growing
/// an array append by append. Every write checks that it stays within the storage.
struct ByteCursor {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    /// How many bytes have been written, from the start of the storage.
    private(set) var count = 0

    init(_ storage: UnsafeMutableBufferPointer<UInt8>) {
        self.storage = storage
    }

    /// How many more bytes fit.
    var remaining: Int { storage.count - count }

    @inline(__always)
    mutating func write(_ byte: UInt8) {
        precondition(count < storage.count, "ByteCursor: storage exhausted")
        storage[count] = byte
        count += 1
    }

    /// Writes the UTF-8 bytes of a literal.
    @inline(__always)
    mutating func write(_ literal: StaticString) {
        write(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= remaining, "ByteCursor: storage exhausted")
        guard let source = bytes.baseAddress else { return }
        (storage.baseAddress! + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Writes the UTF-8 bytes of `text` as they are.
    mutating func write(utf8 text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { write($0) }
        if copied == nil {
            for byte in text.utf8 { write(byte) }
        }
    }

    /// Writes the decimal digits of `value`, led by zeros up to `minimumCount` digits.
    mutating func writeDigits(_ value: UInt64, minimumCount: Int = 1) {
        var digitCount = 1
        var rest = value / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let width = max(digitCount, minimumCount)
        precondition(width <= remaining, "ByteCursor: storage exhausted")
        // Digits are filled in last first, from the end of their field.
        rest = value
        var position = count + width
        for _ in 0..<width {
            position -= 1
            storage[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count += width
    }
}
