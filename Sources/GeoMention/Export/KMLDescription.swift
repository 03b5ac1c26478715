/// Builds the HTML balloon text of a KML placemark.
///
/// The context sentence comes first with the mention in `<b>`, then a table with every fact
/// of the feature as readable text (place, country, region, coordinates, event type, trigger,
/// role, dates and precisions, confidence, reason, document), then a link to the source.
/// Readers that show only `name` and `description` (GDAL's old KML driver) still see them
/// all. Every value is HTML-escaped; the result is meant for a CDATA section (see
/// ``XMLDocumentWriter/cdata(_:)`` for `]]>` handling).
enum KMLDescription {
    /// The HTML snippet for `feature`.
    static func html(for feature: MapFeature) -> String {
        var out = ""
        out.reserveCapacity(2 * feature.context.utf8.count + 1024)
        if !feature.context.isEmpty {
            out += "<p>"
            out += highlightedContext(feature)
            out += "</p>\n"
        }
        out += "<table>\n"
        for (label, value) in rows(for: feature) {
            // The labels are this file's own plain words: only the values need escaping.
            out += "<tr><th>"
            out += label
            out += "</th><td>"
            out += TextEscaping.html(value)
            out += "</td></tr>\n"
        }
        out += "</table>\n"
        let title = feature.docTitle.isEmpty ? feature.docId : feature.docTitle
        if !feature.url.isEmpty {
            out += "<p>Source: <a href=\"" + TextEscaping.html(feature.url) + "\">"
                + TextEscaping.html(title.isEmpty ? feature.url : title) + "</a></p>"
        } else if !title.isEmpty {
            out += "<p>Source: " + TextEscaping.html(title) + "</p>"
        }
        return out
    }

    /// The labelled facts of `feature`, unknown ones left out.
    static func rows(for feature: MapFeature) -> [(String, String)] {
        var rows: [(String, String)] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { rows.append((label, value)) }
        }
        let place = feature.name.isEmpty ? "unresolved" : feature.name + (feature.kind.isEmpty ? "" : " (\(feature.kind))")
        add("Place", place)
        add("Written as", feature.mention)
        add("Mentions", String(feature.mentions))
        let codes = [feature.countryCode, feature.countryCode3].filter { !$0.isEmpty }.joined(separator: ", ")
        add("Country", feature.country.isEmpty ? codes : feature.country + (codes.isEmpty ? "" : " (\(codes))"))
        add("Region", feature.admin1.isEmpty ? feature.admin1Code
            : feature.admin1 + (feature.admin1Code.isEmpty ? "" : " (\(feature.admin1Code))"))
        if let position = feature.coordinate {
            add("Coordinates", "\(NumberText.fixed(position.latitude) ?? ""), \(NumberText.fixed(position.longitude) ?? "") (lat, lon)")
        }
        add("GeoNames id", feature.geonameid.map(String.init))
        add("Event type", feature.eventType)
        add("Trigger", feature.trigger)
        add("Role", feature.role)
        if let date = feature.eventDate {
            add("Event date", date + (feature.timePrecision.map { " (time precision \($0): \(timePrecisionLabel($0)))" } ?? ""))
        }
        add("Geo precision", feature.geoPrecision.map { "\($0): \(geoPrecisionLabel($0))" })
        add("Confidence", NumberText.compact(feature.confidence))
        add("Reason", feature.reason)
        add("Document", feature.docTitle.isEmpty ? feature.docId
            : feature.docTitle + (feature.docId.isEmpty ? "" : " (\(feature.docId))"))
        add("Document date", feature.docDate)
        add("URL", feature.url)
        return rows
    }

    private static func timePrecisionLabel(_ code: Int) -> String {
        switch code {
        case 1: return "day"
        case 2: return "week"
        case 3: return "month"
        default: return "unknown"
        }
    }

    private static func geoPrecisionLabel(_ code: Int) -> String {
        switch code {
        case 1: return "town"
        case 2: return "near a town or part of a region"
        case 3: return "region"
        case 4: return "country"
        default: return "unknown"
        }
    }

    /// The escaped context with the highlighted scalar range wrapped in `<b>`.
    ///
    /// A highlight outside the context is ignored rather than trusted.
    static func highlightedContext(_ feature: MapFeature) -> String {
        let scalars = feature.context.unicodeScalars
        guard let range = feature.highlight, range.lowerBound >= 0, !range.isEmpty,
              let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound, limitedBy: scalars.endIndex),
              let upper = scalars.index(lower, offsetBy: range.count, limitedBy: scalars.endIndex)
        else { return TextEscaping.html(feature.context) }
        func piece(_ slice: Substring.UnicodeScalarView) -> String {
            TextEscaping.html(String(Substring(slice)))
        }
        return piece(scalars[..<lower]) + "<b>" + piece(scalars[lower..<upper]) + "</b>" + piece(scalars[upper...])
    }
}
