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
        String(decoding: utf8HTML(for: feature), as: UTF8.self)
    }

    /// The UTF-8 bytes of ``html(for:)``.
    static func utf8HTML(for feature: MapFeature) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(2 * feature.context.utf8.count + 1024)
        if !feature.context.isEmpty {
            out.append(contentsOf: "<p>".utf8)
            appendHighlightedContext(feature, to: &out)
            out.append(contentsOf: "</p>\n".utf8)
        }
        out.append(contentsOf: "<table>\n".utf8)
        appendRows(for: feature, to: &out)
        out.append(contentsOf: "</table>\n".utf8)
        let title = feature.docTitle.isEmpty ? feature.docId : feature.docTitle
        if !feature.url.isEmpty {
            out.append(contentsOf: "<p>Source: <a href=\"".utf8)
            TextEscaping.appendHTML(feature.url, to: &out)
            out.append(contentsOf: "\">".utf8)
            TextEscaping.appendHTML(title.isEmpty ? feature.url : title, to: &out)
            out.append(contentsOf: "</a></p>".utf8)
        } else if !title.isEmpty {
            out.append(contentsOf: "<p>Source: ".utf8)
            TextEscaping.appendHTML(title, to: &out)
            out.append(contentsOf: "</p>".utf8)
        }
        return out
    }

    /// Appends a table row per labelled fact of `feature`, unknown ones left out.
    private static func appendRows(for feature: MapFeature, to out: inout [UInt8]) {
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            // The labels are this file's own plain words: only the values need escaping.
            out.append(contentsOf: "<tr><th>".utf8)
            out.append(contentsOf: label.utf8)
            out.append(contentsOf: "</th><td>".utf8)
            TextEscaping.appendHTML(value, to: &out)
            out.append(contentsOf: "</td></tr>\n".utf8)
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

    /// Appends the escaped context with the highlighted scalar range wrapped in `<b>`.
    ///
    /// A highlight outside the context is ignored rather than trusted.
    private static func appendHighlightedContext(_ feature: MapFeature, to out: inout [UInt8]) {
        let scalars = feature.context.unicodeScalars
        guard let range = feature.highlight, range.lowerBound >= 0, !range.isEmpty,
              let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound, limitedBy: scalars.endIndex),
              let upper = scalars.index(lower, offsetBy: range.count, limitedBy: scalars.endIndex)
        else { return TextEscaping.appendHTML(feature.context, to: &out) }
        // Cut through the scalar view: a highlight may start or end inside a grapheme cluster.
        TextEscaping.appendHTML(Substring(scalars[..<lower]), to: &out)
        out.append(contentsOf: "<b>".utf8)
        TextEscaping.appendHTML(Substring(scalars[lower..<upper]), to: &out)
        out.append(contentsOf: "</b>".utf8)
        TextEscaping.appendHTML(Substring(scalars[upper...]), to: &out)
    }
}
