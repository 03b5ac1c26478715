import Foundation
import Synchronization
import Testing
import GeoMention

@Suite struct BatchProcessorTests {
    /// A JSON Lines file of `count` records, with a malformed line after every 17th record.
    private func feed(_ dir: TemporaryDirectory, count: Int) throws -> String {
        var lines: [String] = []
        for number in 0..<count {
            lines.append(#"{"id": "d\#(number)", "text": "Record \#(number) from Lviv."}"#)
            if number % 17 == 16 { lines.append(#"{"id": "bad"}"#) }
        }
        return try dir.write("feed.jsonl", lines.joined(separator: "\n") + "\n")
    }

    private func labels(jobs: Int, file: String) -> [String] {
        var stream = DocumentStream(inputs: [.path(file)])
        var labels: [String] = []
        BatchProcessor(jobs: jobs).run(&stream, transform: { document in
            // Uneven work so that later documents often finish first.
            usleep(UInt32(document.id.hashValue & 0x3FF))
            return document.id
        }) { result in
            switch result {
            case .success(let id): labels.append(id)
            case .failure(let error): labels.append("error:\(error.path)")
            }
        }
        return labels
    }

    @Test func deliversResultsAndErrorsInInputOrderForAnyJobCount() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try feed(dir, count: 120)
        let serial = labels(jobs: 1, file: file)
        #expect(serial.count == 127)
        #expect(serial.first == "d0" && serial[17] == "error:\(file):18")
        for jobs in [2, 3, 8] {
            #expect(labels(jobs: jobs, file: file) == serial)
        }
    }

    @Test func keepsAtMostTheWindowInFlight() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try feed(dir, count: 200)
        let started = Atomic<Int>(0)
        let delivered = Atomic<Int>(0)
        let excess = Atomic<Int>(0)
        var stream = DocumentStream(inputs: [.path(file)])
        let processor = BatchProcessor(jobs: 3)
        #expect(processor.window == 48)
        processor.run(&stream, transform: { _ in
            let inFlight = started.add(1, ordering: .sequentiallyConsistent).newValue
                - delivered.load(ordering: .sequentiallyConsistent)
            if inFlight > processor.window { excess.add(1, ordering: .sequentiallyConsistent) }
            return 0
        }) { result in
            if case .success = result { delivered.add(1, ordering: .sequentiallyConsistent) }
        }
        #expect(started.load(ordering: .sequentiallyConsistent) == 200)
        #expect(excess.load(ordering: .sequentiallyConsistent) == 0)
    }

    @Test func keepsOneDocumentPerJobInFlightWhenTheByteBudgetIsSpent() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try feed(dir, count: 200)
        let started = Atomic<Int>(0)
        let delivered = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        var stream = DocumentStream(inputs: [.path(file)])
        let processor = BatchProcessor(jobs: 3, byteBudget: 1)
        let outputs = processor.run(&stream, transform: { document in
            let inFlight = started.add(1, ordering: .sequentiallyConsistent).newValue
                - delivered.load(ordering: .sequentiallyConsistent)
            _ = most.max(inFlight, ordering: .sequentiallyConsistent)
            return document.text.count
        }) { result in
            if case .success = result { delivered.add(1, ordering: .sequentiallyConsistent) }
        }
        #expect(outputs.documents == 200)
        #expect(most.load(ordering: .sequentiallyConsistent) <= 3)
    }

    @Test func countsDocumentsFailuresAndAllInputBytes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try feed(dir, count: 40)
        var stream = DocumentStream(inputs: [.path(file)])
        var last = BatchProgress()
        let final = BatchProcessor(jobs: 2).run(&stream, transform: { $0.text.count }, progress: { last = $0 }) { _ in }
        #expect(final.documents == 40 && final.failures == 2)
        #expect(final == last)
        let size = try #require(DocumentStream.totalBytes(of: [.path(file), .path(dir.path)]))
        #expect(final.bytes * 2 == size)
    }

    @Test func stopsAtTheFirstErrorTheSinkThrows() throws {
        struct Enough: Error {}
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try feed(dir, count: 50)
        var stream = DocumentStream(inputs: [.path(file)])
        var seen = 0
        #expect(throws: Enough.self) {
            try BatchProcessor(jobs: 2).run(&stream, transform: { $0.id }) { (_: Result<String, InputError>) throws(Enough) in
                seen += 1
                if seen == 5 { throw Enough() }
            }
        }
        #expect(seen == 5)
    }
}
