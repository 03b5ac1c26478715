import Foundation
import GeoMention

#if canImport(Glibc)
import Glibc
#endif

// geomention-bench: prints GeoMention's speed and memory figures.
//
//   swift run -c release geomention-bench [--runs N]
//
// Figures: a whole `geomention lookup` process (start to exit) with its peak RSS; building the
// binary index from the TSV sources; loading the gazetteer to ready in this process; and name
// look-ups per second.

let arguments = CommandLine.arguments
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 20

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func peakRSSMegabytes(of usage: rusage) -> Double { Double(usage.ru_maxrss) / 1024 }

func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("geomention").path
let directory = try GazetteerLocator().locate()
print("GeoMention benchmark: gazetteer \(directory), \(runs) runs each, \(ProcessInfo.processInfo.activeProcessorCount) cores")

// 1. A whole lookup process: start, load, look up, print, exit. Measured first, while this
//    process is small: Linux carries a process's peak RSS over into the programs it starts.
if FileManager.default.isExecutableFile(atPath: executable) {
    var processTimes: [Double] = []
    var peak = 0.0
    for _ in 0..<runs {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), strdup("lookup"), strdup("Kiev"), nil]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let elapsed = milliseconds {
            guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return }
            var status: Int32 = 0
            var usage = rusage()
            wait4(pid, &status, 0, &usage)
            peak = max(peak, peakRSSMegabytes(of: usage))
        }
        posix_spawn_file_actions_destroy(&actions)
        argv.forEach { free($0) }
        processTimes.append(elapsed)
    }
    print("lookup process, start to exit: median \(format(median(processTimes))) ms, min \(format(processTimes.min() ?? 0)) ms; peak RSS \(format(peak)) MB")
} else {
    print("lookup process: \(executable) not built; run `swift build -c release` first")
}

// 2. Index build from the TSV sources (into a scratch cache, leaving the real index alone).
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("geomention-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
for name in ["places.tsv", "names.tsv", "countries.tsv"] {
    try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent(name).path,
                                               withDestinationPath: directory + "/" + name)
}
let buildTime = try milliseconds { _ = try Gazetteer.load(locator: GazetteerLocator(explicitPath: scratch.path, environment: [:])) }
try? FileManager.default.removeItem(at: scratch)
print("index build from TSV:       \(format(buildTime, 0)) ms (once, whenever the sources change)")

// 3. Load to ready in this process (index already built).
var loadTimes: [Double] = []
var gazetteer: Gazetteer?
for _ in 0..<runs {
    loadTimes.append(try milliseconds { gazetteer = try Gazetteer.load() })
}
guard let gazetteer else { exit(1) }
print("load to ready (in process): median \(format(median(loadTimes), 2)) ms, min \(format(loadTimes.min() ?? 0, 2)) ms")
print("  \(gazetteer.placeCount) places, \(gazetteer.nameCount) names, \(gazetteer.keyCount) keys")

// 4. Look-ups per second over a fixed list of names.
let names = ["Kiev", "Lviv", "Mykolaiv", "Rivne", "Mariupol", "Istanbul", "Springfield", "Georgia", "U.S.", "Russian",
             "Paris", "London", "Donbas", "Black Sea", "Gaza Strip", "Cook County", "Nowhereville", "Texas"]
var found = 0
let lookups = 200_000
let lookupTime = milliseconds {
    for step in 0..<lookups { found &+= gazetteer.candidates(for: names[step % names.count]).count }
}
print("name look-ups: \(format(Double(lookups) / lookupTime * 1000 / 1_000_000, 2)) million/s (\(found / lookups) candidates each on average)")

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("this process's peak RSS: \(format(peakRSSMegabytes(of: usage))) MB")
