#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the supported files under a directory, recursively, sorted by path.
///
/// Hidden entries (names starting with `.`) and files of unsupported types are left out.
/// Symbolic links are followed; a link to a directory that is already being walked (one of
/// its own ancestors) is reported as ``InputError/symlinkLoop(path:)`` and not entered.
enum DirectoryWalker {
    /// A file to read or an error found while walking.
    enum Entry: Equatable {
        case file(path: String, relativePath: String)
        case failure(InputError)

        var sortKey: String {
            switch self {
            case .file(let path, _): return path
            case .failure(let error): return error.path
            }
        }
    }

    /// The device and inode of a file, following links; `nil` if it cannot be stat'ed.
    static func identity(of path: String) -> FileIdentity? {
        try? status(of: path).get()
    }

    /// What `stat` says about a file, following links, or the `errno` it failed with.
    static func status(of path: String) -> Result<FileIdentity, StatusError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(StatusError(code: errno)) }
        let kind: FileIdentity.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFIFO: kind = .fifo
        case S_IFCHR: kind = .other("a character device")
        case S_IFBLK: kind = .other("a block device")
        case S_IFSOCK: kind = .other("a socket")
        default: kind = .other("not a regular file")
        }
        return .success(FileIdentity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), kind: kind, size: Int(info.st_size)))
    }

    /// A failed `stat`: its `errno` and the system's words for it.
    struct StatusError: Error {
        var code: Int32
        var isMissing: Bool { code == ENOENT }
        var reason: String { String(cString: strerror(code)) }
    }

    /// What `stat` says about a file.
    struct FileIdentity: Hashable {
        /// The type of file, with the words used in messages for the ones that cannot be read.
        enum Kind: Hashable {
            case regular, directory, fifo
            case other(String)
        }

        var device: UInt64
        var inode: UInt64
        var kind: Kind
        var size: Int
        var isDirectory: Bool { kind == .directory }
    }

    /// Walks a directory.
    /// - Parameter root: The directory path.
    /// - Returns: The files and errors, sorted by path (bytewise).
    static func walk(_ root: String) -> [Entry] {
        var entries = [Entry]()
        var ancestors = Set<FileIdentity>()
        if let identity = identity(of: root) { ancestors.insert(identity) }
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        visit(base, relative: "", ancestors: &ancestors, into: &entries)
        entries.sort { $0.sortKey.utf8.lexicographicallyPrecedes($1.sortKey.utf8) }
        return entries
    }

    private static func visit(
        _ directory: String, relative: String,
        ancestors: inout Set<FileIdentity>, into entries: inout [Entry]
    ) {
        guard let names = listNames(directory) else {
            entries.append(.failure(.unreadable(path: directory, reason: "cannot list directory")))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            guard let identity = identity(of: path) else {
                entries.append(.failure(.unreadable(path: path, reason: "broken link or no access")))
                continue
            }
            if identity.isDirectory {
                guard !ancestors.contains(identity) else {
                    entries.append(.failure(.symlinkLoop(path: path)))
                    continue
                }
                ancestors.insert(identity)
                visit(path, relative: relativePath, ancestors: &ancestors, into: &entries)
                ancestors.remove(identity)
            } else if InputFormat(path: name) != nil {
                entries.append(.file(path: path, relativePath: relativePath))
            }
        }
    }

    private static func listNames(_ directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names = [String]()
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
