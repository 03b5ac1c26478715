import Foundation
import Testing

/// `geomention extract --jobs`: the same output for any number of workers.
@Suite struct ExtractJobsTests {
    /// Writes `count` generated news-like records (seeded, so always the same) as JSON Lines.
    private func generatedFeed(count: Int) throws -> URL {
        let cities = ["Lviv", "Kyiv", "Paris", "Springfield", "Odesa", "Berlin", "Lagos", "Lima", "Perth", "Georgia"]
        let qualifiers = ["Ukraine", "Texas", "Illinois", "France", "Australia", "Peru"]
        let people = ["Paris Hilton", "President Jordan", "Michael Jordan"]
        var state: UInt64 = 7
        func pick(_ items: [String]) -> String {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return items[Int(state >> 33) % items.count]
        }
        var lines: [String] = []
        for number in 0..<count {
            let text = "\(pick(cities).uppercased()), \(pick(qualifiers)) — Officials in \(pick(cities)) met "
                + "\(pick(people)) on Monday.\\n\\nRussian envoys flew to \(pick(cities)), \(pick(qualifiers)), and "
                + "then to \(pick(cities)). Prices rose in \(pick(qualifiers))."
            lines.append(#"{"id":"n\#(number)","date":"2024-03-05","text":"\#(text)"}"#)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("geomention-feed-\(UUID().uuidString).jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        return file
    }

    @Test(arguments: ["jsonl", "json", "tsv"])
    func outputIsTheSameForOneAndTwoJobs(format: String) throws {
        let feed = try generatedFeed(count: 300)
        defer { try? FileManager.default.removeItem(at: feed) }
        let one = try CommandRunner.run(["extract", "--format", format, "--jobs", "1", feed.path])
        let two = try CommandRunner.run(["extract", "--format", format, "--jobs", "2", feed.path])
        #expect(one.status == 0 && two.status == 0, "stderr: \(one.standardError) \(two.standardError)")
        #expect(one.standardOutput == two.standardOutput)
        #expect(one.standardOutput.contains("\"Lviv\"") || one.standardOutput.contains("\tLviv\t"))
        if format == "jsonl" {
            #expect(one.standardOutput.split(separator: "\n").count == 300)
        }
        // Standard error is a pipe here, not a terminal: no progress line.
        #expect(one.standardError.isEmpty && two.standardError.isEmpty)
    }

    @Test func inputErrorsKeepTheirPlaceAndSetTheExitStatus() throws {
        let feed = try generatedFeed(count: 40)
        defer { try? FileManager.default.removeItem(at: feed) }
        let missing = "/nonexistent/geomention-\(UUID().uuidString).txt"
        let one = try CommandRunner.run(["extract", "--jobs", "1", feed.path, missing, feed.path])
        let two = try CommandRunner.run(["extract", "--jobs", "2", "--quiet", feed.path, missing, feed.path])
        #expect(one.status == 1 && two.status == 1)
        #expect(one.standardOutput == two.standardOutput)
        #expect(one.standardOutput.split(separator: "\n").count == 80)
        #expect(two.standardError.contains(missing))
    }

    @Test func refusesZeroJobs() throws {
        let output = try CommandRunner.run(["extract", "--jobs", "0"], input: Data())
        #expect(output.status == 64)
        #expect(output.standardError.contains("--jobs"))
    }
}
