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

    /// Writes again the `range` of bytes already written: the bytes of a string escaped once
    /// and repeated, copied rather than escaped anew.
    @inline(__always)
    mutating func writeCopy(of range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "ByteCursor: copy of unwritten bytes")
        precondition(range.count <= remaining, "ByteCursor: storage exhausted")
        guard let base = storage.baseAddress else { return }
        // The source lies wholly before `count`, so it never overlaps the destination.
        (base + count).update(from: base + range.lowerBound, count: range.count)
        count += range.count
    }

    /// The two ASCII digits of every number from 00 to 99, one after another.
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" }

    /// Writes the decimal digits of `value`, led by zeros up to `minimumCount` digits.
    mutating func writeDigits(_ value: UInt64, minimumCount: Int = 1) {
        // The digits are counted by comparison, which costs less than dividing.
        var digitCount = 1
        var bound: UInt64 = 10
        while value >= bound && digitCount < 20 {
            digitCount += 1
            // 10^19 is the last power of ten below 2^64; past it the loop has ended anyway.
            bound = digitCount < 20 ? bound * 10 : .max
        }
        let width = max(digitCount, minimumCount)
        precondition(width <= remaining, "ByteCursor: storage exhausted")
        // Digits are filled in last first, from the end of their field, two at a time.
        let pairs = Self.digitPairs.utf8Start
        var rest = value
        var position = count + width
        while rest >= 100 {
            let pair = Int(rest % 100) * 2
            rest /= 100
            position -= 2
            storage[position] = pairs[pair]
            storage[position + 1] = pairs[pair + 1]
        }
        if rest >= 10 {
            position -= 2
            storage[position] = pairs[Int(rest) * 2]
            storage[position + 1] = pairs[Int(rest) * 2 + 1]
        } else {
            position -= 1
            storage[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest)
        }
        while position > count {
            position -= 1
            storage[position] = UInt8(ascii: "0")
        }
        count += width
    }
}
