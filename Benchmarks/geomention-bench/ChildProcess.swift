import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One run of a child process: its wall time, peak memory and exit status.
struct ChildRun {
    /// From just before the spawn to the reaping of the exited child, in milliseconds.
    let milliseconds: Double
    /// The child's peak resident set size in megabytes, from `wait4`'s resource usage.
    let peakRSSMegabytes: Double
    /// The wait status's exit code, or -1 when the child did not exit normally.
    let exitCode: Int32
    /// User plus system CPU time, in seconds.
    var cpuSeconds: Double = 0

    /// Runs `executable arguments...` with standard output sent to `outputPath` (or discarded)
    /// and standard error discarded, and waits for it.
    ///
    /// Linux counts the memory a process had before `exec` in its peak RSS, and a spawned child
    /// starts as a copy of its parent: spawn from a process that is still small.
    static func run(_ executable: String, _ arguments: [String], outputPath: String? = nil) -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            return ChildRun(milliseconds: 0, peakRSSMegabytes: 0, exitCode: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let exited = status & 0x7F == 0
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
        return ChildRun(milliseconds: elapsed, peakRSSMegabytes: Double(usage.ru_maxrss) / 1024,
                        exitCode: exited ? (status >> 8) & 0xFF : -1, cpuSeconds: cpu)
    }
}

/// Whether two files hold the same bytes, read a megabyte at a time.
func sameContents(_ first: String, _ second: String) -> Bool {
    guard let a = FileHandle(forReadingAtPath: first), let b = FileHandle(forReadingAtPath: second) else { return false }
    defer {
        try? a.close()
        try? b.close()
    }
    while true {
        let left = (try? a.read(upToCount: 1 << 20)) ?? nil, right = (try? b.read(upToCount: 1 << 20)) ?? nil
        if left != right { return false }
        if left == nil || left!.isEmpty { return true }
    }
}

/// The number of line feeds in a file.
func lineCount(_ path: String) -> Int {
    guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
    defer { try? handle.close() }
    var count = 0
    while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        count += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
    return count
}

/// The file's size in bytes (0 when missing).
func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
}
