import Foundation

/// Writes a layer as `NAME.geojson`, `NAME.kml` and `NAME.svg` in one folder.
///
/// Each file is written atomically (``AtomicFileStream``): a temporary file in the same folder,
/// renamed into place once all three are complete. The folder is created when missing.
/// ``Stream`` takes the features document by document in bounded memory;
/// ``write(_:to:)`` takes them all at once.
///
/// ```swift
/// let map = try MapLayerWriter(name: "sample", outlines: outlines).stream(to: URL(fileURLWithPath: "Output"))
/// for document in documents { try map.add(builder.features(for: parser.parse(document))) }
/// let written = try map.finish()
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

    /// Writes the three files for `features` into `directory`.
    ///
    /// - Returns: The files written, GeoJSON, KML and SVG in that order.
    /// - Throws: ``ExportError`` naming the file or folder that could not be written; see
    ///   ``Stream/finish()``.
    public func write(_ features: [MapFeature], to directory: URL) throws -> [WrittenFile] {
        let stream = try stream(to: directory)
        try stream.add(features)
        return try stream.finish()
    }

    /// Opens the three files in `directory` for features added document by document.
    ///
    /// - Throws: ``ExportError`` naming the folder or file that could not be created.
    public func stream(to directory: URL) throws -> Stream {
        try Stream(writer: self, directory: directory)
    }

    /// The three files of a layer, filled as features arrive.
    ///
    /// The GeoJSON is written feature by feature; the KML spools each placemark (see
    /// ``KMLWriter/Stream``); the SVG map keeps one entry per place. Memory grows with the
    /// number of places, not of features. Nothing appears under the final names until
    /// ``finish()``; a stream dropped or ``discard()``ed before leaves the folder as it was.
    public final class Stream {
        /// The writer whose files these are.
        public let writer: MapLayerWriter
        /// The three destinations: GeoJSON, KML and SVG.
        public let urls: [URL]
        private let files: [AtomicFileStream]
        private let geojson: GeoJSONWriter.Stream
        private let kml: KMLWriter.Stream
        private var places = MapPlaceTally()

        init(writer: MapLayerWriter, directory: URL) throws {
            self.writer = writer
            urls = writer.fileNames.map { directory.appendingPathComponent($0) }
            files = try urls.map(AtomicFileStream.init(url:))
            geojson = try GeoJSONWriter.Stream(writer: GeoJSONWriter(layerName: writer.name), sink: files[0])
            kml = try KMLWriter.Stream(writer: KMLWriter(documentName: writer.name), spoolBeside: urls[1])
        }

        /// Adds the features of one document (or of several), in input order.
        ///
        /// - Throws: ``ExportError`` when a file cannot be written; the stream is then of no
        ///   further use and should be dropped.
        public func add(_ features: [MapFeature]) throws {
            for feature in features {
                try geojson.add(feature)
                try kml.add(feature)
                places.add(feature)
            }
        }

        /// Adds one document's features rendered ahead, in input order.
        ///
        /// - Throws: The error rendering met, or ``ExportError`` when a file cannot be
        ///   written; the stream is then of no further use and should be dropped.
        public func add(_ rendered: RenderedDocument) throws {
            if let failure = rendered.failure { throw failure }
            try geojson.add(formatted: rendered.geojson, count: rendered.features.count)
            for (feature, placemark) in zip(rendered.features, rendered.placemarks) {
                try kml.add(feature, placemark: placemark)
                places.add(feature)
            }
        }

        /// Completes the three files and renames them into place, GeoJSON, KML, then SVG.
        ///
        /// All three are complete before the first is renamed, so a formatting or writing
        /// error leaves every file as it was; only a failing rename leaves the files renamed
        /// before it.
        /// - Returns: The files written, GeoJSON, KML and SVG in that order.
        /// - Throws: ``ExportError`` naming the file that could not be written.
        public func finish() throws -> [WrittenFile] {
            do {
                try geojson.finish()
                let summary = try kml.finish(into: files[1])
                let svg = SVGMapWriter(title: writer.name, outlines: writer.outlines).render(places)
                try files[2].write(svg)
                for file in files { try file.commit() }
                let count = places.featureCount, unlocated = places.featureCount - places.locatedCount
                let svgPlaces = places.placeCount
                return [
                    WrittenFile(url: urls[0], contents: "\(count) feature\(count == 1 ? "" : "s")"
                        + (unlocated > 0 ? " (\(unlocated) without coordinates)" : "")),
                    WrittenFile(url: urls[1], contents: "\(summary.placemarkCount) placemark\(summary.placemarkCount == 1 ? "" : "s")"),
                    WrittenFile(url: urls[2], contents: "map of \(svgPlaces) place\(svgPlaces == 1 ? "" : "s")"),
                ]
            } catch {
                discard()
                throw error
            }
        }

        /// Removes the temporary files; the folder stays as it was (apart from files already
        /// renamed by ``finish()``).
        public func discard() {
            kml.discard()
            for file in files { file.discard() }
        }
    }

    /// One document's features formatted for the GeoJSON and KML files, so the formatting can
    /// run on the thread that built them and the stream only copies bytes.
    ///
    /// ```swift
    /// // on a worker:
    /// let rendered = MapLayerWriter.RenderedDocument(builder.features(for: parser.parse(document)))
    /// // in input order:
    /// try map.add(rendered)
    /// ```
    public struct RenderedDocument: Sendable {
        /// The features, for the counts and the SVG map.
        public let features: [MapFeature]
        /// The UTF-8 bytes of their GeoJSON `Feature` objects, one per line.
        let geojson: [UInt8]
        /// Their KML placemarks, `nil` for features without coordinates.
        let placemarks: [Data?]
        /// Why formatting failed, if it did; the stream throws it when the document is added.
        let failure: ExportError?

        /// Formats `features`.
        public init(_ features: [MapFeature]) {
            self.features = features
            geojson = GeoJSONWriter.featuresUTF8(features)
            do {
                let renderer = try KMLPlacemarkRenderer()
                placemarks = try features.map(renderer.placemark(for:))
                failure = nil
            } catch {
                placemarks = []
                failure = error as? ExportError ?? .xmlWriterFailed(operation: String(describing: error))
            }
        }
    }
}
