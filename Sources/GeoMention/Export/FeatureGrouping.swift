/// A country of the grouping: its names and its regions.
///
/// A country is keyed by its alpha-2 code (or its name when the code is missing); its names
/// come from the first feature seen in it.
struct CountryGroup: Hashable, Sendable {
    /// Display name: the country name, else its code, else ``KMLWriter/noCountryFolderName``.
    var name: String
    /// Alpha-2 code, possibly empty.
    var code: String
    /// Alpha-3 code, possibly empty.
    var code3: String
    /// Regions in first-seen order.
    var regions: [RegionGroup]

    /// Whether this is the group of features that have no country.
    var isNoCountry: Bool { code.isEmpty && name == KMLWriter.noCountryFolderName }
}

/// A first-level region of a country (or a country's country-level places).
///
/// A region is keyed by its code (or its name when the code is missing) within its country.
struct RegionGroup: Hashable, Sendable {
    /// Display name: the region name, else its code, else ``KMLWriter/countryLevelFolderName``.
    var name: String
    /// Region code, possibly empty.
    var code: String
    /// Whether this group holds the features that have no first-level region.
    var isCountryLevel: Bool
}

/// Where a feature belongs: indices into ``RegionGrouping/countries`` and that country's regions.
struct GroupSlot: Hashable, Sendable {
    var country: Int
    var region: Int
}

/// Features grouped by country, then by first-level region, as they arrive.
///
/// Shared by the KML folders and the regions table so both group the same way. Only the
/// groups are kept, not the features: each caller keeps what it needs per ``GroupSlot``.
/// Countries and regions are numbered in first-seen order.
struct RegionGrouping: Sendable {
    /// The countries in first-seen order, each with its regions in first-seen order.
    private(set) var countries: [CountryGroup] = []
    private var countryIndex: [String: Int] = [:]
    /// Per country, the region keys and their indices.
    private var regionIndex: [[String: Int]] = []

    /// The slot of `feature`, opening its country and region when they are new.
    mutating func slot(for feature: MapFeature) -> GroupSlot {
        let countryKey = feature.countryCode.isEmpty ? "name:" + feature.country : "code:" + feature.countryCode
        let ci: Int
        if let existing = countryIndex[countryKey] {
            ci = existing
        } else {
            ci = countries.count
            countryIndex[countryKey] = ci
            let name = !feature.country.isEmpty ? feature.country
                : !feature.countryCode.isEmpty ? feature.countryCode : KMLWriter.noCountryFolderName
            countries.append(CountryGroup(name: name, code: feature.countryCode, code3: feature.countryCode3, regions: []))
            regionIndex.append([:])
        }
        let regionKey = feature.admin1Code.isEmpty ? "name:" + feature.admin1 : "code:" + feature.admin1Code
        if let ri = regionIndex[ci][regionKey] {
            return GroupSlot(country: ci, region: ri)
        }
        let ri = countries[ci].regions.count
        regionIndex[ci][regionKey] = ri
        let name = !feature.admin1.isEmpty ? feature.admin1
            : !feature.admin1Code.isEmpty ? feature.admin1Code : KMLWriter.countryLevelFolderName
        countries[ci].regions.append(RegionGroup(name: name, code: feature.admin1Code,
                                                 isCountryLevel: feature.admin1.isEmpty && feature.admin1Code.isEmpty))
        return GroupSlot(country: ci, region: ri)
    }

    /// The countries and their regions in folder order: countries sorted by name with the
    /// no-country group last, regions sorted by name with the country-level group first.
    func folderOrder() -> [(country: Int, regions: [Int])] {
        let sortedCountries = countries.indices.sorted { lhs, rhs in
            let (l, r) = (countries[lhs], countries[rhs])
            if l.isNoCountry != r.isNoCountry { return r.isNoCountry }
            return l.name.localizedStandardOrder(r.name)
        }
        return sortedCountries.map { ci in
            let regions = countries[ci].regions
            let sortedRegions = regions.indices.sorted { lhs, rhs in
                let (l, r) = (regions[lhs], regions[rhs])
                if l.isCountryLevel != r.isCountryLevel { return l.isCountryLevel }
                return l.name.localizedStandardOrder(r.name)
            }
            return (ci, sortedRegions)
        }
    }
}

extension String {
    /// A deterministic, case-insensitive ordering that falls back to exact comparison.
    func localizedStandardOrder(_ other: String) -> Bool {
        let lhs = lowercased(), rhs = other.lowercased()
        return lhs != rhs ? lhs < rhs : self < other
    }
}
