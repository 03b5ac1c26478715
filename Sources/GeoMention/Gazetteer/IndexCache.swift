import Foundation

/// Keeps the binary index in step with the TSV sources it is built from.
///
/// The index lives in `<gazetteer>/.index/` when that folder can be written, else in the user's
/// cache folder (`$XDG_CACHE_HOME/geomention` or `~/.cache/geomention`), else in the temporary
/// folder. Its header records a fingerprint of the sources (their sizes and modification times);
/// an index whose fingerprint differs is rebuilt. A rebuilt index is written to a temporary file
/// and renamed into place, so readers never see a partial file.
struct IndexCache {
    static let sourceFiles = ["places.tsv", "names.tsv", "countries.tsv"]
    let directory: String
    let environment: [String: String]

    /// The fingerprint of the current sources.
    func fingerprint() throws -> UInt64 {
        var hash: UInt64 = 14_695_981_039_346_656_037
        func mix(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) {
                hash = (hash ^ ((value >> UInt64(shift)) & 0xFF)) &* 1_099_511_628_211
            }
        }
        mix(UInt64(IndexLayout.version))
        for name in Self.sourceFiles + WordTableBuilder.sourceFiles {
            let path = directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else {
                if WordTableBuilder.sourceFiles.contains(name) { mix(0); continue }
                throw GazetteerError.missingFile(path: path)
            }
            mix(UInt64(info.st_size))
            mix(UInt64(info.st_mtim.tv_sec))
            mix(UInt64(info.st_mtim.tv_nsec))
        }
        return hash
    }

    /// Index file locations, most preferred first.
    func locations(fingerprint: UInt64) -> [String] {
        let name = "gazetteer-" + String(fingerprint, radix: 16) + ".idx"
        var folders = [directory + "/.index"]
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            folders.append(cache + "/geomention")
        } else if let home = environment["HOME"], !home.isEmpty {
            folders.append(home + "/.cache/geomention")
        }
        folders.append(NSTemporaryDirectory() + "geomention")
        return folders.map { $0 + "/" + name }
    }

    /// Opens a current index, building one first when none exists.
    func open() throws -> GazetteerIndex {
        let fingerprint = try fingerprint()
        let candidates = locations(fingerprint: fingerprint)
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            if let index = try? GazetteerIndex(path: path, fingerprint: fingerprint) { return index }
        }
        let bytes = try IndexBuilder(directory: directory, fingerprint: fingerprint).build()
        var failures: [String] = []
        for path in candidates {
            do {
                try write(bytes, to: path)
                removeStale(besides: path)
                return try GazetteerIndex(path: path, fingerprint: fingerprint)
            } catch {
                failures.append("\(error)")
            }
        }
        throw GazetteerError.io(path: candidates[0], reason: "cannot write the gazetteer index: " + failures.joined(separator: "; "))
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw GazetteerError.io(path: temporary, reason: "cannot create file")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw GazetteerError.io(path: path, reason: reason)
        }
    }

    /// Removes index files built from earlier versions of the sources in the same folder.
    private func removeStale(besides current: String) {
        let folder = (current as NSString).deletingLastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let keep = (current as NSString).lastPathComponent
        for name in names where name.hasPrefix("gazetteer-") && name.hasSuffix(".idx") && name != keep {
            unlink(folder + "/" + name)
        }
    }
}
