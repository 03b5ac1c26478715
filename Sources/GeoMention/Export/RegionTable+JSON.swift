import Foundation

extension RegionTable {
    /// The table as indented JSON with a fixed key order.
    ///
    /// `{"total_mentions", "unresolved_mentions", "countries": [{"country_code",
    /// "country_code3", "country", "mentions", "regions": [{"admin1_code", "admin1",
    /// "country_level", "mentions", "places": [{"name", "kind", "geonameid", "lat", "lon",
    /// "mentions"}]}]}]}`; coordinates have six decimals, unknown values are `null`.
    public func json() -> Data {
        Data(jsonText().utf8)
    }

    /// The JSON text of ``json()``.
    public func jsonText() -> String {
        let q = TextEscaping.jsonString
        func number(_ value: Double?) -> String { value.flatMap { NumberText.fixed($0) } ?? "null" }
        var out = "{\n  \"total_mentions\": \(totalMentions),\n  \"unresolved_mentions\": \(unresolvedMentions),\n  \"countries\": ["
        for (ci, country) in countries.enumerated() {
            out += ci == 0 ? "\n" : ",\n"
            out += "    {\"country_code\": \(q(country.code)), \"country_code3\": \(q(country.code3)), "
                + "\"country\": \(q(country.name)), \"mentions\": \(country.mentions), \"regions\": ["
            for (ri, region) in country.regions.enumerated() {
                out += ri == 0 ? "\n" : ",\n"
                out += "      {\"admin1_code\": \(q(region.code)), \"admin1\": \(q(region.isCountryLevel ? "" : region.name)), "
                    + "\"country_level\": \(region.isCountryLevel), \"mentions\": \(region.mentions), \"places\": ["
                for (pi, place) in region.places.enumerated() {
                    out += pi == 0 ? "\n" : ",\n"
                    out += "        {\"name\": \(q(place.name)), \"kind\": \(q(place.kind)), "
                        + "\"geonameid\": \(place.geonameid.map(String.init) ?? "null"), "
                        + "\"lat\": \(number(place.latitude)), \"lon\": \(number(place.longitude)), "
                        + "\"mentions\": \(place.mentions)}"
                }
                out += region.places.isEmpty ? "]}" : "\n      ]}"
            }
            out += country.regions.isEmpty ? "]}" : "\n    ]}"
        }
        out += countries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }
}
