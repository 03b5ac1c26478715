/// Formats parsed documents as the `extract` command prints them.
///
/// JSON Lines (`jsonl`) gives one object per document: `{"id", "toponyms": [{"start", "end",
/// "name", "form", "lat", "lon", "geonameid", "place", "kind", "country", "admin1",
/// "confidence", "reason"}]}` — the prediction format of the evaluation scorer. `json` wraps the
/// same objects in one array; `tsv` gives one row per toponym with the document id first.
public enum ToponymWriter {
    public enum Format: String, CaseIterable, Sendable {
        case jsonl, json, tsv
    }

    /// The TSV header line (without a line break).
    public static let tsvHeader = ["doc_id", "start", "end", "name", "form", "place", "kind", "country", "admin1",
                                   "lat", "lon", "geonameid", "confidence", "reason"].joined(separator: "\t")

    /// One document as a JSON object on one line (no line break).
    public static func jsonObject(_ parsed: ParsedDocument) -> String {
        var out = "{\"id\":" + TextEscaping.jsonString(parsed.document.id) + ",\"toponyms\":["
        for (position, resolved) in parsed.mentions.enumerated() {
            if position > 0 { out += "," }
            out += toponymObject(resolved)
        }
        return out + "]}"
    }

    private static func toponymObject(_ resolved: ResolvedMention) -> String {
        let mention = resolved.mention
        var out = "{\"start\":\(mention.start),\"end\":\(mention.end),\"name\":" + TextEscaping.jsonString(mention.text)
        out += ",\"form\":\"\(resolved.form.rawValue)\""
        if let place = resolved.place {
            out += ",\"lat\":" + (NumberText.compact(place.latitude) ?? "null")
            out += ",\"lon\":" + (NumberText.compact(place.longitude) ?? "null")
            out += ",\"geonameid\":" + (place.geonameid.map(String.init) ?? "null")
            out += ",\"place\":" + TextEscaping.jsonString(place.name)
            out += ",\"kind\":\"\(place.kind.rawValue)\""
            out += ",\"country\":" + TextEscaping.jsonString(place.countryCode)
            out += ",\"admin1\":" + TextEscaping.jsonString(place.admin1Code)
        } else {
            out += ",\"lat\":null,\"lon\":null,\"geonameid\":null,\"place\":null,\"kind\":null,\"country\":null,\"admin1\":null"
        }
        out += ",\"confidence\":" + (NumberText.compact(resolved.confidence) ?? "0")
        out += ",\"reason\":" + TextEscaping.jsonString(resolved.reason) + "}"
        return out
    }

    /// Every name the recogniser weighed in one document, with its probability, verdict and the
    /// features that are not zero, as a JSON object on one line (needs
    /// ``GeoParser/Options/explain``).
    public static func explanationObject(_ parsed: ParsedDocument) -> String {
        let names = ConsideredMention.featureNames
        var out = "{\"id\":" + TextEscaping.jsonString(parsed.document.id) + ",\"considered\":["
        for (position, item) in parsed.considered.enumerated() {
            if position > 0 { out += "," }
            out += "{\"start\":\(item.mention.start),\"end\":\(item.mention.end),\"name\":"
                + TextEscaping.jsonString(item.mention.text) + ",\"key\":" + TextEscaping.jsonString(item.mention.key)
                + ",\"probability\":" + (NumberText.compact(item.probability) ?? "0")
                + ",\"kept\":\(item.kept),\"features\":"
            out += nonZeroObject(names: names, values: item.features) + ",\"candidates\":["
            for (number, candidate) in item.candidates.enumerated() {
                if number > 0 { out += "," }
                out += "{\"geonameid\":" + (candidate.place.geonameid.map(String.init) ?? "null")
                    + ",\"lat\":" + (NumberText.compact(candidate.place.latitude) ?? "null")
                    + ",\"lon\":" + (NumberText.compact(candidate.place.longitude) ?? "null")
                    + ",\"features\":" + nonZeroObject(names: ConsideredCandidate.featureNames, values: candidate.features) + "}"
            }
            out += "]}"
        }
        return out + "]}"
    }

    /// `{"name": value, ...}` for the values that are not zero.
    private static func nonZeroObject(names: [String], values: [Double]) -> String {
        var out = "{"
        var first = true
        for (feature, value) in zip(names, values) where value != 0 {
            out += (first ? "" : ",") + TextEscaping.jsonString(feature) + ":" + (NumberText.compact(value) ?? "0")
            first = false
        }
        return out + "}"
    }

    /// One document's toponyms as TSV rows, each ending in a line break.
    public static func tsvRows(_ parsed: ParsedDocument) -> String {
        var out = ""
        for resolved in parsed.mentions {
            let place = resolved.place
            let fields: [String] = [
                parsed.document.id, String(resolved.mention.start), String(resolved.mention.end), resolved.mention.text,
                resolved.form.rawValue, place?.name ?? "", place?.kind.rawValue ?? "", place?.countryCode ?? "",
                place?.admin1Code ?? "", place.flatMap { NumberText.compact($0.latitude) } ?? "",
                place.flatMap { NumberText.compact($0.longitude) } ?? "", place?.geonameid.map(String.init) ?? "",
                NumberText.compact(resolved.confidence) ?? "0", resolved.reason,
            ]
            out += fields.map(tsvField).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// A TSV field with tabs and line breaks replaced by spaces.
    static func tsvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
