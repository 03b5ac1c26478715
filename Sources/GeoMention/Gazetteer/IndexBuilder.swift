import Foundation

/// Builds the binary index from the gazetteer's TSV sources (`places.tsv`, `names.tsv`,
/// `countries.tsv`; see `Gazetteer/FORMAT.md`).
///
/// The result is one byte array that ``GazetteerIndex`` maps and reads in place.
struct IndexBuilder {
    let directory: String
    let fingerprint: UInt64

    private struct PlaceRow {
        var geonameid: Int32
        var latitude: Float
        var longitude: Float
        var population: UInt32
        var name: StringRef
        var id: StringRef
        var admin1: StringRef
        var admin2: StringRef
        var countries: StringRef
        var country: (UInt8, UInt8)
        var kind: PlaceKind
        var feature: UInt8
        var featureCode: String
        var radius: UInt16
        var nameCount: UInt16
    }

    private struct Posting {
        var place: UInt32
        var surface: StringRef
        var form: NameForm
        var caseSensitive: Bool
        var primary: Bool
    }

    /// Reads the sources and returns the index file's bytes.
    /// - Throws: ``GazetteerError`` naming the file and line of any problem.
    func build() throws -> [UInt8] {
        var pool = StringPool()
        var places: [PlaceRow] = []
        var placeIndexByID: [String: Int] = [:]
        var displayNames: [String] = []
        var admin1Codes: [String] = []
        var features: [String] = [""]
        var featureIndex: [String: UInt8] = ["": 0]

        let placesPath = directory + "/places.tsv"
        let placesFile = try TSVFile(path: placesPath)
        let c = try PlaceColumns(placesFile)
        try placesFile.forEachRow { row, line in
            let id = row.string(c.id)
            guard let kind = PlaceKind(rawValue: row.string(c.kind)) else {
                throw GazetteerError.malformed(path: placesPath, line: line, reason: "unknown kind \(row.string(c.kind))")
            }
            guard let latitude = row.double(c.lat), let longitude = row.double(c.lon),
                  (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                throw GazetteerError.malformed(path: placesPath, line: line, reason: "bad coordinates for \(id)")
            }
            guard placeIndexByID[id] == nil else {
                throw GazetteerError.malformed(path: placesPath, line: line, reason: "duplicate id \(id)")
            }
            let featureCode = row.string(c.feature)
            var feature = featureIndex[featureCode]
            if feature == nil, features.count < 255 {
                feature = UInt8(features.count)
                featureIndex[featureCode] = feature
                features.append(featureCode)
            }
            let countryBytes = Array(row.string(c.country).utf8)
            placeIndexByID[id] = places.count
            displayNames.append(row.string(c.name))
            admin1Codes.append(kind == .country ? "" : row.string(c.admin1))
            places.append(PlaceRow(
                geonameid: Int32(clamping: row.int(c.geonameid) ?? 0),
                latitude: Float(latitude), longitude: Float(longitude),
                population: UInt32(clamping: row.int(c.population) ?? 0),
                name: pool.add(row.string(c.name)), id: pool.add(id),
                admin1: pool.addShared(row.string(c.admin1)),
                admin2: pool.addShared(row.string(c.admin2)),
                countries: pool.addShared(row.string(c.countries)),
                country: countryBytes.count == 2 ? (countryBytes[0], countryBytes[1]) : (0, 0),
                kind: kind, feature: feature ?? 0, featureCode: featureCode,
                radius: UInt16(clamping: row.int(c.radius) ?? 0), nameCount: 0))
        }

        // Names: normalised key → postings.
        var keyIndex: [String: Int] = [:]
        var keys: [String] = []
        var postings: [[Posting]] = []
        var seen = Set<PostingKey>()
        let namesPath = directory + "/names.tsv"
        let namesFile = try TSVFile(path: namesPath)
        let nameColumn = try namesFile.column("name"), idColumn = try namesFile.column("id")
        let formColumn = try namesFile.column("form"), caseColumn = try namesFile.column("case")
        try namesFile.forEachRow { row, line in
            let id = row.string(idColumn)
            guard let place = placeIndexByID[id] else {
                throw GazetteerError.malformed(path: namesPath, line: line, reason: "unknown place id \(id)")
            }
            let surface = row.string(nameColumn)
            let key = NameNormalizer.normalize(surface)
            guard !key.isEmpty else { return }
            let form = NameForm(rawValue: row.string(formColumn)) ?? .name
            let caseSensitive = row.string(caseColumn) == "cs"
            let slot: Int
            if let existing = keyIndex[key] {
                slot = existing
            } else {
                slot = keys.count
                keyIndex[key] = slot
                keys.append(key)
                postings.append([])
            }
            // One posting per (key, place, case rule): the first form listed wins.
            guard seen.insert(PostingKey(key: slot, place: place, caseSensitive: caseSensitive)).inserted else { return }
            places[place].nameCount &+= 1
            postings[slot].append(Posting(place: UInt32(place), surface: pool.add(surface), form: form,
                                          caseSensitive: caseSensitive,
                                          primary: surface == displayNames[place]))
        }

        // Prefixes of multi-word keys, so a spotter knows when to read one more word.
        var prefixes = Set<String>()
        for key in keys where key.contains(" ") {
            var prefix = Substring(key)
            while let space = prefix.lastIndex(of: " ") {
                prefix = prefix[..<space]
                if !prefixes.insert(String(prefix)).inserted { break }
            }
        }
        for prefix in prefixes.sorted() where keyIndex[prefix] == nil {  // sorted: the same file every build
            keyIndex[prefix] = keys.count
            keys.append(prefix)
            postings.append([])
        }

        // Order each key's places by prominence, most prominent first.
        let prominence = places.map {
            Prominence.score(kind: $0.kind, population: Int($0.population), featureCode: $0.featureCode,
                             nameCount: Int($0.nameCount))
        }
        for slot in postings.indices where postings[slot].count > 1 {
            postings[slot].sort {
                let (a, b) = (prominence[Int($0.place)], prominence[Int($1.place)])
                return a != b ? a > b : $0.place < $1.place
            }
        }

        var file = ByteWriter()
        file.pad(to: IndexLayout.headerSize)
        for (offset, byte) in IndexLayout.magic.enumerated() { file.bytes[offset] = byte }
        file.set(IndexLayout.version, at: IndexLayout.Header.version)
        file.set(fingerprint, at: IndexLayout.Header.fingerprint)

        // Places.
        file.set(UInt64(file.bytes.count), at: IndexLayout.Header.placesOffset)
        file.set(UInt32(places.count), at: IndexLayout.Header.placeCount)
        var admin1PlaceByCode: [String: Int32] = [:]
        for (index, place) in places.enumerated() where place.kind == .admin1 && admin1PlaceByCode[admin1Codes[index]] == nil {
            admin1PlaceByCode[admin1Codes[index]] = Int32(index)
        }
        for (index, place) in places.enumerated() {
            file.append(place.geonameid)
            file.append(place.latitude)
            file.append(place.longitude)
            file.append(place.population)
            for reference in [place.name, place.id, place.admin1, place.admin2, place.countries] {
                file.append(reference.offset)
                file.append(reference.length)
            }
            file.append(place.country.0)
            file.append(place.country.1)
            file.append(place.kind.code)
            file.append(place.feature)
            file.append(place.radius)
            file.append(place.nameCount)
            file.append(Float(prominence[index]))
            file.append(admin1Codes[index].isEmpty ? Int32(-1) : admin1PlaceByCode[admin1Codes[index]] ?? -1)
        }

        // Postings, then the key table pointing at them.
        file.set(UInt64(file.bytes.count), at: IndexLayout.Header.postingsOffset)
        var postingStart: [UInt32] = []
        postingStart.reserveCapacity(keys.count)
        var postingCount: UInt32 = 0
        for list in postings {
            postingStart.append(postingCount)
            var places = Set<UInt32>(), repeated = Set<UInt32>()
            for posting in list where !places.insert(posting.place).inserted { repeated.insert(posting.place) }
            for posting in list {
                file.append(posting.place)
                file.append(posting.surface.offset)
                file.append(UInt16(clamping: posting.surface.length))
                file.append(posting.form.code)
                file.append((posting.caseSensitive ? IndexLayout.PostingFlag.caseSensitive : 0)
                            | (posting.primary ? IndexLayout.PostingFlag.primary : 0)
                            | (repeated.contains(posting.place) ? IndexLayout.PostingFlag.placeRepeated : 0))
                file.append(Float(prominence[Int(posting.place)]))
                postingCount += 1
            }
        }
        file.set(postingCount, at: IndexLayout.Header.postingCount)
        file.pad(to: (file.bytes.count + 7) & ~7)

        file.set(UInt32(keys.count), at: IndexLayout.Header.keyCount)
        let nameKeys = keys.indices.map { key in
            (key: keys[key], facts: KeyTableBuilder.NameKey(postingStart: postingStart[key],
                                                            postingCount: UInt32(postings[key].count),
                                                            isPrefix: prefixes.contains(keys[key])))
        }
        KeyTableBuilder(names: nameKeys, nameIndex: keyIndex, words: try WordTableBuilder(directory: directory).entries())
            .write(into: &file, pool: &pool)

        // Countries.
        file.set(UInt64(file.bytes.count), at: IndexLayout.Header.countriesOffset)
        let countriesPath = directory + "/countries.tsv"
        let countriesFile = try TSVFile(path: countriesPath)
        let iso2 = try countriesFile.column("iso2"), iso3 = try countriesFile.column("iso3")
        let numeric = try countriesFile.column("numeric"), countryID = try countriesFile.column("id")
        let countryName = try countriesFile.column("name"), capital = try countriesFile.column("capital_id")
        let continent = try countriesFile.column("continent")
        var countryCount: UInt32 = 0
        try countriesFile.forEachRow { row, line in
            let code2 = Array(row.string(iso2).utf8), code3 = Array(row.string(iso3).utf8)
            guard code2.count == 2, code3.count == 3 else {
                throw GazetteerError.malformed(path: countriesPath, line: line, reason: "bad ISO codes")
            }
            let place = placeIndexByID[row.string(countryID)].map(Int32.init) ?? -1
            let capitalPlace = placeIndexByID[row.string(capital)].map(Int32.init) ?? -1
            let name = pool.add(row.string(countryName))
            let continentBytes = Array(row.string(continent).utf8) + [0, 0]
            file.append(code2[0]); file.append(code2[1])
            file.append(code3[0]); file.append(code3[1]); file.append(code3[2])
            file.append(UInt8(0)); file.append(UInt16(clamping: row.int(numeric) ?? 0))
            file.append(place)
            file.append(capitalPlace)
            file.append(name.offset); file.append(name.length)
            file.append(continentBytes[0]); file.append(continentBytes[1])
            file.append(UInt16(0)); file.append(UInt32(0))
            countryCount += 1
        }
        file.set(countryCount, at: IndexLayout.Header.countryCount)

        // Countries and first-level regions, for look-ups by code.
        file.set(UInt64(file.bytes.count), at: IndexLayout.Header.adminsOffset)
        var adminCount: UInt32 = 0
        for (index, place) in places.enumerated() where place.kind == .country || place.kind == .admin1 {
            file.append(UInt32(index))
            adminCount += 1
        }
        file.set(adminCount, at: IndexLayout.Header.adminCount)

        // Feature codes.
        file.pad(to: (file.bytes.count + 7) & ~7)
        file.set(UInt64(file.bytes.count), at: IndexLayout.Header.featuresOffset)
        file.set(UInt32(features.count), at: IndexLayout.Header.featureCount)
        for code in features {
            let reference = pool.add(code)
            file.append(reference.offset)
            file.append(reference.length)
        }

        file.set(UInt64(file.bytes.count), at: IndexLayout.Header.stringsOffset)
        file.set(UInt32(pool.bytes.count), at: IndexLayout.Header.stringBytes)
        file.bytes.append(contentsOf: pool.bytes)
        file.set(UInt64(file.bytes.count), at: IndexLayout.Header.fileSize)
        return file.bytes
    }
}

private struct PostingKey: Hashable {
    var key: Int
    var place: Int
    var caseSensitive: Bool
}

/// Column positions of `places.tsv`.
private struct PlaceColumns {
    let id, geonameid, kind, name, country, admin1, admin2, lat, lon, population, feature, radius, countries: Int

    init(_ file: TSVFile) throws {
        id = try file.column("id")
        geonameid = try file.column("geonameid")
        kind = try file.column("kind")
        name = try file.column("name")
        country = try file.column("country")
        admin1 = try file.column("admin1")
        admin2 = try file.column("admin2")
        lat = try file.column("lat")
        lon = try file.column("lon")
        population = try file.column("population")
        feature = try file.column("feature")
        radius = try file.column("radius_km")
        countries = try file.column("countries")
    }
}

/// Offset and length of a string in the index's string pool.
struct StringRef {
    var offset: UInt32
    var length: UInt32
}

/// The index's pool of UTF-8 strings.
struct StringPool {
    private(set) var bytes: [UInt8] = []
    private var shared: [String: StringRef] = [:]

    /// Appends `string` and returns where it is.
    mutating func add(_ string: String) -> StringRef {
        let reference = StringRef(offset: UInt32(bytes.count), length: UInt32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
        return reference
    }

    /// Like ``add(_:)`` but stores each distinct string once; for small repeated values.
    mutating func addShared(_ string: String) -> StringRef {
        if let existing = shared[string] { return existing }
        let reference = add(string)
        shared[string] = reference
        return reference
    }
}
