#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension DocumentStream {
    /// The total size in bytes of what a stream over `inputs` will read, when it is known.
    ///
    /// Sums the sizes of the files given and of the supported files under the directories
    /// given. Standard input counts only when it is redirected from a regular file (from its
    /// current position); a pipe or terminal makes the total unknown (`nil`). Missing files
    /// count as empty. Meant for estimating the time left, alongside ``bytesRead``.
    /// - Parameter inputs: The inputs, as given to ``init(inputs:maxDocumentBytes:standardInput:)``.
    /// - Returns: The byte count, or `nil` when it cannot be known in advance.
    public static func totalBytes(of inputs: [Input]) -> Int? {
        var total = 0
        for input in inputs {
            switch input {
            case .standardInput:
                var info = stat()
                guard fstat(0, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
                total += Swift.max(0, Int(info.st_size) - Swift.max(0, Int(lseek(0, 0, SEEK_CUR))))
            case .path(let path):
                guard let identity = DirectoryWalker.identity(of: path) else { continue }
                guard identity.isDirectory else {
                    total += identity.size
                    continue
                }
                for case .file(let file, _) in DirectoryWalker.walk(path) {
                    total += DirectoryWalker.identity(of: file)?.size ?? 0
                }
            }
        }
        return total
    }
}
