/// Formats parsed documents as the `extract` command prints them.
///
/// JSON Lines (`jsonl`) gives one object per document: `{"id", "toponyms": [{"start", "end",
/// "name", "form", "lat", "lon", "geonameid", "place", "kind", "country", "admin1",
/// "confidence", "reason"}]}` — the prediction format of the evaluation scorer. Given the
/// mentions' ``ToponymContext`` values, each toponym also carries its event context:
/// `"sentence"` (index of the sentence in the document), `"context"` (that sentence on one line),
/// `"event_type"`, `"trigger"`, `"role"`, `"event_date"`, `"time_precision"` and
/// `"geo_precision"`, named and valued as in the map layers. `json` wraps the same objects in
/// one array; `tsv` gives one row per toponym with the document id first.
public enum ToponymWriter {
    public enum Format: String, CaseIterable, Sendable {
        case jsonl, json, tsv
    }

    /// The TSV header line (without a line break) of rows without event context.
    public static let tsvHeader = ["doc_id", "start", "end", "name", "form", "place", "kind", "country", "admin1",
                                   "lat", "lon", "geonameid", "confidence", "reason"].joined(separator: "\t")

    /// The TSV header line (without a line break) of rows with event context.
    public static let tsvContextHeader = tsvHeader + "\t" + contextKeys.joined(separator: "\t")

    /// The names of the event context fields, in the order they are written.
    static let contextKeys = ["sentence", "context", "event_type", "trigger", "role", "event_date",
                              "time_precision", "geo_precision"]

    /// One document as a JSON object on one line (no line break).
    /// - Parameters:
    ///   - parsed: The parsed document.
    ///   - contexts: One context per mention of `parsed`, or nil to write toponyms without one.
    public static func jsonObject(_ parsed: ParsedDocument, contexts: [ToponymContext]? = nil) -> String {
        var out = [UInt8]()
        appendJSONObject(parsed, contexts: contexts, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of ``jsonObject(_:)`` to `out`, for writers that collect bytes.
    public static func appendJSONObject(_ parsed: ParsedDocument, contexts: [ToponymContext]? = nil,
                                        to out: inout [UInt8]) {
        precondition(contexts == nil || contexts!.count == parsed.mentions.count, "one context per mention")
        // The object is written through a pointer into storage sized for the worst case of every
        // string and number, then handed over whole (or appended when `out` holds bytes already).
        let capacity = jsonObjectCapacity(parsed) + (contexts.map(contextCapacity) ?? 0)
        let object = [UInt8](unsafeUninitializedCapacity: capacity) { storage, count in
            var cursor = ByteCursor(storage)
            writeJSONObject(parsed, contexts: contexts, to: &cursor)
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
        // Mentions are read in place, through the array's storage, rather than copied out of it.
        parsed.mentions.withUnsafeBufferPointer { mentions in
            for index in mentions.indices {
                capacity += toponymFrameCapacity + 3 * NumberText.integerCapacity
                    + TextEscaping.jsonStringCapacity(mentions[index].mention.text)
                    + TextEscaping.jsonStringCapacity(mentions[index].reason)
                    + NumberText.compactCapacity(mentions[index].confidence)
                if let place = mentions[index].place {
                    capacity += NumberText.compactCapacity(place.latitude) + NumberText.compactCapacity(place.longitude)
                        + TextEscaping.jsonStringCapacity(place.name)
                        + TextEscaping.jsonStringCapacity(place.countryCode)
                        + TextEscaping.jsonStringCapacity(place.admin1Code)
                }
            }
        }
        return capacity
    }

    /// The most bytes the context fields of `contexts` take.
    private static func contextCapacity(_ contexts: [ToponymContext]) -> Int {
        let frame = contextKeys.reduce(0) { $0 + $1.utf8.count + 6 } + 4 * "null".utf8.count
            + 3 * NumberText.integerCapacity + #""0000-00-00""#.utf8.count
            + EventCategory.allCases.map(\.rawValue.utf8.count).max()!
            + EventRole.allCases.map(\.rawValue.utf8.count).max()!
        return contexts.withUnsafeBufferPointer { contexts in
            var total = 0
            for position in contexts.indices {
                total += frame + TextEscaping.jsonStringCapacity(contexts[position].sentence)
                    + TextEscaping.jsonStringCapacity(contexts[position].event.trigger)
            }
            return total
        }
    }

    private static func writeJSONObject(_ parsed: ParsedDocument, contexts: [ToponymContext]?,
                                        to out: inout ByteCursor) {
        out.write(#"{"id":"#)
        TextEscaping.writeJSONString(parsed.document.id, to: &out)
        out.write(#","toponyms":["#)
        // Toponyms and contexts are read in place through their arrays' storage, not copied out.
        parsed.mentions.withUnsafeBufferPointer { mentions in
            (contexts ?? []).withUnsafeBufferPointer { contexts in
                // Where the previous toponym's context text was escaped, so that a sentence
                // shared by consecutive toponyms is escaped once and then copied.
                var escapedSentence = 0..<0
                for position in mentions.indices {
                    if position > 0 { out.write(UInt8(ascii: ",")) }
                    writeToponymFields(mentions.baseAddress! + position, to: &out)
                    if !contexts.isEmpty {
                        let context = contexts.baseAddress! + position
                        let repeated = position > 0 && !escapedSentence.isEmpty
                            && isSameSentence(context, context - 1)
                        writeContextFields(context, repeating: repeated ? escapedSentence : nil,
                                           escaped: &escapedSentence, to: &out)
                    }
                    out.write(UInt8(ascii: "}"))
                }
            }
        }
        out.write("]}")
    }

    /// Whether two contexts carry the same sentence text: the same sentence index (checked
    /// first, as it is cheap) and equal text. ``ToponymContext/contexts(for:documentDate:)``
    /// hands the mentions of one sentence one shared string, which compares equal at once.
    private static func isSameSentence(_ context: UnsafePointer<ToponymContext>,
                                       _ other: UnsafePointer<ToponymContext>) -> Bool {
        context.pointee.event.sentence == other.pointee.event.sentence && context.pointee.sentence == other.pointee.sentence
    }

    /// The event context fields of one toponym, each after a comma. The context is read
    /// through a pointer, field by field, so that it is not copied.
    /// - Parameters:
    ///   - repeating: The bytes already written for this context's text (quotes included),
    ///     copied instead of escaping the text again; nil to escape it.
    ///   - escaped: Set to where the context's text was written.
    private static func writeContextFields(_ context: UnsafePointer<ToponymContext>, repeating: Range<Int>?,
                                           escaped: inout Range<Int>, to out: inout ByteCursor) {
        out.write(#","sentence":"#)
        NumberText.writeInteger(context.pointee.event.sentence, to: &out)
        out.write(#","context":"#)
        let start = out.count
        if let repeating {
            out.writeCopy(of: repeating)
        } else {
            TextEscaping.writeJSONString(context.pointee.sentence, to: &out)
        }
        escaped = start..<out.count
        out.write(#","event_type":""#)
        out.write(utf8: context.pointee.event.eventType.rawValue)
        out.write(#"","trigger":"#)
        TextEscaping.writeJSONString(context.pointee.event.trigger, to: &out)
        out.write(#","role":""#)
        out.write(utf8: context.pointee.event.role.rawValue)
        out.write(#"","event_date":"#)
        if let date = context.pointee.event.eventDate {
            out.write(UInt8(ascii: "\""))
            writeDate(date, to: &out)
            out.write(UInt8(ascii: "\""))
        } else {
            out.write("null")
        }
        out.write(#","time_precision":"#)
        writeInteger(context.pointee.event.timePrecision?.rawValue, to: &out)
        out.write(#","geo_precision":"#)
        writeInteger(context.pointee.event.geoPrecision, to: &out)
    }

    /// `YYYY-MM-DD`.
    private static func writeDate(_ date: CalendarDate, to out: inout ByteCursor) {
        out.writeDigits(UInt64(date.year), minimumCount: 4)
        out.write(UInt8(ascii: "-"))
        out.writeDigits(UInt64(date.month), minimumCount: 2)
        out.write(UInt8(ascii: "-"))
        out.writeDigits(UInt64(date.day), minimumCount: 2)
    }

    /// The integer, or `null`.
    private static func writeInteger(_ value: Int?, to out: inout ByteCursor) {
        if let value { NumberText.writeInteger(value, to: &out) } else { out.write("null") }
    }

    /// A toponym object's fields from its opening brace to its reason, without the closing brace.
    /// The toponym is read through a pointer, field by field, so that it is not copied.
    private static func writeToponymFields(_ resolved: UnsafePointer<ResolvedMention>, to out: inout ByteCursor) {
        out.write(#"{"start":"#)
        NumberText.writeInteger(resolved.pointee.mention.start, to: &out)
        out.write(#","end":"#)
        NumberText.writeInteger(resolved.pointee.mention.end, to: &out)
        out.write(#","name":"#)
        TextEscaping.writeJSONString(resolved.pointee.mention.text, to: &out)
        out.write(#","form":""#)
        out.write(utf8: resolved.pointee.form.rawValue)
        out.write(UInt8(ascii: "\""))
        // The place is read field by field through optional chaining, which copies only the field
        // read, not the whole place with all its strings; the fallbacks are never taken.
        if let latitude = resolved.pointee.place?.latitude {
            out.write(#","lat":"#)
            writeNumber(latitude, orElse: "null", to: &out)
            out.write(#","lon":"#)
            writeNumber(resolved.pointee.place?.longitude ?? .nan, orElse: "null", to: &out)
            out.write(#","geonameid":"#)
            if let geonameid = resolved.pointee.place?.geonameid {
                NumberText.writeInteger(geonameid, to: &out)
            } else {
                out.write("null")
            }
            out.write(#","place":"#)
            TextEscaping.writeJSONString(resolved.pointee.place?.name ?? "", to: &out)
            out.write(#","kind":""#)
            out.write(utf8: resolved.pointee.place?.kind.rawValue ?? "")
            out.write(#"","country":"#)
            TextEscaping.writeJSONString(resolved.pointee.place?.countryCode ?? "", to: &out)
            out.write(#","admin1":"#)
            TextEscaping.writeJSONString(resolved.pointee.place?.admin1Code ?? "", to: &out)
        } else {
            out.write(#","lat":null,"lon":null,"geonameid":null,"place":null,"kind":null,"country":null,"admin1":null"#)
        }
        out.write(#","confidence":"#)
        writeNumber(resolved.pointee.confidence, orElse: "0", to: &out)
        out.write(#","reason":"#)
        TextEscaping.writeJSONString(resolved.pointee.reason, to: &out)
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

    /// One document's toponyms as TSV rows, each ending in a line break; with `contexts` (one per
    /// mention), the columns of ``tsvContextHeader``, else those of ``tsvHeader``.
    public static func tsvRows(_ parsed: ParsedDocument, contexts: [ToponymContext]? = nil) -> String {
        precondition(contexts == nil || contexts!.count == parsed.mentions.count, "one context per mention")
        var out = ""
        for (position, resolved) in parsed.mentions.enumerated() {
            let place = resolved.place
            var fields: [String] = [
                parsed.document.id, String(resolved.mention.start), String(resolved.mention.end), resolved.mention.text,
                resolved.form.rawValue, place?.name ?? "", place?.kind.rawValue ?? "", place?.countryCode ?? "",
                place?.admin1Code ?? "", place.flatMap { NumberText.compact($0.latitude) } ?? "",
                place.flatMap { NumberText.compact($0.longitude) } ?? "", place?.geonameid.map(String.init) ?? "",
                NumberText.compact(resolved.confidence) ?? "0", resolved.reason,
            ]
            if let context = contexts?[position] {
                let event = context.event
                fields += [
                    String(event.sentence), context.sentence, event.eventType.rawValue, event.trigger,
                    event.role.rawValue, event.eventDate?.description ?? "",
                    event.timePrecision.map { String($0.rawValue) } ?? "", event.geoPrecision.map(String.init) ?? "",
                ]
            }
            out += fields.map(tsvField).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// A TSV field with tabs and line breaks replaced by spaces.
    /// Each tab, line feed and carriage return byte becomes one space, so a CR LF pair becomes
    /// two and the row stays one line.
    static func tsvField(_ text: String) -> String {
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard text.utf8.contains(where: isBreak) else { return text }
        return String(decoding: text.utf8.map { isBreak($0) ? 0x20 : $0 }, as: UTF8.self)
    }
}
