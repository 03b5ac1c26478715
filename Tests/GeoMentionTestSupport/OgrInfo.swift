import Foundation

/// GDAL's `ogrinfo`, run on exported files as a GIS would open them; shared by the library and
/// command-line tests.
public enum OgrInfo {
    /// The `ogrinfo` executable on the PATH, if any.
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/ogrinfo" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Set in continuous integration, where a missing `ogrinfo` is a failure rather than a skip.
    public static let isCI = ProcessInfo.processInfo.environment["CI"] != nil

    /// Runs `ogrinfo -ro -al [-so]` on `file` with `executable`, forcing `driver` when given
    /// (`-if DRIVER` on GDAL 3.7 and later; before that, the other KML driver is skipped).
    /// - Returns: The exit status and the combined output.
    public static func run(_ executable: String, _ file: URL, driver: String?,
                           summaryOnly: Bool = true) throws -> (status: Int32, output: String) {
        var arguments = summaryOnly ? ["-ro", "-al", "-so"] : ["-ro", "-al"]
        if let driver {
            let (_, version) = try execute(executable, ["--version"])
            let numbers = version.split(separator: " ").dropFirst().first?.split(separator: ".")
                .compactMap { Int($0.filter(\.isNumber)) } ?? []
            arguments = (numbers.count >= 2 && (numbers[0], numbers[1]) >= (3, 7))
                ? ["-if", driver] + arguments
                : ["--config", "GDAL_SKIP", driver == "KML" ? "LIBKML" : "KML"] + arguments
        }
        return try execute(executable, arguments + [file.path])
    }

    private static func execute(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
