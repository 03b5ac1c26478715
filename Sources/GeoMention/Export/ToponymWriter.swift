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
        var out = [UInt8]()
        appendJSONObject(parsed, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of ``jsonObject(_:)`` to `out`, for writers that collect bytes.
    public static func appendJSONObject(_ parsed: ParsedDocument, to out: inout [UInt8]) {
        // A toponym takes about 250 bytes: a fresh buffer is sized once instead of regrown.
        if out.isEmpty { out.reserveCapacity(64 + 256 * parsed.mentions.count) }
        out.append(contentsOf: #"{"id":"#.utf8)
        TextEscaping.appendJSONString(parsed.document.id, to: &out)
        out.append(contentsOf: #","toponyms":["#.utf8)
        for (position, resolved) in parsed.mentions.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendToponymObject(resolved, to: &out)
        }
        out.append(contentsOf: "]}".utf8)
    }

    private static func appendToponymObject(_ resolved: ResolvedMention, to out: inout [UInt8]) {
        let mention = resolved.mention
        out.append(contentsOf: #"{"start":"#.utf8)
        NumberText.appendInteger(mention.start, to: &out)
        out.append(contentsOf: #","end":"#.utf8)
        NumberText.appendInteger(mention.end, to: &out)
        out.append(contentsOf: #","name":"#.utf8)
        TextEscaping.appendJSONString(mention.text, to: &out)
        out.append(contentsOf: #","form":""#.utf8)
        out.append(contentsOf: resolved.form.rawValue.utf8)
        out.append(UInt8(ascii: "\""))
        if let place = resolved.place {
            out.append(contentsOf: #","lat":"#.utf8)
            appendNumber(place.latitude, orElse: "null", to: &out)
            out.append(contentsOf: #","lon":"#.utf8)
            appendNumber(place.longitude, orElse: "null", to: &out)
            out.append(contentsOf: #","geonameid":"#.utf8)
            if let geonameid = place.geonameid {
                NumberText.appendInteger(geonameid, to: &out)
            } else {
                out.append(contentsOf: "null".utf8)
            }
            out.append(contentsOf: #","place":"#.utf8)
            TextEscaping.appendJSONString(place.name, to: &out)
            out.append(contentsOf: #","kind":""#.utf8)
            out.append(contentsOf: place.kind.rawValue.utf8)
            out.append(contentsOf: #"","country":"#.utf8)
            TextEscaping.appendJSONString(place.countryCode, to: &out)
            out.append(contentsOf: #","admin1":"#.utf8)
            TextEscaping.appendJSONString(place.admin1Code, to: &out)
        } else {
            out.append(contentsOf:
                #","lat":null,"lon":null,"geonameid":null,"place":null,"kind":null,"country":null,"admin1":null"#.utf8)
        }
        out.append(contentsOf: #","confidence":"#.utf8)
        appendNumber(resolved.confidence, orElse: "0", to: &out)
        out.append(contentsOf: #","reason":"#.utf8)
        TextEscaping.appendJSONString(resolved.reason, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Appends ``NumberText/compact(_:)`` of `value`, or `fallback` when it is not finite.
    private static func appendNumber(_ value: Double, orElse fallback: StaticString, to out: inout [UInt8]) {
        if !NumberText.appendCompact(value, to: &out) {
            out.append(contentsOf: UnsafeBufferPointer(start: fallback.utf8Start, count: fallback.utf8CodeUnitCount))
        }
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
