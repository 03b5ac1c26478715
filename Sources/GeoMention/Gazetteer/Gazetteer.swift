import Foundation

/// The bundled world gazetteer: every place GeoMention can resolve a name to.
///
/// Load it once per process with ``load(locator:)`` and share it: it is immutable and
/// `Sendable`. Names are looked up after ``NameNormalizer`` normalisation; short upper-case
/// forms ("US", "UK") match only as written.
///
/// ```swift
/// let gazetteer = try Gazetteer.load()
/// let kyiv = gazetteer.candidates(for: "Kiev").first?.place  // Kyiv, 50.45, 30.52
/// ```
public final class Gazetteer: Sendable {
    /// The folder the gazetteer was read from.
    public let directory: String
    /// The memory-mapped index.
    public let index: GazetteerIndex
    /// The model that decides which spotted names are places.
    public let recognitionModel: RecognitionModel
    /// The model that chooses among a name's places.
    public let resolverModel: ResolverModel

    init(directory: String, index: GazetteerIndex, recognitionModel: RecognitionModel, resolverModel: ResolverModel) {
        self.directory = directory
        self.index = index
        self.recognitionModel = recognitionModel
        self.resolverModel = resolverModel
    }

    /// Finds and opens the gazetteer, building its binary index when the sources changed.
    /// - Throws: ``GazetteerError`` naming the paths tried or the damaged file.
    public static func load(locator: GazetteerLocator = GazetteerLocator()) throws -> Gazetteer {
        let directory = try locator.locate()
        let cache = IndexCache(directory: directory, environment: locator.environment)
        return Gazetteer(directory: directory, index: try cache.open(),
                         recognitionModel: try RecognitionModel.load(gazetteerDirectory: directory),
                         resolverModel: try ResolverModel.load(gazetteerDirectory: directory))
    }

    /// Number of places.
    public var placeCount: Int { index.placeCount }
    /// Number of distinct normalised names (including prefixes of multi-word names).
    public var keyCount: Int { index.keyCount }
    /// Number of (name, place) pairs.
    public var nameCount: Int { index.postingCount }

    /// The place at `index`.
    public func place(at index: Int) -> Place { self.index.place(at: index) }

    /// The country with ISO alpha-2 code `code` ("UA").
    public func country(_ code: String) -> CountryRecord? { index.countries[code.uppercased()] }

    /// Every country, by alpha-2 code.
    public var countries: [String: CountryRecord] { index.countries }

    /// The country or first-level region with code `code` ("UA", "UA-46", "US-TX").
    public func adminPlace(code: String) -> Place? {
        index.adminPlaces[code].map(place(at:))
    }

    /// The name of the first-level region with code `code`, or "" when unknown.
    public func admin1Name(code: String) -> String {
        code.isEmpty ? "" : adminPlace(code: code)?.name ?? ""
    }

    /// What the word lists say about `word` (compared in lower case).
    public func wordInfo(_ word: String) -> WordInfo {
        var bytes = Array(word.lowercased().utf8)
        return bytes.withUnsafeMutableBufferPointer { index.wordInfo(UnsafeBufferPointer($0)) }
    }

    /// Every place `name` may refer to, most prominent first.
    ///
    /// A case-sensitive name ("US") is offered only when `name` is written exactly so.
    public func candidates(for name: String) -> [Candidate] {
        let key = NameNormalizer.normalize(name)
        guard let entry = index.entry(forKey: key) else { return [] }
        var written = Array(name.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        return written.withUnsafeMutableBufferPointer { raw in
            let bytes = UnsafeBufferPointer(raw)
            var result: [Candidate] = []
            var seen = Set<Int>()
            for posting in entry.postings {
                if index.postingIsCaseSensitive(posting) && !index.postingSurfaceEquals(posting, bytes) { continue }
                let placeIndex = index.postingPlace(posting)
                guard seen.insert(placeIndex).inserted else { continue }
                let place = index.place(at: placeIndex)
                result.append(Candidate(place: place, form: index.postingForm(posting),
                                        surface: index.postingSurface(posting), prior: index.prior(of: placeIndex),
                                        isPrimaryName: index.postingIsPrimary(posting)))
            }
            return result
        }
    }

    /// Ranked candidates for a user's query, filtered by country and kind.
    /// - Parameters:
    ///   - name: the name to look up, in any spelling the gazetteer knows.
    ///   - country: an ISO alpha-2 code to keep only places in (or spanning) that country.
    ///   - kind: keep only places of this kind.
    ///   - limit: the most candidates to return.
    public func search(_ name: String, country: String? = nil, kind: PlaceKind? = nil, limit: Int = 10) -> [Candidate] {
        let code = country?.uppercased()
        let matches = candidates(for: name).filter { candidate in
            (kind == nil || candidate.place.kind == kind)
                && (code == nil || candidate.place.countryCode == code || candidate.place.countries.contains(code!))
        }
        let ranked = matches.sorted { a, b in
            a.rank != b.rank ? a.rank > b.rank : a.place.index < b.place.index
        }
        return Array(ranked.prefix(max(0, limit)))
    }
}

/// A place a name may refer to, with how the name refers to it.
public struct Candidate: Hashable, Sendable {
    public let place: Place
    /// Whether the name is the place's name, an abbreviation or a demonym.
    public let form: NameForm
    /// The form as the gazetteer lists it ("U.S.", "Kiev").
    public let surface: String
    /// The place's prominence (``Prominence``).
    public let prior: Double
    /// The name is the place's own display name, not one of its alternate or former names.
    public let isPrimaryName: Bool

    /// Prominence, with a preference for a place's own name over its alternate names, and for
    /// names over abbreviations and demonyms.
    public var rank: Double {
        let alternate = isPrimaryName ? 0 : 0.75
        switch form {
        case .name: return prior - alternate
        case .abbreviation: return prior - 0.3
        case .demonym: return prior - 0.5
        }
    }
}
