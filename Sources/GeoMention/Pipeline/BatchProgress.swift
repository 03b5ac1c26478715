/// How far a ``BatchProcessor`` run has got, counted over the items delivered so far.
public struct BatchProgress: Hashable, Sendable {
    /// Documents delivered.
    public var documents: Int
    /// Input errors delivered.
    public var failures: Int
    /// Input bytes read up to and including the last item delivered (see
    /// ``DocumentStream/bytesRead``).
    public var bytes: Int
    /// Seconds since the run started.
    public var elapsed: Double

    /// Creates a progress record.
    public init(documents: Int = 0, failures: Int = 0, bytes: Int = 0, elapsed: Double = 0) {
        self.documents = documents
        self.failures = failures
        self.bytes = bytes
        self.elapsed = elapsed
    }

    /// Input bytes per second so far (0 before any time has passed).
    public var bytesPerSecond: Double { elapsed > 0 ? Double(bytes) / elapsed : 0 }

    /// Seconds left to read `totalBytes` at the rate so far, or `nil` while the rate is unknown.
    /// - Parameter totalBytes: The whole input's size (``DocumentStream/totalBytes(of:)``).
    public func secondsLeft(totalBytes: Int) -> Double? {
        let rate = bytesPerSecond
        guard rate > 0, bytes > 0 else { return nil }
        return Double(max(0, totalBytes - bytes)) / rate
    }
}
