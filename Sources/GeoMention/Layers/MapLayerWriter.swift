import Foundation

/// Writes a layer as `NAME.geojson`, `NAME.kml` and `NAME.svg` in one folder.
///
/// Each file is written atomically (``AtomicFileWriter``): a temporary file in the same folder,
/// renamed into place. The folder is created when missing.
///
/// ```swift
/// let written = try MapLayerWriter(name: "sample", outlines: outlines)
///     .write(layer.features, to: URL(fileURLWithPath: "Output"))
/// ```
public struct MapLayerWriter: Sendable {
    /// One file written, with what it holds.
    public struct WrittenFile: Hashable, Sendable {
        /// The file's URL.
        public var url: URL
        /// What it holds, such as `14 features (1 without coordinates)` or `13 placemarks`.
        public var contents: String
    }

    /// The base name of the files and the layer name inside them.
    public var name: String
    /// Country outlines for the SVG map.
    public var outlines: WorldOutlines

    /// Creates a writer for files called `name`.
    public init(name: String, outlines: WorldOutlines) {
        self.name = name
        self.outlines = outlines
    }

    /// The three file names for ``name``.
    public var fileNames: [String] { ["geojson", "kml", "svg"].map { "\(name).\($0)" } }

    /// Writes the three files into `directory`.
    /// - Returns: The files written, GeoJSON, KML and SVG in that order.
    /// - Throws: ``ExportError`` naming the file or folder that could not be written; the
    ///   files written before the failure stay.
    public func write(_ features: [MapFeature], to directory: URL) throws -> [WrittenFile] {
        let located = features.filter { $0.coordinate != nil }.count
        let unlocated = features.count - located
        let urls = fileNames.map { directory.appendingPathComponent($0) }

        try GeoJSONWriter(layerName: name).write(features, to: urls[0])
        let geojson = "\(features.count) feature\(features.count == 1 ? "" : "s")"
            + (unlocated > 0 ? " (\(unlocated) without coordinates)" : "")
        let kml = try KMLWriter(documentName: name).write(features, to: urls[1])
        let svgPlaces = MapPlace.merge(features).count
        try SVGMapWriter(title: name, outlines: outlines).write(features, to: urls[2])
        return [
            WrittenFile(url: urls[0], contents: geojson),
            WrittenFile(url: urls[1], contents: "\(kml.placemarkCount) placemark\(kml.placemarkCount == 1 ? "" : "s")"),
            WrittenFile(url: urls[2], contents: "map of \(svgPlaces) place\(svgPlaces == 1 ? "" : "s")"),
        ]
    }
}
