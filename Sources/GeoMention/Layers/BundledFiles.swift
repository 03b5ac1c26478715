import Foundation

/// Files carried in the gazetteer folder besides the gazetteer itself.
public enum BundledFiles {
    /// The sample news dispatch `map` and `regions` read when given no input:
    /// `samples/sample.jsonl` in the gazetteer folder.
    public static func sampleArticle(in gazetteer: Gazetteer) -> URL {
        URL(fileURLWithPath: gazetteer.directory).appendingPathComponent("samples/sample.jsonl")
    }

    /// The Natural Earth country outlines drawn under the SVG map: `world-110m.tsv`.
    public static func worldOutlines(in gazetteer: Gazetteer) -> URL {
        URL(fileURLWithPath: gazetteer.directory).appendingPathComponent("world-110m.tsv")
    }
}
