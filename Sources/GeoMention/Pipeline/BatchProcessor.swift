import Foundation

/// Runs a function over every document of a stream on several threads and hands the results
/// back in input order.
///
/// The stream is read lazily on the calling thread, which is also the thread that calls
/// `deliver` and `progress`. Documents are processed by ``jobs`` threads: `jobs - 1` workers
/// and the calling thread, which processes a waiting document itself whenever the result it
/// must deliver next is not ready, so reading and writing share a core with work instead of
/// competing with the workers for one. At most ``window`` items (documents being processed
/// plus results waiting for an earlier one), and beyond one per job no more than ``byteBudget``
/// bytes of document text, are in memory at any time, so an input of any size streams. Results
/// and input errors reach `deliver` in exactly the order the stream gave them, so what a
/// caller writes is the same for any number of jobs.
///
/// ```swift
/// let parser = GeoParser(gazetteer: gazetteer)
/// var stream = DocumentStream(inputs: [.path("wire.jsonl")])
/// try BatchProcessor(jobs: 4).run(&stream, transform: { ToponymWriter.jsonObject(parser.parse($0)) }) { result in
///     if case .success(let line) = result { print(line) }
/// }
/// ```
public struct BatchProcessor: Sendable {
    /// Threads processing documents, the calling thread included; with 1 everything runs on
    /// the calling thread.
    public let jobs: Int
    /// The most items read but not yet delivered.
    public let window: Int
    /// The most bytes of document text read but not yet delivered, once every job has one.
    public let byteBudget: Int

    /// Creates a processor.
    /// - Parameters:
    ///   - jobs: The number of threads processing documents, the calling thread included (at
    ///     least 1); defaults to the active processor count.
    ///   - window: The most items in flight; defaults to sixteen per job, so workers take
    ///     short documents in batches.
    ///   - byteBudget: The most bytes of text in flight beyond one document per job.
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int? = nil,
                byteBudget: Int = 16 << 20) {
        self.jobs = Swift.max(1, jobs)
        self.window = Swift.max(self.jobs, window ?? 16 * self.jobs)
        self.byteBudget = byteBudget
    }

    /// Reads `stream` to its end, applying `transform` to every document.
    /// - Parameters:
    ///   - stream: The documents; read on the calling thread only.
    ///   - transform: The work done per document, on a worker thread; must be pure.
    ///   - progress: Called on the calling thread after each delivery.
    ///   - deliver: Called on the calling thread with each result or input error, in input order.
    /// - Returns: The final counts.
    /// - Throws: The first error `deliver` throws; the run stops there, after the workers finish
    ///   the documents they hold.
    @discardableResult
    public func run<Output: Sendable, Failure: Error>(
        _ stream: inout DocumentStream,
        transform: @escaping @Sendable (Document) -> Output,
        progress: (BatchProgress) -> Void = { _ in },
        deliver: (Result<Output, InputError>) throws(Failure) -> Void
    ) throws(Failure) -> BatchProgress {
        let clock = ContinuousClock()
        let start = clock.now
        var counts = BatchProgress()
        func account(_ result: Result<Output, InputError>, bytes: Int) throws(Failure) {
            try deliver(result)
            if case .success = result { counts.documents += 1 } else { counts.failures += 1 }
            counts.bytes = bytes
            let elapsed = clock.now - start
            counts.elapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            progress(counts)
        }

        guard jobs > 1 else {
            while let item = stream.next() {
                try account(item.map(transform), bytes: stream.bytesRead)
            }
            return counts
        }

        let shared = WorkQueue<Output>()
        let workers = DispatchGroup()
        for _ in 1..<jobs {
            workers.enter()
            let batch = Swift.max(1, window / (4 * jobs))
            let thread = Thread {
                shared.work(batch: batch, transform)
                workers.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        defer {
            shared.stop()
            workers.wait()
        }

        var nextToRead = 0
        var nextToDeliver = 0
        var exhausted = false
        // Per item read and not yet delivered: its input error, if any, the input bytes read up to
        // its end and the bytes of its text.
        var pending: [Int: (failure: InputError?, bytesAfter: Int, textBytes: Int)] = [:]
        var bytesInFlight = 0
        while true {
            while !exhausted && nextToRead - nextToDeliver < window
                    && (nextToRead - nextToDeliver < jobs || bytesInFlight < byteBudget) {
                guard let item = stream.next() else {
                    exhausted = true
                    shared.finishInput()
                    break
                }
                switch item {
                case .success(let document):
                    let textBytes = document.text.utf8.count
                    pending[nextToRead] = (nil, stream.bytesRead, textBytes)
                    bytesInFlight += textBytes
                    shared.add(document, sequence: nextToRead)
                case .failure(let error):
                    pending[nextToRead] = (error, stream.bytesRead, 0)
                }
                nextToRead += 1
            }
            guard nextToDeliver < nextToRead, let item = pending.removeValue(forKey: nextToDeliver) else { break }
            let result: Result<Output, InputError>
            if let error = item.failure {
                result = .failure(error)
            } else {
                result = .success(shared.takeResult(sequence: nextToDeliver, helping: transform))
            }
            bytesInFlight -= item.textBytes
            try account(result, bytes: item.bytesAfter)
            nextToDeliver += 1
        }
        return counts
    }
}

/// The documents waiting for a worker and the results waiting for delivery.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is
/// locked.
private final class WorkQueue<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [(sequence: Int, document: Document)] = []
    private var head = 0
    private var results: [Int: Output] = [:]
    private var inputFinished = false
    private var stopped = false

    /// Queues a document for the workers.
    func add(_ document: Document, sequence: Int) {
        condition.lock()
        if head > 64 && head * 2 > waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
        waiting.append((sequence, document))
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the workers no more documents will come.
    func finishInput() {
        condition.lock()
        inputFinished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the workers to stop after the document they hold.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the result of item `sequence` and removes it, processing waiting documents
    /// with `transform` in the meantime rather than idling.
    func takeResult(sequence: Int, helping transform: @Sendable (Document) -> Output) -> Output {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let output = results.removeValue(forKey: sequence) { return output }
            if head < waiting.count {
                let (taken, document) = waiting[head]
                head += 1
                condition.unlock()
                let output = transform(document)
                condition.lock()
                results[taken] = output
                continue
            }
            condition.wait()
        }
    }

    /// A worker's loop: takes documents until the input is finished or the run stopped.
    ///
    /// A worker takes up to `batch` waiting documents at once and posts their results
    /// together, so a stream of short documents costs one lock round and one wake-up per
    /// batch rather than per document.
    func work(batch: Int, _ transform: @Sendable (Document) -> Output) {
        var taken: [(sequence: Int, document: Document)] = []
        var outputs: [(sequence: Int, output: Output)] = []
        taken.reserveCapacity(batch)
        outputs.reserveCapacity(batch)
        while true {
            condition.lock()
            while head == waiting.count && !inputFinished && !stopped { condition.wait() }
            if stopped || head == waiting.count {
                condition.unlock()
                return
            }
            let end = Swift.min(waiting.count, head + batch)
            taken.append(contentsOf: waiting[head..<end])
            head = end
            condition.unlock()
            for (sequence, document) in taken {
                outputs.append((sequence, transform(document)))
            }
            taken.removeAll(keepingCapacity: true)
            condition.lock()
            for (sequence, output) in outputs { results[sequence] = output }
            condition.broadcast()
            condition.unlock()
            outputs.removeAll(keepingCapacity: true)
        }
    }
}
