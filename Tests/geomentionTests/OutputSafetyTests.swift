import CLibXML2
import Foundation
import Testing

/// Outputs are the same for any --jobs and across runs, and a killed `map` never leaves a
/// partial file behind.
@Suite struct OutputSafetyTests {
    /// A generated feed of `count` short dispatches naming places.
    private func feed(count: Int, seed: Int, in directory: URL) throws -> String {
        let places = ["Kharkiv", "Lviv", "Odesa", "Paris", "Cairo", "Lima", "Springfield, Ill.", "Donetsk", "Mosul", "Aleppo"]
        var lines = ""
        for number in 0..<count {
            let a = places[(number * 7 + seed) % places.count], b = places[(number * 3 + seed * 5) % places.count]
            lines += "{\"id\":\"n\(number)\",\"date\":\"2024-06-1\(number % 10)\",\"text\":\"Shelling hit \(a) on Tuesday, officials in \(b) said.\"}\n"
        }
        let url = directory.appendingPathComponent("feed-\(seed).jsonl")
        try Data(lines.utf8).write(to: url)
        return url.path
    }

    private func files(_ directory: URL, _ name: String) throws -> [Data] {
        try ["geojson", "kml", "svg"].map { try Data(contentsOf: directory.appendingPathComponent("\(name).\($0)")) }
    }

    @Test func mapAndRegionsAreByteIdenticalAcrossRunsAndJobs() throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try feed(count: 120, seed: 1, in: directory)
        var layers: [[Data]] = []
        for (run, jobs) in [(0, "1"), (1, "2"), (2, "2")] {
            let out = directory.appendingPathComponent("run\(run)")
            let output = try CommandRunner.run(["map", input, "--jobs", jobs, "--output-dir", out.path, "--name", "l"])
            #expect(output.status == 0, "\(output.standardError)")
            layers.append(try files(out, "l"))
        }
        #expect(layers[0] == layers[1] && layers[1] == layers[2])
        for format in ["text", "json", "csv", "markdown"] {
            let outputs = try ["1", "2", "2"].map { try CommandRunner.run(["regions", input, "--jobs", $0, "--format", format]) }
            #expect(outputs[0].status == 0 && outputs[0].standardOutput.count > 100)
            #expect(outputs[0].standardOutput == outputs[1].standardOutput && outputs[1].standardOutput == outputs[2].standardOutput)
        }
    }

    /// Whether `data` parses completely: JSON for GeoJSON, XML (libxml2) for KML and SVG.
    static func parsesCompletely(_ data: Data, isJSON: Bool) -> Bool {
        if isJSON { return (try? JSONSerialization.jsonObject(with: data)) != nil }
        return data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let document = xmlReadMemory(base, Int32(raw.count), nil, "UTF-8", Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOERROR.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue))
            else { return false }
            xmlFreeDoc(document)
            return true
        }
    }

    @Test func killingMapAtAnyMomentLeavesTheOldOrTheNewFiles() throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = try feed(count: 30, seed: 2, in: directory)
        let new = try feed(count: 400, seed: 3, in: directory)
        let reference = directory.appendingPathComponent("reference")
        #expect(try CommandRunner.run(["map", new, "--output-dir", reference.path, "--name", "l"]).status == 0)
        let newFiles = try files(reference, "l")
        let out = directory.appendingPathComponent("out")
        #expect(try CommandRunner.run(["map", old, "--output-dir", out.path, "--name", "l"]).status == 0)
        let oldFiles = try files(out, "l")
        #expect(oldFiles != newFiles)

        let clock = ContinuousClock()
        let start = clock.now
        #expect(try CommandRunner.run(["map", new, "--output-dir", directory.appendingPathComponent("timing").path]).status == 0)
        let duration = clock.now - start
        var outcomes = Set<String>()
        // Kill points spread over the whole run, denser near its end where the files are written.
        let fractions = [0.1, 0.5, 0.8, 0.9, 0.95, 0.98, 1.0, 1.02, 1.05, 1.1]
        for fraction in fractions {
            let process = Process()
            process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("geomention")
            process.arguments = ["map", new, "--output-dir", out.path, "--name", "l", "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double(duration.components.seconds) * fraction
                         + Double(duration.components.attoseconds) * 1e-18 * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try files(out, "l")
            var outcome = ""
            for (index, data) in now.enumerated() {
                if data == oldFiles[index] {
                    outcome += "old "
                } else if data == newFiles[index] {
                    outcome += "new "
                } else {
                    Issue.record("file \(index) is neither version after a kill at \(fraction) of the run")
                    #expect(Self.parsesCompletely(data, isJSON: index == 0))
                }
            }
            outcomes.insert(outcome)
            // Put the old layer back for the next kill.
            for (index, ext) in ["geojson", "kml", "svg"].enumerated() {
                try oldFiles[index].write(to: out.appendingPathComponent("l.\(ext)"))
            }
        }
        #expect(outcomes.contains("old old old "))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        #expect(leftovers.sorted() == ["l.geojson", "l.kml", "l.svg"])
    }
}
