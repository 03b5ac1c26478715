/// Turns parsed documents into map features: the values every exporter formats.
///
/// Each resolved mention gets its ``EventContext`` (``EventContextReader``); then, by
/// ``Granularity``:
/// - `place`: one feature per distinct place of a document, id `doc_id#place id`, with the
///   number of mentions and the most informative mention's context: an event role with a
///   known event type first, then a dateline, then the highest confidence (then a known
///   event date, then the trigger nearest the place, then the earliest);
/// - `mention`: one feature per mention, id `doc_id#start`.
///
/// Unresolved names become features without coordinates (id `doc_id#start` of their first
/// mention), counted but not drawn by the KML and SVG writers. Country names, ISO alpha-3
/// codes and first-level region names come from the gazetteer.
///
/// ```swift
/// let builder = FeatureBuilder(gazetteer: gazetteer, granularity: .place)
/// let features = builder.features(for: parser.parse(document))
/// ```
public struct FeatureBuilder: Sendable {
    /// The gazetteer the documents were resolved with.
    public let gazetteer: Gazetteer
    /// One feature per place or per mention.
    public var granularity: Granularity
    /// The date used for documents that carry none (the `--date` option).
    public var defaultDate: CalendarDate?

    /// Creates a builder.
    public init(gazetteer: Gazetteer, granularity: Granularity = .place, defaultDate: CalendarDate? = nil) {
        self.gazetteer = gazetteer
        self.granularity = granularity
        self.defaultDate = defaultDate
    }

    /// The date of `document`: its own `date` when it reads as `YYYY-MM-DD...`, else ``defaultDate``.
    public func date(of document: Document) -> CalendarDate? {
        document.date.flatMap(CalendarDate.init(iso:)) ?? defaultDate
    }

    /// The features of one parsed document, in order of first mention.
    public func features(for parsed: ParsedDocument) -> [MapFeature] {
        let documentDate = date(of: parsed.document)
        let contexts = EventContextReader(documentDate: documentDate).contexts(for: parsed)
        let items = zip(parsed.mentions, contexts).map { Item(resolved: $0, context: $1) }
        switch granularity {
        case .mention:
            return items.map { item in
                feature(item, id: "\(parsed.document.id)#\(item.resolved.mention.start)", count: 1,
                        parsed: parsed, documentDate: documentDate)
            }
        case .place:
            var order: [String] = []
            var groups: [String: [Item]] = [:]
            for item in items {
                let key = item.resolved.place.map { "place:" + $0.id }
                    ?? "name:" + item.resolved.mention.text.lowercased()
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(item)
            }
            return order.compactMap { key in
                guard let members = groups[key], let first = members.first else { return nil }
                let best = Self.mostInformative(members)
                let suffix = first.resolved.place?.id ?? String(first.resolved.mention.start)
                return feature(best, id: "\(parsed.document.id)#\(suffix)", count: members.count,
                               parsed: parsed, documentDate: documentDate)
            }
        }
    }

    /// A mention with its context.
    struct Item {
        var resolved: ResolvedMention
        var context: EventContext
    }

    /// The member whose context says the most: event with a known type, then dateline, then
    /// confidence, then a known date, then the nearest trigger, then text order.
    static func mostInformative(_ members: [Item]) -> Item {
        func tier(_ item: Item) -> Int {
            item.context.isEventWithKnownType ? 2 : item.context.role == .dateline ? 1 : 0
        }
        var best = members[0]
        for candidate in members.dropFirst() {
            let (a, b) = (tier(candidate), tier(best))
            if a != b {
                if a > b { best = candidate }
                continue
            }
            if candidate.resolved.confidence != best.resolved.confidence {
                if candidate.resolved.confidence > best.resolved.confidence { best = candidate }
                continue
            }
            let (datedA, datedB) = (candidate.context.eventDate != nil, best.context.eventDate != nil)
            if datedA != datedB {
                if datedA { best = candidate }
                continue
            }
            let distanceA = candidate.context.triggerDistance ?? Int.max
            let distanceB = best.context.triggerDistance ?? Int.max
            if distanceA < distanceB { best = candidate }
        }
        return best
    }

    private func feature(_ item: Item, id: String, count: Int, parsed: ParsedDocument,
                         documentDate: CalendarDate?) -> MapFeature {
        let mention = item.resolved.mention
        let context = item.context
        let sentence = parsed.text.sentences.indices.contains(context.sentence)
            ? parsed.text.sentences[context.sentence].scalarRange : mention.start..<mention.end
        let snippet = ContextSentence(text: parsed.text, sentence: sentence, mention: mention.start..<mention.end)
        let document = parsed.document
        var feature = MapFeature(
            id: id, mention: mention.text, mentions: count, context: snippet.text, highlight: snippet.highlight,
            eventType: context.eventType.rawValue, trigger: context.trigger, role: context.role.rawValue,
            eventDate: context.eventDate?.description, timePrecision: context.timePrecision?.rawValue,
            geoPrecision: context.geoPrecision, confidence: item.resolved.confidence, reason: item.resolved.reason,
            docId: document.id, docTitle: document.title ?? "", url: document.url ?? "",
            docDate: documentDate?.description, start: mention.start, end: mention.end)
        if let place = item.resolved.place {
            feature.latitude = place.latitude
            feature.longitude = place.longitude
            feature.name = place.name
            feature.kind = place.kind.rawValue
            feature.geonameid = place.geonameid
            let code = !place.countryCode.isEmpty ? place.countryCode
                : place.countries.count == 1 ? place.countries[0] : ""
            feature.countryCode = code
            if let country = code.isEmpty ? nil : gazetteer.country(code) {
                feature.country = country.name
                feature.countryCode3 = country.iso3
            }
            feature.admin1Code = place.admin1Code
            feature.admin1 = gazetteer.admin1Name(code: place.admin1Code)
        }
        return feature
    }
}
