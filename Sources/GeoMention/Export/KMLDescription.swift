/// Builds the HTML balloon text of a KML placemark.
///
/// The context sentence comes first with the mention in `<b>`, then a table of the event
/// facts and a link to the source. Every value is HTML-escaped; the result is meant for a
/// CDATA section (see ``XMLDocumentWriter/cdata(_:)`` for `]]>` handling).
enum KMLDescription {
    /// The HTML snippet for `feature`.
    static func html(for feature: MapFeature) -> String {
        var out = ""
        if !feature.context.isEmpty {
            out += "<p>" + highlightedContext(feature) + "</p>\n"
        }
        var rows: [(String, String)] = []
        if !feature.eventType.isEmpty { rows.append(("Event type", feature.eventType)) }
        if !feature.trigger.isEmpty { rows.append(("Trigger", feature.trigger)) }
        if !feature.role.isEmpty { rows.append(("Role", feature.role)) }
        if let date = feature.eventDate {
            let precision = feature.timePrecision.map { " (time precision \($0))" } ?? ""
            rows.append(("Date", date + precision))
        }
        rows.append(("Geo precision", String(feature.geoPrecision)))
        rows.append(("Confidence", NumberText.compact(feature.confidence) ?? "unknown"))
        if !feature.reason.isEmpty { rows.append(("Reason", feature.reason)) }
        out += "<table>\n"
        for (label, value) in rows {
            out += "<tr><th>" + TextEscaping.html(label) + "</th><td>" + TextEscaping.html(value) + "</td></tr>\n"
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

    /// The escaped context with the highlighted scalar range wrapped in `<b>`.
    ///
    /// A highlight outside the context is ignored rather than trusted.
    static func highlightedContext(_ feature: MapFeature) -> String {
        let scalars = Array(feature.context.unicodeScalars)
        guard let range = feature.highlight, range.lowerBound >= 0, range.upperBound <= scalars.count,
              !range.isEmpty
        else { return TextEscaping.html(feature.context) }
        func piece(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return TextEscaping.html(String(view))
        }
        return piece(scalars[..<range.lowerBound]) + "<b>" + piece(scalars[range]) + "</b>"
            + piece(scalars[range.upperBound...])
    }
}
