extension RegionTable {
    /// A readable, indented plain-text table: countries, regions indented by two spaces,
    /// places by four, mention counts right-aligned in the last column.
    public func text() -> String {
        var rows: [(label: String, detail: String, count: Int)] = []
        for country in countries {
            rows.append((country.name + (country.code.isEmpty ? "" : " (\(country.code))"), "", country.mentions))
            for region in country.regions {
                rows.append(("  " + region.name + (region.code.isEmpty ? "" : " (\(region.code))"), "", region.mentions))
                for place in region.places {
                    rows.append(("    " + place.name, place.kind, place.mentions))
                }
            }
        }
        let labelWidth = max(rows.map { Self.clean($0.label).count }.max() ?? 0, 5)
        let detailWidth = rows.map(\.detail.count).max() ?? 0
        let countWidth = max(rows.map { String($0.count).count }.max() ?? 0, 8)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var out = pad("Place", labelWidth) + "  " + pad("Kind", detailWidth) + "  "
            + String(repeating: " ", count: countWidth - 8) + "Mentions\n"
        out += String(repeating: "-", count: labelWidth + detailWidth + countWidth + 4) + "\n"
        for row in rows {
            let count = String(row.count)
            out += pad(Self.clean(row.label), labelWidth) + "  " + pad(Self.clean(row.detail), detailWidth) + "  "
                + String(repeating: " ", count: countWidth - count.count) + count + "\n"
        }
        out += "\nTotal mentions: \(totalMentions)"
        if unresolvedMentions > 0 { out += "; unresolved mentions not listed: \(unresolvedMentions)" }
        return out + "\n"
    }

    /// CSV per RFC 4180 (CRLF line ends, quoting where needed), one row per place.
    ///
    /// Columns: `country_code, country, admin1_code, admin1, name, kind, geonameid, lat, lon, mentions`.
    public func csv() -> String {
        let header = ["country_code", "country", "admin1_code", "admin1", "name", "kind", "geonameid", "lat", "lon", "mentions"]
        var out = header.joined(separator: ",") + "\r\n"
        for country in countries {
            for region in country.regions {
                for place in region.places {
                    let fields = [
                        country.code, country.name, region.code, region.isCountryLevel ? "" : region.name,
                        place.name, place.kind, place.geonameid.map(String.init) ?? "",
                        place.latitude.flatMap { NumberText.fixed($0) } ?? "",
                        place.longitude.flatMap { NumberText.fixed($0) } ?? "", String(place.mentions),
                    ]
                    out += fields.map(TextEscaping.csvField).joined(separator: ",") + "\r\n"
                }
            }
        }
        return out
    }

    /// Markdown: a heading per country and a table of its regions and places.
    public func markdown() -> String {
        var out = "# Places by region\n\n\(totalMentions) mentions in \(countries.count) "
            + (countries.count == 1 ? "country" : "countries")
        if unresolvedMentions > 0 { out += "; \(unresolvedMentions) unresolved not listed" }
        out += ".\n"
        for country in countries {
            let code = country.code.isEmpty ? "" : " (\(Self.markdownEscaped(country.code)))"
            out += "\n## \(Self.markdownEscaped(country.name))\(code): \(country.mentions) mentions\n\n"
            out += "| Region | Place | Kind | Mentions | Latitude | Longitude |\n"
            out += "|---|---|---|--:|--:|--:|\n"
            for region in country.regions {
                let regionLabel = region.code.isEmpty || region.isCountryLevel
                    ? region.name : "\(region.name) (\(region.code))"
                out += "| **\(Self.markdownEscaped(regionLabel))** | | | **\(region.mentions)** | | |\n"
                for place in region.places {
                    let lat = place.latitude.flatMap { NumberText.fixed($0) } ?? ""
                    let lon = place.longitude.flatMap { NumberText.fixed($0) } ?? ""
                    out += "| | \(Self.markdownEscaped(place.name)) | \(Self.markdownEscaped(place.kind)) | \(place.mentions) | \(lat) | \(lon) |\n"
                }
            }
        }
        return out
    }

    /// `text` on one line with Markdown and inline HTML syntax characters backslash-escaped.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for character in clean(text) {
            if "\\`*_[]<>|#!&".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// `text` with line breaks and other controls turned into spaces, for one-line formats.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}
