import Foundation
import Testing

/// Exit statuses follow sysexits in every command: 0 done, 1 some inputs failed (the rest
/// written), 64 usage, 66 no input, 74 I/O error; each message names the file.
@Suite struct ExitStatusTests {
    /// Runs the executable with standard output going to `/dev/full` (every write fails with ENOSPC).
    private func runIntoFullDisk(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("geomention")
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        process.standardInput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    @Test(arguments: ["extract", "map", "regions"])
    func allFailedIs66SomeFailedIs1(command: String) throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.txt").path
        let out = directory.appendingPathComponent("out").path
        let extra = command == "map" ? ["--output-dir", out] : []
        let none = try CommandRunner.run([command, missing] + extra)
        #expect(none.status == 66)
        #expect(none.standardError.contains("\(missing): no such file or directory; check the path"))
        let some = try CommandRunner.run([command, missing, LayerFixtures.dispatch.path] + extra)
        #expect(some.status == 1)
        #expect(!some.standardOutput.isEmpty)
        let all = try CommandRunner.run([command, LayerFixtures.dispatch.path] + extra)
        #expect(all.status == 0, "\(all.standardError)")
        #expect(all.standardError.isEmpty)
    }

    @Test(arguments: [
        ["extract", "--jobs", "0"], ["extract", "--max-document-size", "0"], ["extract", "--format", "xml"],
        ["map", "--name", "a/b"], ["map", "--jobs", "-1"], ["map", "--max-document-size", "12Q"],
        ["regions", "--format", "pdf"], ["regions", "--date", "yesterday"], ["regions", "--jobs", "x"],
        ["lookup"], ["lookup", " "], ["lookup", "Kyiv", "--kind", "moon"], ["frobnicate"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 64)
        #expect(!output.standardError.isEmpty)
        #expect(output.standardOutput.isEmpty)
    }

    @Test(arguments: [["extract"], ["regions"], ["lookup", "Kyiv"], ["map", "--output-dir", "/nonexistent-gazetteer-test"]])
    func missingGazetteerExits66NamingThePath(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments + ["--gazetteer", "/nonexistent/gazetteer"])
        #expect(output.status == 66)
        #expect(output.standardError.contains("/nonexistent/gazetteer"))
    }

    @Test(arguments: [
        ["extract", LayerFixtures.dispatch.path], ["regions", LayerFixtures.dispatch.path], ["lookup", "Kyiv"],
    ])
    func fullDiskOnStandardOutputExits74(arguments: [String]) throws {
        let (status, message) = try runIntoFullDisk(arguments)
        #expect(status == 74)
        #expect(message.contains("cannot write standard output: No space left on device"))
    }

    @Test func mapIntoAPathUnderARegularFileExits74AndNamesIt() throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let target = blocker.appendingPathComponent("deeper/out").path
        let output = try CommandRunner.run(["map", LayerFixtures.dispatch.path, "--output-dir", target])
        #expect(output.status == 74)
        #expect(output.standardError.contains("cannot create directory \(target)"))
        let (status, message) = try runIntoFullDisk(["map", LayerFixtures.dispatch.path, "--output-dir", directory.path])
        #expect(status == 74)
        #expect(message.contains("No space left on device"))
    }

    @Test func mapCreatesAMissingOutputDirectoryTree() throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("a/b/c")
        let output = try CommandRunner.run(["map", LayerFixtures.dispatch.path, "--output-dir", target.path, "--name", "x"])
        #expect(output.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        #expect(names == ["x.geojson", "x.kml", "x.svg"])
    }
}
