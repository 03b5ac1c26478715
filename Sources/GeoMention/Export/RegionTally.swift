/// Mention counts by country, region and place, collected as features arrive.
///
/// Keeps one entry per place, not the features, so a run over any number of documents needs
/// memory for its places only. ``table`` gives the same ``RegionTable`` as
/// ``RegionTable/init(features:)`` for the features added.
///
/// ```swift
/// var tally = RegionTally()
/// for document in documents { tally.add(contentsOf: builder.features(for: parser.parse(document))) }
/// print(tally.table.text())
/// ```
public struct RegionTally: Sendable {
    /// How features are merged into places within a region: by GeoNames id, else by name and kind.
    private enum PlaceKey: Hashable {
        case geonameid(Int)
        case nameAndKind(String)
    }

    /// The places of one region in first-seen order.
    private struct RegionPlaces {
        var places: [RegionTable.Place] = []
        var index: [PlaceKey: Int] = [:]
    }

    private var grouping = RegionGrouping()
    /// Per country and region (numbered as in ``grouping``), its places.
    private var regions: [[RegionPlaces]] = []
    /// Mentions of features that have neither a country nor coordinates.
    public private(set) var unresolvedMentions = 0

    /// Creates an empty tally.
    public init() {}

    /// Counts `feature`: listed under its country, region and place when it has a country or
    /// coordinates, else as unresolved.
    public mutating func add(_ feature: MapFeature) {
        let mentions = max(feature.mentions, 1)
        guard feature.coordinate != nil || !feature.countryCode.isEmpty || !feature.country.isEmpty else {
            unresolvedMentions += mentions
            return
        }
        let slot = grouping.slot(for: feature)
        if slot.country == regions.count { regions.append([]) }
        if slot.region == regions[slot.country].count { regions[slot.country].append(RegionPlaces()) }
        let name = feature.name.isEmpty ? feature.mention : feature.name
        let key = feature.geonameid.map(PlaceKey.geonameid) ?? .nameAndKind("\(name)|\(feature.kind)")
        if let existing = regions[slot.country][slot.region].index[key] {
            regions[slot.country][slot.region].places[existing].mentions += mentions
        } else {
            let position = feature.coordinate
            let place = RegionTable.Place(name: name, kind: feature.kind, geonameid: feature.geonameid,
                                          latitude: position?.latitude, longitude: position?.longitude,
                                          mentions: mentions)
            regions[slot.country][slot.region].index[key] = regions[slot.country][slot.region].places.count
            regions[slot.country][slot.region].places.append(place)
        }
    }

    /// Counts every feature of `features`.
    public mutating func add(contentsOf features: [MapFeature]) {
        for feature in features { add(feature) }
    }

    /// The table of everything added: countries, regions and places ranked by mentions.
    public var table: RegionTable {
        RegionTable(grouping: grouping, places: regions.map { $0.map(\.places) },
                    unresolvedMentions: unresolvedMentions)
    }
}
