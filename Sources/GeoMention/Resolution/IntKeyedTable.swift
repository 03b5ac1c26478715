/// A hash table from non-negative integer keys to values, for the few dozen keys a document's
/// evidence holds (countries, first-level units, name and place pairs).
///
/// Open addressing with linear probing over a power-of-two table of (key, position) pairs; the
/// values sit in a separate array in insertion order. A lookup is a multiply, a shift and a
/// compare or two, where a `Dictionary` would hash every key with SipHash. Two allocations in
/// all, none until the first key.
struct IntKeyedTable<Value> {
    /// Per slot two integers: its key (-1 when free) and the position of its value in ``values``.
    private var slots: [Int] = []
    private var values: [Value] = []
    private var shift = 0

    /// An empty table with room for `capacity` keys before it grows (none allocated for 0).
    init(capacity: Int = 0) {
        guard capacity > 0 else { return }
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        makeSlots(slotCount)
        values.reserveCapacity(capacity)
    }

    /// Number of keys held.
    var count: Int { values.count }

    private mutating func makeSlots(_ slotCount: Int) {
        slots = [Int](filling: -1, count: slotCount * 2)
        shift = Int.bitWidth - slotCount.trailingZeroBitCount
    }

    /// The slot holding `key`, or the free slot where it belongs; the table must have slots.
    @inline(__always)
    private func slot(of key: Int) -> Int {
        let mask = slots.count / 2 - 1
        // Fibonacci hashing: the top bits of the key times 2^64 divided by the golden ratio.
        var slot = Int(truncatingIfNeeded: UInt(bitPattern: key &* -7_046_029_254_386_353_131) >> UInt(shift))
        while slots[2 * slot] != key && slots[2 * slot] >= 0 { slot = (slot + 1) & mask }
        return slot
    }

    /// The value of `key`, or nil when the table does not hold it.
    @inline(__always)
    subscript(key: Int) -> Value? {
        guard !slots.isEmpty else { return nil }
        let found = slot(of: key)
        return slots[2 * found] >= 0 ? values[slots[2 * found + 1]] : nil
    }

    /// Stores `value` under `key` unless the key is already held.
    /// - Returns: the value already held, or nil when `value` was stored.
    mutating func insertIfAbsent(_ value: Value, for key: Int) -> Value? {
        makeRoom()
        let found = slot(of: key)
        if slots[2 * found] >= 0 { return values[slots[2 * found + 1]] }
        append(key, value, at: found)
        return nil
    }

    /// Applies `change` to the value of `key`, which starts as `initial` when the key is new.
    @inline(__always)
    mutating func update(_ key: Int, initial: Value, _ change: (inout Value) -> Void) {
        makeRoom()
        let found = slot(of: key)
        if slots[2 * found] >= 0 {
            change(&values[slots[2 * found + 1]])
        } else {
            var value = initial
            change(&value)
            append(key, value, at: found)
        }
    }

    /// Removes every key, keeping the storage, and makes room for `capacity` keys before the
    /// table grows.
    mutating func removeAll(reservingCapacity capacity: Int) {
        // An array that never held a value has no storage to keep; asking it to keep its
        // capacity anyway would call the standard library's unspecialised allocation.
        if !values.isEmpty { values.removeAll(keepingCapacity: true) }
        if capacity * 4 > slots.count {
            var slotCount = 16
            while slotCount < capacity * 2 { slotCount *= 2 }
            makeSlots(slotCount)
        } else if !slots.isEmpty {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        }
        values.reserveCapacity(capacity)
    }

    private mutating func append(_ key: Int, _ value: Value, at slot: Int) {
        precondition(key >= 0, "keys are non-negative")
        slots[2 * slot] = key
        slots[2 * slot + 1] = values.count
        values.append(value)
    }

    /// Grows the table, if need be, so that one more key keeps it at most half full.
    @inline(__always)
    private mutating func makeRoom() {
        if (values.count + 1) * 4 > slots.count { grow() }
    }

    /// Doubles the table (or makes its first slots) and places every key again.
    private mutating func grow() {
        let old = slots
        makeSlots(max(16, slots.count))
        for slot in stride(from: 0, to: old.count, by: 2) where old[slot] >= 0 {
            let found = self.slot(of: old[slot])
            slots[2 * found] = old[slot]
            slots[2 * found + 1] = old[slot + 1]
        }
    }
}

extension IntKeyedTable where Value == Double {
    /// Adds `weight` to the sum held under `key` (a new key starts at 0).
    /// - Returns: the sum now held under `key`.
    @inline(__always) @discardableResult
    mutating func add(_ weight: Double, to key: Int) -> Double {
        var sum = 0.0
        update(key, initial: 0) {
            $0 += weight
            sum = $0
        }
        return sum
    }
}
