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
    ///
    /// All three are rendered before the first is written, so a formatting error leaves every
    /// earlier file as it was.
    /// - Returns: The files written, GeoJSON, KML and SVG in that order.
    /// - Throws: ``ExportError`` naming the file or folder that could not be written; the
    ///   files written before the failure stay.
    public func write(_ features: [MapFeature], to directory: URL) throws -> [WrittenFile] {
        let located = features.filter { $0.coordinate != nil }.count
        let unlocated = features.count - located
        let urls = fileNames.map { directory.appendingPathComponent($0) }

        let geojson = GeoJSONWriter(layerName: name).data(for: features)
        let kml = try KMLWriter(documentName: name).render(features)
        let svg = Data(SVGMapWriter(title: name, outlines: outlines).render(features).utf8)
        for (data, url) in zip([geojson, kml.data, svg], urls) {
            try AtomicFileWriter.write(data, to: url)
        }
        let svgPlaces = MapPlace.merge(features).count
        return [
            WrittenFile(url: urls[0], contents: "\(features.count) feature\(features.count == 1 ? "" : "s")"
                + (unlocated > 0 ? " (\(unlocated) without coordinates)" : "")),
            WrittenFile(url: urls[1], contents: "\(kml.placemarkCount) placemark\(kml.placemarkCount == 1 ? "" : "s")"),
            WrittenFile(url: urls[2], contents: "map of \(svgPlaces) place\(svgPlaces == 1 ? "" : "s")"),
        ]
    }
}
