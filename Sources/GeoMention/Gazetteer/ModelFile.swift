import Foundation

/// A model file of the gazetteer folder: `name<TAB>value` lines, a `feature<TAB>weight` header,
/// `#` comments and blank lines.
struct ModelFile {
    /// The file's path.
    let path: String
    /// The named values with their line numbers, in file order.
    let entries: [(name: String, value: Double, line: Int)]

    /// Reads `relativePath` inside the gazetteer folder `directory`.
    /// - Throws: ``GazetteerError`` naming the file when it is missing or a line is malformed.
    init(gazetteerDirectory directory: String, relativePath: String) throws {
        path = directory + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: path) else { throw GazetteerError.missingFile(path: path) }
        var entries: [(name: String, value: Double, line: Int)] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t")
            if fields.first == "feature" { continue }
            guard fields.count == 2, let value = Double(fields[1]) else {
                throw GazetteerError.malformed(path: path, line: number + 1, reason: "expected feature<TAB>weight")
            }
            entries.append((String(fields[0]), value, number + 1))
        }
        self.entries = entries
    }

    /// The error for an entry whose name the model does not know.
    func unknown(_ entry: (name: String, value: Double, line: Int)) -> GazetteerError {
        .malformed(path: path, line: entry.line, reason: "unknown feature \(entry.name)")
    }
}

/// A feature whose name in a model file is its case name in snake case ("kindCountry" is
/// "kind_country").
protocol SnakeCaseNamed {}

extension SnakeCaseNamed {
    /// The name in the model file: the case name with each capital turned into "_" and a
    /// lower-case letter.
    var name: String {
        var out = ""
        for character in String(describing: self) {
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
        return out
    }
}
