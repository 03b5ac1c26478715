/// Features grouped by country, then by first-level region, in first-seen order.
///
/// Shared by the KML folders and the regions table so both group the same way. A country is
/// keyed by its alpha-2 code (or its name when the code is missing), a region by its code
/// (or name) within the country.
struct CountryGroup: Hashable, Sendable {
    /// Display name: the country name, else its code, else ``KMLWriter/noCountryFolderName``.
    var name: String
    /// Alpha-2 code, possibly empty.
    var code: String
    /// Alpha-3 code, possibly empty.
    var code3: String
    /// Regions in first-seen order.
    var regions: [RegionGroup]

    /// All features of the country.
    var features: [MapFeature] { regions.flatMap(\.features) }
}

/// The features of one first-level region (or of a country's country-level places).
struct RegionGroup: Hashable, Sendable {
    /// Display name: the region name, else its code, else ``KMLWriter/countryLevelFolderName``.
    var name: String
    /// Region code, possibly empty.
    var code: String
    /// Whether this group holds the features that have no first-level region.
    var isCountryLevel: Bool
    /// Features in input order.
    var features: [MapFeature]
}

extension KMLWriter {
    /// Groups `features` by country and region, countries and regions sorted by name, the
    /// country-level group first within its country and the no-country group last.
    static func group(_ features: [MapFeature]) -> [CountryGroup] {
        groupInInputOrder(features)
            .map { country in
                var country = country
                country.regions.sort { lhs, rhs in
                    if lhs.isCountryLevel != rhs.isCountryLevel { return lhs.isCountryLevel }
                    return lhs.name.localizedStandardOrder(rhs.name)
                }
                return country
            }
            .sorted { lhs, rhs in
                let lhsNone = lhs.code.isEmpty && lhs.name == noCountryFolderName
                let rhsNone = rhs.code.isEmpty && rhs.name == noCountryFolderName
                if lhsNone != rhsNone { return rhsNone }
                return lhs.name.localizedStandardOrder(rhs.name)
            }
    }

    /// Groups `features` keeping first-seen order of countries, regions and features.
    static func groupInInputOrder(_ features: [MapFeature]) -> [CountryGroup] {
        var countries: [CountryGroup] = []
        var countryIndex: [String: Int] = [:]
        var regionIndex: [String: [String: Int]] = [:]
        for feature in features {
            let countryKey = feature.countryCode.isEmpty ? "name:" + feature.country : "code:" + feature.countryCode
            let ci: Int
            if let existing = countryIndex[countryKey] {
                ci = existing
            } else {
                ci = countries.count
                countryIndex[countryKey] = ci
                let name = !feature.country.isEmpty ? feature.country
                    : !feature.countryCode.isEmpty ? feature.countryCode : noCountryFolderName
                countries.append(CountryGroup(name: name, code: feature.countryCode,
                                              code3: feature.countryCode3, regions: []))
            }
            let regionKey = feature.admin1Code.isEmpty ? "name:" + feature.admin1 : "code:" + feature.admin1Code
            if let ri = regionIndex[countryKey]?[regionKey] {
                countries[ci].regions[ri].features.append(feature)
            } else {
                let countryLevel = feature.admin1.isEmpty && feature.admin1Code.isEmpty
                let name = !feature.admin1.isEmpty ? feature.admin1
                    : !feature.admin1Code.isEmpty ? feature.admin1Code : countryLevelFolderName
                regionIndex[countryKey, default: [:]][regionKey] = countries[ci].regions.count
                countries[ci].regions.append(RegionGroup(name: name, code: feature.admin1Code,
                                                         isCountryLevel: countryLevel, features: [feature]))
            }
        }
        return countries
    }
}

extension String {
    /// A deterministic, case-insensitive ordering that falls back to exact comparison.
    func localizedStandardOrder(_ other: String) -> Bool {
        let lhs = lowercased(), rhs = other.lowercased()
        return lhs != rhs ? lhs < rhs : self < other
    }
}
