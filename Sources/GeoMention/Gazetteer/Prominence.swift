import Foundation

/// How readily a reader thinks of a place when its name appears without context.
///
/// A score on a log-population scale: a place of 1,000,000 inhabitants scores about 6.
/// Countries and first-level regions are lifted above towns of the same name, capitals and
/// administrative seats above ordinary towns, and places known under many names (a sign of
/// international fame) a little above places with one.
public enum Prominence {
    /// The prior score of a place.
    public static func score(kind: PlaceKind, population: Int, featureCode: String, nameCount: Int) -> Double {
        let people = log10(Double(max(population, 1)))
        let fame = log2(Double(max(nameCount, 1))) * 0.25
        var base: Double
        switch kind {
        case .country: base = max(people, 6) + 3
        case .admin1: base = max(people, 5) + 1.5
        case .region: base = 8
        case .physical: base = 6.5
        case .admin2: base = max(people, 4) + 0.5
        case .city:
            base = people
            switch featureCode {
            case "PPLC": base += 1.5
            case "PPLA": base += 0.6
            case "PPLA2": base += 0.2
            default: break
            }
        }
        return base + fame
    }

    /// The prior score of `place`.
    public static func score(_ place: Place) -> Double {
        score(kind: place.kind, population: place.population, featureCode: place.featureCode,
              nameCount: place.nameCount)
    }
}
