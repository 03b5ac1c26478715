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
        // The object is written through a pointer into storage sized for the worst case of every
        // string and number, then handed over whole (or appended when `out` holds bytes already).
        let object = [UInt8](unsafeUninitializedCapacity: jsonObjectCapacity(parsed)) { storage, count in
            var cursor = ByteCursor(storage)
            writeJSONObject(parsed, to: &cursor)
            count = cursor.count
        }
        if out.isEmpty { out = object } else { out.append(contentsOf: object) }
    }

    /// The fixed bytes of a toponym object: its keys, punctuation, the longest literals and the
    /// longest form and kind names.
    private static let toponymFrameCapacity =
        #"{"start":,"end":,"name":,"form":"","lat":null,"lon":null,"geonameid":null,"place":null,"kind":"","#.utf8.count
        + #","country":null,"admin1":null,"confidence":,"reason":},"#.utf8.count
        + NameForm.allCases.map(\.rawValue.utf8.count).max()! + PlaceKind.allCases.map(\.rawValue.utf8.count).max()!

    /// The most bytes ``writeJSONObject(_:to:)`` writes for `parsed`.
    private static func jsonObjectCapacity(_ parsed: ParsedDocument) -> Int {
        var capacity = #"{"id":,"toponyms":[]}"#.utf8.count + TextEscaping.jsonStringCapacity(parsed.document.id)
        for resolved in parsed.mentions {
            capacity += toponymFrameCapacity + 3 * NumberText.integerCapacity
                + TextEscaping.jsonStringCapacity(resolved.mention.text)
                + TextEscaping.jsonStringCapacity(resolved.reason)
                + NumberText.compactCapacity(resolved.confidence)
            if let place = resolved.place {
                capacity += NumberText.compactCapacity(place.latitude) + NumberText.compactCapacity(place.longitude)
                    + TextEscaping.jsonStringCapacity(place.name) + TextEscaping.jsonStringCapacity(place.countryCode)
                    + TextEscaping.jsonStringCapacity(place.admin1Code)
            }
        }
        return capacity
    }

    private static func writeJSONObject(_ parsed: ParsedDocument, to out: inout ByteCursor) {
        out.write(#"{"id":"#)
        TextEscaping.writeJSONString(parsed.document.id, to: &out)
        out.write(#","toponyms":["#)
        for (position, resolved) in parsed.mentions.enumerated() {
            if position > 0 { out.write(UInt8(ascii: ",")) }
            writeToponymObject(resolved, to: &out)
        }
        out.write("]}")
    }

    private static func writeToponymObject(_ resolved: ResolvedMention, to out: inout ByteCursor) {
        let mention = resolved.mention
        out.write(#"{"start":"#)
        NumberText.writeInteger(mention.start, to: &out)
        out.write(#","end":"#)
        NumberText.writeInteger(mention.end, to: &out)
        out.write(#","name":"#)
        TextEscaping.writeJSONString(mention.text, to: &out)
        out.write(#","form":""#)
        out.write(utf8: resolved.form.rawValue)
        out.write(UInt8(ascii: "\""))
        if let place = resolved.place {
            out.write(#","lat":"#)
            writeNumber(place.latitude, orElse: "null", to: &out)
            out.write(#","lon":"#)
            writeNumber(place.longitude, orElse: "null", to: &out)
            out.write(#","geonameid":"#)
            if let geonameid = place.geonameid {
                NumberText.writeInteger(geonameid, to: &out)
            } else {
                out.write("null")
            }
            out.write(#","place":"#)
            TextEscaping.writeJSONString(place.name, to: &out)
            out.write(#","kind":""#)
            out.write(utf8: place.kind.rawValue)
            out.write(#"","country":"#)
            TextEscaping.writeJSONString(place.countryCode, to: &out)
            out.write(#","admin1":"#)
            TextEscaping.writeJSONString(place.admin1Code, to: &out)
        } else {
            out.write(#","lat":null,"lon":null,"geonameid":null,"place":null,"kind":null,"country":null,"admin1":null"#)
        }
        out.write(#","confidence":"#)
        writeNumber(resolved.confidence, orElse: "0", to: &out)
        out.write(#","reason":"#)
        TextEscaping.writeJSONString(resolved.reason, to: &out)
        out.write(UInt8(ascii: "}"))
    }

    /// Writes ``NumberText/compact(_:)`` of `value`, or `fallback` when it is not finite.
    private static func writeNumber(_ value: Double, orElse fallback: StaticString, to out: inout ByteCursor) {
        if !NumberText.writeCompact(value, to: &out) { out.write(fallback) }
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
