import Foundation

/// Country outlines for the SVG map, read from a `world-110m.tsv` file.
///
/// The file has the header `iso2<TAB>iso3<TAB>name<TAB>continent<TAB>rings` and one line per
/// country. `rings` lists points as `lon lat` separated by `,`; rings of one polygon are
/// separated by `;` (the first is the outer ring) and polygons by `|`.
public struct WorldOutlines: Hashable, Sendable {
    /// One country's outline.
    public struct Country: Hashable, Sendable {
        /// ISO 3166-1 alpha-2 code.
        public var iso2: String
        /// ISO 3166-1 alpha-3 code.
        public var iso3: String
        /// Country name.
        public var name: String
        /// Continent name.
        public var continent: String
        /// Polygons, each a list of rings, each ring a list of `(lon, lat)` points.
        public var polygons: [[[GeoPoint]]]

        /// Creates a country outline.
        public init(iso2: String, iso3: String, name: String, continent: String, polygons: [[[GeoPoint]]]) {
            self.iso2 = iso2
            self.iso3 = iso3
            self.name = name
            self.continent = continent
            self.polygons = polygons
        }
    }

    /// A longitude/latitude pair in degrees.
    public struct GeoPoint: Hashable, Sendable {
        /// Longitude in degrees.
        public var lon: Double
        /// Latitude in degrees.
        public var lat: Double

        /// Creates a point.
        public init(lon: Double, lat: Double) {
            self.lon = lon
            self.lat = lat
        }
    }

    /// Countries in file order.
    public var countries: [Country]

    /// Creates outlines from countries already in memory.
    public init(countries: [Country]) {
        self.countries = countries
    }

    /// The header line the file must start with.
    public static let header = "iso2\tiso3\tname\tcontinent\trings"

    /// Reads and parses the outlines file at `url`.
    ///
    /// - Throws: ``ExportError/outlinesUnreadable(path:reason:)`` when the file cannot be read,
    ///   ``ExportError/outlinesMalformed(path:line:reason:)`` naming the first bad line.
    public static func load(from url: URL) throws -> WorldOutlines {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ExportError.outlinesUnreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ExportError.outlinesUnreadable(path: url.path, reason: "not UTF-8 text")
        }
        return try parse(text, path: url.path)
    }

    /// Parses the text of an outlines file; `path` only names the source in errors.
    ///
    /// - Throws: ``ExportError/outlinesMalformed(path:line:reason:)`` naming the first bad line.
    public static func parse(_ text: String, path: String) throws -> WorldOutlines {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first else {
            throw ExportError.outlinesMalformed(path: path, line: 1, reason: "empty file, expected header")
        }
        guard first == header else {
            throw ExportError.outlinesMalformed(path: path, line: 1,
                                                reason: "expected header \"\(header.replacingOccurrences(of: "\t", with: "\\t"))\"")
        }
        var countries: [Country] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let number = offset + 1
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 5 else {
                throw ExportError.outlinesMalformed(path: path, line: number,
                                                    reason: "expected 5 tab-separated columns, found \(columns.count)")
            }
            var polygons: [[[GeoPoint]]] = []
            for polygonText in columns[4].split(separator: "|") {
                var rings: [[GeoPoint]] = []
                for ringText in polygonText.split(separator: ";") {
                    var ring: [GeoPoint] = []
                    for pointText in ringText.split(separator: ",") {
                        let parts = pointText.split(separator: " ")
                        guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]),
                              lon.isFinite, lat.isFinite, abs(lon) <= 180.0001, abs(lat) <= 90.0001
                        else {
                            throw ExportError.outlinesMalformed(path: path, line: number,
                                                                reason: "bad point \"\(pointText)\" in \(columns[2])")
                        }
                        ring.append(GeoPoint(lon: lon, lat: lat))
                    }
                    if ring.count >= 3 { rings.append(ring) }
                }
                if !rings.isEmpty { polygons.append(rings) }
            }
            countries.append(Country(iso2: String(columns[0]), iso3: String(columns[1]), name: String(columns[2]),
                                     continent: String(columns[3]), polygons: polygons))
        }
        return WorldOutlines(countries: countries)
    }
}
