extension Array {
    /// `count` copies of `value`, as `init(repeating:count:)` makes them, for the arrays the
    /// pipeline allocates per document or per mention.
    ///
    /// The standard library's `init(repeating:count:)` allocates through its own unspecialised
    /// buffer initializer, which looks the storage class's generic metadata up in the runtime's
    /// locked cache on every call (about half the cost of allocating a small array). Copying a
    /// `repeatElement` collection allocates through code specialised in this module instead,
    /// whose metadata accessor caches the result.
    @inlinable
    init(filling value: Element, count: Int) {
        self.init(repeatElement(value, count: count))
    }
}
