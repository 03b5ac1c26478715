import Foundation

/// Writes deterministic news-like JSON Lines corpora for the benchmark.
///
/// Place names come from the gazetteer's own TSV files: large, middle-sized and small cities,
/// countries, first-level regions, named regions and demonyms. Texts mix datelines
/// ("LVIV, Ukraine — "), qualified names ("Paris, Texas"), people named like places ("Paris
/// Hilton", "President Jordan") and sentences of common words. The same gazetteer, seed, size
/// and density always give the same bytes.
struct CorpusGenerator {
    /// Changes whenever the same seed and size would give other text, so a corpus left in the
    /// temporary folder by an earlier build is never measured as this one's.
    static let edition = 2

    /// How often the text names a place.
    enum Density: String, CaseIterable {
        /// About one place name in 30 words, the rate of the annotated news corpora (LGL, GeoVirus
        /// and GeoWebNews have one annotated toponym in 29 to 36 words): three sentences in four
        /// name no place but carry people, organisations, numbers and dates, as wire copy does.
        case news
        /// A place name every few words: almost every sentence names one to three places. A
        /// stress test for the per-mention work of recognition and resolution.
        case dense
    }

    private struct City {
        let name: String
        let country: String
        let admin1: String
    }

    private var random: SplitMix64
    private let density: Density
    private var bigCities: [City] = []
    private var middleCities: [City] = []
    private var towns: [City] = []
    private var countries: [String] = []
    private var admin1Names: [String: String] = [:]
    private var regions: [String] = []
    private var demonyms: [String] = []
    private var countryNames: [String: String] = [:]

    /// Reads the place lists from a gazetteer folder.
    /// - Parameters:
    ///   - gazetteerDirectory: The folder holding `places.tsv` and `names.tsv`.
    ///   - seed: The random seed.
    ///   - density: How often the text names a place.
    init(gazetteerDirectory: String, seed: UInt64, density: Density = .news) throws {
        random = SplitMix64(seed: seed)
        self.density = density
        let places = try String(contentsOfFile: gazetteerDirectory + "/places.tsv", encoding: .utf8)
        for line in places.split(separator: "\n").dropFirst() {
            let field = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard field.count >= 10 else { continue }
            let name = String(field[3])
            // Names of letters, spaces and hyphens only, as wire copy writes them.
            guard name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == " " || $0 == "-" }) else { continue }
            let population = Int(field[9]) ?? 0
            let city = City(name: name, country: String(field[4]), admin1: String(field[5]))
            switch field[2] {
            case "city" where population >= 1_000_000: bigCities.append(city)
            case "city" where population >= 100_000: middleCities.append(city)
            case "city" where population >= 15_000: towns.append(city)
            case "country":
                countries.append(name)
                countryNames[String(field[4])] = name
            case "admin1":
                admin1Names[String(field[5])] = name
            case "region": regions.append(name)
            default: break
            }
        }
        let names = try String(contentsOfFile: gazetteerDirectory + "/names.tsv", encoding: .utf8)
        for line in names.split(separator: "\n").dropFirst() {
            let field = line.split(separator: "\t", omittingEmptySubsequences: false)
            if field.count >= 3, field[2] == "demonym" { demonyms.append(String(field[0])) }
        }
        demonyms = Array(Set(demonyms)).sorted()
    }

    /// Writes documents to `path` until at least `bytes` bytes are written.
    /// - Returns: The number of documents written.
    mutating func write(to path: String, bytes target: Int) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var written = 0
        var count = 0
        var buffer = ""
        while written < target {
            count += 1
            let line = jsonLine(number: count) + "\n"
            written += line.utf8.count
            buffer += line
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
        return count
    }

    private mutating func jsonLine(number: Int) -> String {
        let day = 1 + number % 28, month = 1 + number / 28 % 12
        let date = String(format: "2024-%02d-%02d", month, day)
        let (title, text) = article()
        return "{\"id\":\"gen-\(String(format: "%07d", number))\",\"date\":\"\(date)\",\"title\":"
            + Self.json(title) + ",\"text\":" + Self.json(text) + "}"
    }

    /// One article: a title and 3 to 8 paragraphs, the first opening with a dateline.
    private mutating func article() -> (title: String, text: String) {
        let home = pick(bigCities + middleCities.prefix(200))
        let title = pick(["Fighting near", "Floods hit", "Talks resume in", "Protests spread in", "Markets open higher in"])
            + " " + home.name
        var paragraphs: [String] = []
        for position in 0..<(3 + next(6)) {
            var sentences: [String] = []
            for _ in 0..<(2 + next(4)) {
                sentences.append(density == .news && next(4) != 0 ? plainSentence() : sentence())
            }
            var paragraph = sentences.joined(separator: " ")
            if position == 0 { paragraph = dateline(home) + paragraph }
            paragraphs.append(paragraph)
        }
        return (title, paragraphs.joined(separator: "\n\n"))
    }

    private mutating func dateline(_ city: City) -> String {
        let country = countryNames[city.country] ?? city.country
        return city.name.uppercased() + ", " + country + " \u{2014} "
    }

    private mutating func sentence() -> String {
        switch next(14) {
        case 0:
            return "Officials in \(city().name) said on \(weekday()) that \(next(90) + 3) people had been evacuated after \(pick(events)) near \(town().name)."
        case 1:
            let town = self.town()
            return "Residents of \(town.name), \(qualifier(town)), described \(pick(adjectives)) scenes as \(pick(events)) moved toward \(city().name)."
        case 2:
            return "\(pick(demonyms)) officials met their counterparts from \(pick(countries)) in \(city().name) on \(weekday())."
        case 3:
            return "The \(pick(countries)) foreign ministry said talks with \(pick(countries)) would continue next week."
        case 4:
            return "\(pick(people)) was seen in \(city().name) on \(weekday()), \(pick(adjectives)) crowds following every step."
        case 5:
            return "Aid groups warned that \(pick(regions)) faced \(pick(adjectives)) shortages of water and fuel."
        case 6:
            let city = self.city()
            return "Trains between \(city.name) and \(self.city().name) were suspended, the \(qualifier(city)) rail operator said."
        case 7:
            return "\(pick(commonOpenings)) \(pick(commonMiddles)), \(pick(commonEndings))."
        case 8:
            return "Prices for \(pick(["turkey", "china plates", "jersey cows", "champagne", "cheddar"])) rose \(next(9) + 1) percent in \(pick(months)), the report said."
        case 9:
            return "\(pick(["Analysts", "Diplomats", "Economists", "Witnesses"])) in \(city().name) and \(pick(countries)) expect \(pick(events)) to \(pick(["ease", "worsen", "spread", "continue"]))."
        case 10:
            return "Police in \(town().name) arrested \(next(12) + 2) people, \(pick(people)) told reporters."
        case 11:
            return "\(pick(demonyms)) and \(pick(demonyms)) troops held positions outside \(city().name) overnight."
        case 12:
            let place = pick(famousTwins)
            return "In \(place), \(pick(commonMiddles)), local officials said."
        default:
            return "\(pick(commonOpenings)) in \(pick(months)) \(pick(commonMiddles)) across \(pick(countries))."
        }
    }

    /// A sentence that names no place: officials, organisations, figures and dates.
    private mutating func plainSentence() -> String {
        switch next(6) {
        case 0:
            return "\(pick(officials)) \(pick(surnames)) said the \(pick(organisations)) \(pick(commonMiddles)) and would \(pick(plans)) by the end of \(pick(months))."
        case 1:
            return "The \(pick(organisations)) said \(next(900) + 100) \(pick(counted)) had been \(pick(counts)) since \(weekday()), up from \(next(90) + 10) a week earlier."
        case 2:
            return "\(pick(commonOpenings)) \(pick(commonMiddles)), \(pick(commonEndings)), and officials expect to \(pick(plans)) before the \(pick(["vote", "summit", "deadline", "winter", "next session"]))."
        case 3:
            return "\"We \(pick(["will not", "cannot", "must", "want to"])) \(pick(plans)),\" \(pick(firstNames)) \(pick(surnames)), a \(pick(roles)) with the \(pick(organisations)), told reporters on \(weekday())."
        case 4:
            return "\(pick(commonOpenings)) \(pick(commonMiddles)) on \(weekday()), \(pick(commonEndings))."
        default:
            return "About \(next(80) + 5) percent of \(pick(counted)) \(pick(["say", "said", "reported", "told the survey"])) that \(pick(concerns)) \(pick(["had grown", "remained high", "eased slightly", "was their main concern"])) in \(pick(months))."
        }
    }

    private mutating func city() -> City {
        switch next(10) {
        case 0..<5: return pick(bigCities)
        case 5..<8: return pick(middleCities)
        default: return pick(towns)
        }
    }

    private mutating func town() -> City { next(3) == 0 ? pick(middleCities) : pick(towns) }

    /// The region or country that qualifies a city name ("Texas", "Ukraine").
    private mutating func qualifier(_ city: City) -> String {
        if next(2) == 0, let region = admin1Names[city.admin1] { return region }
        return countryNames[city.country] ?? city.country
    }

    private mutating func weekday() -> String {
        pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
    }

    private let events = ["shelling", "heavy flooding", "a wildfire", "an earthquake", "a chemical spill", "clashes",
                          "a storm", "a power outage", "landslides", "a heat wave"]
    private let adjectives = ["chaotic", "calm", "tense", "desperate", "hopeful", "grim", "orderly", "severe"]
    private let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"]
    private let people = ["Paris Hilton", "President Jordan", "Michael Jordan", "Florence Pugh", "Chelsea Clinton",
                          "Sydney Sweeney", "Victoria Beckham", "Austin Butler", "Dakota Johnson", "Georgia May Jagger",
                          "Minister Lincoln", "Jack London", "General Washington", "Senator Warren", "Brooklyn Beckham"]
    private let famousTwins = ["Paris, Texas", "Moscow, Idaho", "Athens, Georgia", "London, Ontario", "Berlin, New Hampshire",
                               "Cairo, Illinois", "Springfield, Illinois", "Portland, Maine", "Birmingham, Alabama",
                               "Odessa, Texas", "Lebanon, Pennsylvania", "Vienna, Virginia"]
    private let officials = ["Minister", "Governor", "Spokeswoman", "Commissioner", "Chairman", "Mayor", "Director", "Ambassador"]
    private let firstNames = ["Maria", "Ahmed", "Olena", "James", "Priya", "Kofi", "Lucia", "Dmitri", "Amina", "Tomas"]
    private let surnames = ["Okafor", "Haddad", "Kowalski", "Mendes", "Tanaka", "Novak", "Rahman", "Fischer", "Osei", "Larsen"]
    private let roles = ["spokeswoman", "senior adviser", "field coordinator", "researcher", "board member", "lawyer"]
    private let organisations = ["Red Cross", "World Bank", "Interior Ministry", "Supreme Court", "Electoral Commission",
                                 "Health Ministry", "United Nations", "International Monetary Fund", "Finance Committee",
                                 "National Guard"]
    private let plans = ["review the budget", "publish the findings", "restore the service", "hold new talks",
                         "release more funds", "hire more staff", "appeal the ruling", "extend the programme"]
    private let counted = ["households", "patients", "workers", "families", "students", "voters", "farmers", "small firms"]
    private let counts = ["registered", "treated", "relocated", "interviewed", "compensated", "tested"]
    private let concerns = ["the cost of living", "unemployment", "public safety", "the price of fuel", "access to clinics"]
    private let commonOpenings = ["The committee", "Most voters", "A spokesman", "The central bank", "Local farmers",
                                  "The new budget", "Rescue teams", "Several schools", "The court", "Union leaders"]
    private let commonMiddles = ["approved the plan after a long debate", "reported a sharp rise in costs",
                                 "called for calm ahead of the vote", "reopened after weeks of repairs",
                                 "promised more support for families", "struggled with rising demand"]
    private let commonEndings = ["according to a statement released late on Friday", "a senior official said",
                                 "though details remained unclear", "in a move welcomed by residents",
                                 "despite warnings from experts"]

    private mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    private mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A small, fast, seeded pseudo-random generator (SplitMix64), the same on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
