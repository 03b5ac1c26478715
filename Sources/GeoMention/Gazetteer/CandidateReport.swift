import Foundation

/// One row of `geomention lookup` output: a candidate with its codes and names spelled out.
public struct CandidateReport: Hashable, Sendable, Encodable {
    public let id: String
    public let geonameid: Int?
    public let name: String
    public let kind: PlaceKind
    /// How the looked-up name refers to the place: name, abbreviation or demonym.
    public let form: NameForm
    /// The gazetteer's spelling that matched ("Kiev").
    public let matched: String
    public let country: String
    public let countryName: String
    public let admin1: String
    public let admin1Name: String
    public let admin2: String
    public let lat: Double
    public let lon: Double
    public let population: Int
    public let feature: String
    public let score: Double

    /// Describes `candidate` with the names of its country and first-level region.
    public init(_ candidate: Candidate, gazetteer: Gazetteer) {
        let place = candidate.place
        id = place.id
        geonameid = place.geonameid
        name = place.name
        kind = place.kind
        form = candidate.form
        matched = candidate.surface
        country = place.countryCode
        countryName = gazetteer.country(place.countryCode)?.name ?? ""
        admin1 = place.admin1Code
        admin1Name = gazetteer.admin1Name(code: place.admin1Code)
        admin2 = place.admin2Name
        lat = place.latitude
        lon = place.longitude
        population = place.population
        feature = place.featureCode
        score = (candidate.rank * 1000).rounded() / 1000
    }

    private enum CodingKeys: String, CodingKey {
        case id, geonameid, name, kind, form, matched, country
        case countryName = "country_name"
        case admin1
        case admin1Name = "admin1_name"
        case admin2, lat, lon, population, feature, score
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        if let geonameid { try container.encode(geonameid, forKey: .geonameid) } else { try container.encodeNil(forKey: .geonameid) }
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(form, forKey: .form)
        try container.encode(matched, forKey: .matched)
        try container.encode(country, forKey: .country)
        try container.encode(countryName, forKey: .countryName)
        try container.encode(admin1, forKey: .admin1)
        try container.encode(admin1Name, forKey: .admin1Name)
        try container.encode(admin2, forKey: .admin2)
        try container.encode(lat, forKey: .lat)
        try container.encode(lon, forKey: .lon)
        try container.encode(population, forKey: .population)
        try container.encode(feature, forKey: .feature)
        try container.encode(score, forKey: .score)
    }

    /// The rows as a JSON array, one object per line for readability.
    public static func json(_ rows: [CandidateReport]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = try rows.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        return lines.isEmpty ? "[]" : "[\n  " + lines.joined(separator: ",\n  ") + "\n]"
    }

    /// The rows as an aligned text table.
    public static func table(_ rows: [CandidateReport]) -> String {
        let header = ["#", "name", "kind", "form", "country", "admin1", "lat", "lon", "population", "id"]
        var cells = [header]
        for (number, row) in rows.enumerated() {
            let region = row.admin1Name.isEmpty ? row.admin1 : "\(row.admin1Name) (\(row.admin1))"
            cells.append(["\(number + 1)", row.name, row.kind.rawValue, row.form.rawValue, row.country, region,
                          String(format: "%.5f", row.lat), String(format: "%.5f", row.lon),
                          "\(row.population)", row.id])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for line in cells { for (column, cell) in line.enumerated() { widths[column] = max(widths[column], cell.count) } }
        return cells.map { line in
            line.enumerated().map { column, cell in
                column == line.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
