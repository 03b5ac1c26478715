/// A hash table from non-negative integer keys to values, for the few dozen keys a document's
/// evidence holds (countries, first-level units, name and place pairs).
///
/// Keys and values are kept in insertion order; a power-of-two table of positions, probed
/// linearly, finds them. A lookup is a multiply, a shift and a compare or two, where a
/// `Dictionary` would hash every key with SipHash.
struct IntKeyedTable<Value> {
    /// Per slot, the position of its key in ``keys``, or -1 when free; empty until the first key.
    private var slots: [Int] = []
    private var keys: [Int] = []
    private var values: [Value] = []
    private var shift = 0

    /// An empty table with room for `capacity` keys before it grows (none allocated for 0).
    init(capacity: Int = 0) {
        guard capacity > 0 else { return }
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = [Int](repeating: -1, count: slotCount)
        shift = Int.bitWidth - slotCount.trailingZeroBitCount
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Number of keys held.
    var count: Int { keys.count }

    /// The slot holding `key`, or the free slot where it belongs; the table must have slots.
    @inline(__always)
    private func slot(of key: Int) -> Int {
        let mask = slots.count - 1
        // Fibonacci hashing: the top bits of the key times 2^64 divided by the golden ratio.
        var slot = Int(truncatingIfNeeded: UInt(bitPattern: key &* -7_046_029_254_386_353_131) >> UInt(shift))
        while slots[slot] >= 0 && keys[slots[slot]] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The value of `key`, or nil when the table does not hold it.
    subscript(key: Int) -> Value? {
        guard !slots.isEmpty else { return nil }
        let position = slots[slot(of: key)]
        return position >= 0 ? values[position] : nil
    }

    /// Stores `value` under `key` unless the key is already held.
    /// - Returns: the value already held, or nil when `value` was stored.
    mutating func insertIfAbsent(_ value: Value, for key: Int) -> Value? {
        makeRoom()
        let found = slot(of: key)
        if slots[found] >= 0 { return values[slots[found]] }
        append(key, value, at: found)
        return nil
    }

    /// Applies `change` to the value of `key`, which starts as `initial` when the key is new.
    mutating func update(_ key: Int, initial: Value, _ change: (inout Value) -> Void) {
        makeRoom()
        let found = slot(of: key)
        if slots[found] >= 0 {
            change(&values[slots[found]])
        } else {
            var value = initial
            change(&value)
            append(key, value, at: found)
        }
    }

    /// Every key with its value, in the order the keys came.
    var entries: Zip2Sequence<[Int], [Value]> { zip(keys, values) }

    private mutating func append(_ key: Int, _ value: Value, at slot: Int) {
        precondition(key >= 0, "keys are non-negative")
        slots[slot] = keys.count
        keys.append(key)
        values.append(value)
    }

    /// Grows the table, if need be, so that one more key keeps it at most half full.
    @inline(__always)
    private mutating func makeRoom() {
        if (keys.count + 1) * 2 > slots.count { grow() }
    }

    /// Doubles the table (or makes its first slots) and places every key again.
    private mutating func grow() {
        let slotCount = max(16, slots.count * 2)
        slots = [Int](repeating: -1, count: slotCount)
        shift = Int.bitWidth - slotCount.trailingZeroBitCount
        for (position, key) in keys.enumerated() { slots[slot(of: key)] = position }
    }
}

extension IntKeyedTable where Value == Double {
    /// Adds `weight` to the sum held under `key` (a new key starts at 0).
    mutating func add(_ weight: Double, to key: Int) {
        update(key, initial: 0) { $0 += weight }
    }
}
