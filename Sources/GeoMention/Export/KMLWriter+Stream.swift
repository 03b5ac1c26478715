import Foundation

extension KMLWriter {
    /// How many features a KML document shows and leaves out.
    public struct Summary: Hashable, Sendable {
        /// Number of placemarks written.
        public var placemarkCount: Int
        /// Number of features left out because they have no (finite) coordinates.
        public var skippedWithoutCoordinates: Int
    }

    /// Builds a KML document from features added one at a time, in bounded memory.
    ///
    /// Each located feature is rendered to its placemark at once and spooled (in memory or in
    /// an anonymous file next to the destination); the stream keeps only the folders and where
    /// their placemarks lie in the spool. ``finish(into:)`` then writes the document with its
    /// folders in order, copying the placemarks of each folder in the order they were added.
    /// The bytes are those of ``KMLWriter/render(_:)`` for the same features.
    ///
    /// ```swift
    /// let file = try AtomicFileStream(url: url)
    /// let kml = try KMLWriter.Stream(writer: KMLWriter(documentName: "events"), spoolBeside: url)
    /// for feature in features { try kml.add(feature) }
    /// let summary = try kml.finish(into: file)
    /// try file.commit()
    /// ```
    public final class Stream {
        /// The writer whose document this is.
        public let writer: KMLWriter
        private let renderer: KMLPlacemarkRenderer
        private let spool: ExportSpool
        private var grouping = RegionGrouping()
        /// Per country and region (numbered as in ``grouping``), the spool ranges of its
        /// placemarks; adjacent ranges are merged.
        private var extents: [[[Range<Int>]]] = []
        private var placemarkCount = 0
        private var skipped = 0

        /// A stream spooling placemarks to an anonymous file in the folder of `destination`.
        ///
        /// - Throws: ``ExportError`` naming `destination` when the spool cannot be created.
        public convenience init(writer: KMLWriter, spoolBeside destination: URL) throws {
            try self.init(writer: writer, spool: ExportSpool(beside: destination))
        }

        /// A stream spooling placemarks in memory.
        ///
        /// - Throws: ``ExportError/xmlWriterFailed(operation:)`` when libxml2 reports an error.
        public convenience init(writer: KMLWriter) throws {
            try self.init(writer: writer, spool: ExportSpool())
        }

        init(writer: KMLWriter, spool: ExportSpool) throws {
            self.writer = writer
            self.spool = spool
            renderer = try KMLPlacemarkRenderer()
        }

        /// Adds `feature`: its placemark when it has coordinates, else only to the count of
        /// features left out.
        ///
        /// - Throws: ``ExportError`` when libxml2 or the spool fails.
        public func add(_ feature: MapFeature) throws {
            let start = spool.count
            if try renderer.render(feature, into: spool) {
                record(feature, spooled: start..<spool.count)
            } else {
                skipped += 1
            }
        }

        /// Adds `feature` with its placemark already rendered by a ``KMLPlacemarkRenderer``
        /// (on another thread, say); `nil` for a feature without coordinates.
        func add(_ feature: MapFeature, placemark: Data?) throws {
            guard let placemark else {
                skipped += 1
                return
            }
            let start = try placemark.withUnsafeBytes { try spool.append($0) }
            record(feature, spooled: start..<spool.count)
        }

        /// Files the placemark of `feature`, spooled at `range`, under its folder.
        private func record(_ feature: MapFeature, spooled range: Range<Int>) {
            placemarkCount += 1
            let slot = grouping.slot(for: feature)
            if slot.country == extents.count { extents.append([]) }
            if slot.region == extents[slot.country].count { extents[slot.country].append([]) }
            if let last = extents[slot.country][slot.region].last, last.upperBound == range.lowerBound {
                extents[slot.country][slot.region][extents[slot.country][slot.region].count - 1] = last.lowerBound..<range.upperBound
            } else {
                extents[slot.country][slot.region].append(range)
            }
        }

        /// Writes the whole document to `sink` and releases the spool.
        ///
        /// - Throws: ``ExportError`` when libxml2 or the spool fails, or the sink's error.
        public func finish(into sink: any ExportSink) throws -> Summary {
            defer { spool.close() }
            let xml = try XMLDocumentWriter()
            try writer.writeHeader(xml, placemarkCount: placemarkCount, skipped: skipped)
            let countries = grouping.countries
            for (ci, regions) in grouping.folderOrder() {
                let country = countries[ci]
                try xml.startElement("Folder")
                try xml.element("name", country.name)
                for ri in regions {
                    let region = country.regions[ri]
                    try xml.startElement("Folder")
                    // GIS readers list region folders as layers by name alone: qualify the country level.
                    try xml.element("name", region.isCountryLevel
                                    ? "\(country.name) \(KMLWriter.countryLevelFolderName)" : region.name)
                    try xml.takeOutput(into: sink)
                    for range in extents[ci][ri] {
                        try spool.copy(range, to: sink)
                    }
                    try xml.endElement()
                }
                try xml.endElement()
            }
            try xml.endElement()  // Document
            try xml.endElement()  // kml
            try xml.finish(into: sink)
            return Summary(placemarkCount: placemarkCount, skippedWithoutCoordinates: skipped)
        }

        /// Releases the spool without writing anything.
        public func discard() {
            spool.close()
        }
    }
}
