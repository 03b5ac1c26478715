import Foundation
import GeoMention

#if canImport(Glibc)
import Glibc
#endif

// geomention-bench: GeoMention's speed and memory figures in one run.
//
//   swift run -c release geomention-bench [--runs N] [--sizes 1,10,100] [--dense-size 10] [--corpus PATH] [--corpus-dir DIR]
//                                          [--skip-layers]
//   swift run -c release geomention-bench --write-corpus PATH [--size MB] [--seed N] [--density news|dense]
//
// Every figure for a whole process (single-article latency, extract throughput, peak RSS) comes
// from a child process spawned while this process is still small, because Linux counts the
// parent's memory in a spawned child's peak RSS. In-process figures (load to ready, index
// build, look-ups) come last.

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let runs = option("--runs").flatMap(Int.init) ?? 15
let seed = option("--seed").flatMap(UInt64.init) ?? 42
guard let density = CorpusGenerator.Density(rawValue: option("--density") ?? "news") else {
    print("--density must be one of: \(CorpusGenerator.Density.allCases.map(\.rawValue).joined(separator: ", "))")
    exit(64)
}
let cores = ProcessInfo.processInfo.activeProcessorCount
let bench = URL(fileURLWithPath: arguments[0]).resolvingSymlinksInPath()
let executable = bench.deletingLastPathComponent().appendingPathComponent("geomention").path
let directory = try GazetteerLocator().locate()

func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

// Corpus writing mode: used by the benchmark itself (in a child process) and by the peer script.
if let path = option("--write-corpus") {
    let megabytes = option("--size").flatMap(Double.init) ?? 10
    var generator = try CorpusGenerator(gazetteerDirectory: directory, seed: seed, density: density)
    let count = try generator.write(to: path, bytes: Int(megabytes * 1_000_000))
    print("wrote \(count) documents, \(fileSize(path)) bytes to \(path)")
    exit(0)
}

let cpuModel = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("model name") }
    .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown"
print("GeoMention benchmark: \(cores) cores (\(cpuModel)), gazetteer \(directory)")
guard FileManager.default.isExecutableFile(atPath: executable) else {
    print("\(executable) is not built; run `swift build -c release` first")
    exit(1)
}

// The first run builds the binary index if the TSV sources changed; keep it out of the figures.
_ = ChildRun.run(executable, ["lookup", "Kiev"])

let work = option("--corpus-dir") ?? FileManager.default.temporaryDirectory.appendingPathComponent("geomention-bench").path
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

// 1. One article, process start to output file written.
let sample = work + "/sample-article.txt"
try SampleArticle.text.write(toFile: sample, atomically: true, encoding: .utf8)
var latency = Table("one article (\(SampleArticle.text.utf8.count) bytes), process start to files written", "median ms", "min ms", "peak RSS MB")
@MainActor func timeCommand(_ label: String, _ commandArguments: [String], output: String) -> Bool {
    var times: [Double] = []
    var peak = 0.0
    for _ in 0..<runs {
        let run = ChildRun.run(executable, commandArguments, outputPath: output)
        guard run.exitCode == 0 else { return false }
        times.append(run.milliseconds)
        peak = max(peak, run.peakRSSMegabytes)
    }
    latency.add(label, format(median(times)), format(times.min() ?? 0), format(peak))
    return true
}
_ = timeCommand("geomention extract", ["extract", "--quiet", sample], output: work + "/sample-extract.jsonl")
var notes: [String] = []
let help = work + "/help.txt"
_ = ChildRun.run(executable, ["--help"], outputPath: help)
let commands = (try? String(contentsOfFile: help, encoding: .utf8)) ?? ""
if commands.split(separator: "\n").contains(where: { $0.hasPrefix("  map ") }) {
    let mapArguments = (option("--map-args") ?? "map SAMPLE --output-dir OUT --name sample").split(separator: " ").map {
        $0 == "SAMPLE" ? sample : $0 == "OUT" ? work + "/sample-map" : String($0)
    }
    if !timeCommand("geomention \(mapArguments.joined(separator: " "))", mapArguments, output: "/dev/null") {
        notes.append("`geomention map` failed with \(mapArguments); pass its arguments with --map-args")
    }
} else {
    notes.append("`geomention map` is not in this build: its latency was skipped")
}
print("\n" + latency.render())
notes.forEach { print("note: \($0)") }

// 2. Extract throughput on generated corpora (or the one given), one worker and all cores.
var corpora: [String] = []
if let given = option("--corpus") {
    corpora = [given]
} else {
    // News-density corpora of each size show how cost grows with input; one dense corpus shows
    // the cost of text that names a place every few words.
    let sizes = (option("--sizes") ?? "1,10,100").split(separator: ",").compactMap { Double($0) }
    let denseSize = option("--dense-size").flatMap(Double.init) ?? 10
    let wanted = sizes.map { ($0, CorpusGenerator.Density.news) } + (denseSize > 0 ? [(denseSize, .dense)] : [])
    for (size, kind) in wanted {
        let path = work + "/\(kind.rawValue)-\(format(size, 0))MB-seed\(seed)-e\(CorpusGenerator.edition).jsonl"
        if fileSize(path) < Int(size * 1_000_000) {
            let made = ChildRun.run(bench.path, ["--write-corpus", path, "--size", "\(size)", "--seed", "\(seed)",
                                                 "--density", kind.rawValue])
            guard made.exitCode == 0 else {
                print("could not write the corpus \(path)")
                exit(1)
            }
        }
        corpora.append(path)
    }
}
let jobCounts = cores > 1 ? [1, cores] : [1]
// extract prints each toponym's event context unless told not to; both are measured, the first
// with one job and with all cores, the second with one job (the scorer's fields only).
let variants: [(context: Bool, jobs: Int)] = jobCounts.map { (true, $0) } + [(false, 1)]
var throughput = Table("corpus", "documents", "context", "jobs", "seconds", "CPU s", "MB/s", "documents/s", "speed-up",
                       "peak RSS MB")
var identical = true
for corpus in corpora {
    let bytes = fileSize(corpus), documents = lineCount(corpus)
    // Take the best of several runs to damp noise from other work on the machine (fewer for
    // the large corpora, which take long and average it out themselves).
    let repeats = bytes < 5_000_000 ? 3 : bytes < 50_000_000 ? 2 : 1
    var single = 0.0
    var outputs: [String] = []
    for variant in variants {
        let jobs = variant.jobs
        let output = work + "/extract-jobs\(jobs)\(variant.context ? "" : "-no-context").jsonl"
        var best = Double.infinity, peak = 0.0, cpu = 0.0
        for _ in 0..<repeats {
            // Flushed first, so the write-back of the previous run's output is not timed here.
            sync()
            let run = ChildRun.run(executable, ["extract", "--quiet", "--jobs", "\(jobs)", corpus]
                                   + (variant.context ? [] : ["--no-context"]), outputPath: output)
            guard run.exitCode == 0 else {
                print("extract failed on \(corpus) (exit \(run.exitCode))")
                exit(1)
            }
            if run.milliseconds < best { cpu = run.cpuSeconds }
            best = min(best, run.milliseconds)
            peak = max(peak, run.peakRSSMegabytes)
        }
        let seconds = best / 1000
        if jobs == 1 && variant.context { single = seconds }
        if variant.context { outputs.append(output) }
        throughput.add((corpus as NSString).lastPathComponent + " (\(format(Double(bytes) / 1_000_000)) MB)", "\(documents)",
                       variant.context ? "yes" : "no", "\(jobs)", format(seconds, 2), format(cpu, 2),
                       format(Double(bytes) / 1_000_000 / seconds), format(Double(documents) / seconds, 0),
                       variant.context ? format(single / seconds, 2) + "x" : "", format(peak))
    }
    if outputs.count > 1 && !sameContents(outputs[0], outputs[1]) { identical = false }
}
print("\n" + throughput.render())
print("output identical for --jobs 1 and --jobs \(cores): \(identical ? "yes" : "NO")")

// 3. `map` (three layer files with the event context of every point) and `regions` on the same
// corpora, one run each: their time grows with the input, their memory must not.
var layers = Table("command", "corpus", "jobs", "seconds", "CPU s", "MB/s", "peak RSS MB")
if !arguments.contains("--skip-layers") {
    for corpus in corpora {
        let bytes = fileSize(corpus)
        let label = (corpus as NSString).lastPathComponent + " (\(format(Double(bytes) / 1_000_000)) MB)"
        for command in ["map", "regions"] {
            for jobs in jobCounts {
                var commandArguments = [command, "--quiet", "--jobs", "\(jobs)", corpus]
                if command == "map" { commandArguments += ["--output-dir", work + "/layer", "--name", "bench"] }
                // The layers of one run are deleted and the page cache flushed before the next,
                // so the kernel's write-back of a run's files (2 GB for 100 MB of input) is not
                // timed as part of the run after it.
                try? FileManager.default.removeItem(atPath: work + "/layer")
                sync()
                let run = ChildRun.run(executable, commandArguments)
                guard run.exitCode == 0 else {
                    print("\(command) failed on \(corpus) (exit \(run.exitCode))")
                    exit(1)
                }
                let seconds = run.milliseconds / 1000
                layers.add("geomention \(command)", label, "\(jobs)", format(seconds, 2), format(run.cpuSeconds, 2),
                           format(Double(bytes) / 1_000_000 / seconds), format(run.peakRSSMegabytes))
            }
        }
    }
    try? FileManager.default.removeItem(atPath: work + "/layer")
    print("\n" + layers.render())
}

// 4. In this process, now that every child has run: load to ready, index build, look-ups.
var loadTimes: [Double] = []
var loaded: Gazetteer?
for _ in 0..<runs {
    loadTimes.append(try milliseconds { loaded = try Gazetteer.load() })
}
guard let gazetteer = loaded else { exit(1) }
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("geomention-bench-index-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
for name in ["places.tsv", "names.tsv", "countries.tsv", "words", "models"] {
    try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent(name).path,
                                               withDestinationPath: directory + "/" + name)
}
let buildTime = try milliseconds { _ = try Gazetteer.load(locator: GazetteerLocator(explicitPath: scratch.path, environment: [:])) }
try? FileManager.default.removeItem(at: scratch)
let names = ["Kiev", "Lviv", "Mykolaiv", "Rivne", "Mariupol", "Istanbul", "Springfield", "Georgia", "U.S.", "Russian",
             "Paris", "London", "Donbas", "Black Sea", "Gaza Strip", "Cook County", "Nowhereville", "Texas"]
var found = 0
let lookups = 200_000
let lookupTime = milliseconds {
    for step in 0..<lookups { found &+= gazetteer.candidates(for: names[step % names.count]).count }
}
var inProcess = Table("in process", "figure")
inProcess.add("gazetteer load to ready (median of \(runs))", format(median(loadTimes), 2) + " ms")
inProcess.add("index build from TSV (once, when the sources change)", format(buildTime, 0) + " ms")
inProcess.add("name look-ups", format(Double(lookups) / lookupTime / 1000, 2) + " million/s")
inProcess.add("gazetteer", "\(gazetteer.placeCount) places, \(gazetteer.nameCount) names")
print("\n" + inProcess.render())
