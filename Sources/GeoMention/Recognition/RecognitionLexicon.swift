/// The closed word lists the recogniser consults, all lower case.
enum RecognitionLexicon {
    /// Words that may stand inside a multi-word place name in lower case
    /// ("Gulf of Mexico", "Rio de Janeiro", "Stratford-upon-Avon").
    static let nameConnectors: Set<String> = [
        "of", "the", "and", "de", "del", "la", "le", "les", "du", "des", "da", "do", "dos", "das", "di",
        "el", "al", "en", "am", "an", "im", "upon", "on", "sur", "au", "aux", "y", "i", "e", "van", "von",
        "der", "den", "bei", "ob", "in", "sous",
    ]

    /// Titles and ranks that precede a person's name ("President Jordan", "Gov. Lincoln").
    static let personTitles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "vice", "sen", "senator", "rep",
        "representative", "gov", "governor", "gen", "general", "col", "colonel", "lt", "lieutenant", "sgt",
        "sergeant", "capt", "captain", "cpl", "corporal", "pvt", "adm", "admiral", "maj", "judge", "justice",
        "rev", "reverend", "father", "pastor", "bishop", "cardinal", "rabbi", "imam", "sheikh", "emir",
        "ayatollah", "coach", "officer", "deputy", "detective", "trooper", "sheriff", "mayor", "chancellor",
        "minister", "secretary", "commissioner", "chief", "king", "queen", "prince", "princess", "lord",
        "lady", "sir", "dame", "pope", "sister", "brother", "uncle", "aunt", "attorney", "councilman",
        "councilwoman", "councilor", "alderman", "speaker", "ambassador", "chairman", "chairwoman",
        "superintendent", "principal", "dean", "nurse", "agent", "inspector", "constable", "warden",
        "mme", "mlle", "herr", "frau", "señor", "senor", "madame", "monsieur", "coroner",
        "prosecutor", "pfc", "spc", "assemblyman", "assemblywoman", "delegate",
        "treasurer", "clerk", "director", "manager", "producer", "actor", "actress", "singer", "rapper",
        "quarterback", "pitcher", "striker", "goalkeeper", "forward", "guard", "defender", "midfielder",
    ]

    /// Words that turn the place name before them into a street or road.
    static let streetSuffixes: Set<String> = [
        "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "dr", "lane", "ln",
        "hwy", "way", "court", "ct", "place", "pl", "parkway", "pkwy", "circle", "terrace",
        "trail", "pike", "alley", "row", "crescent", "close", "expressway", "freeway", "turnpike",
    ]

    /// Words that turn the place name before them into a publication, a company or a team name.
    static let nonPlaceSuffixes: Set<String> = [
        "post", "times", "herald", "tribune", "journal", "gazette", "chronicle", "inquirer", "observer",
        "examiner", "telegraph", "daily", "magazine", "press", "courier", "register", "sentinel", "bee",
        "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "airlines", "airways", "bank",
        "bancorp", "group", "holdings", "motors", "fc", "united", "rovers", "wanderers", "athletic",
        "redskins", "nationals", "capitals", "wizards", "mystics", "senators", "rangers", "giants",
        "jets", "yankees", "mets", "knicks", "nets", "islanders", "devils", "dolphins", "heat", "panthers",
        "marlins", "lakers", "clippers", "dodgers", "angels", "kings", "ducks", "bulls", "bears", "cubs",
        "sox", "blackhawks", "tech",
    ]

    /// Legal forms of companies written after the company's name ("Nestlé SA", "Siemens AG",
    /// "Philips NV"), as written, each at most four bytes; several spell place abbreviations
    /// (South Africa, Nevada, Alberta).
    static let legalForms: Set<String> = [
        "SA", "AG", "NV", "SE", "AB", "AS", "ASA", "BV", "SpA", "SPA", "SAS", "SRL", "Srl", "GmbH", "KGaA",
        "Oyj", "PLC", "LLC", "LLP", "SAB", "SAA", "SACI",
    ]

    /// Directions and extents that modify a place name without being part of a person's or an
    /// organisation's name ("Northeast Georgia", "Western Pennsylvania", "Greater Manchester").
    static let directionWords: Set<String> = [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
        "southern", "eastern", "western", "central", "upper", "lower", "greater", "downtown", "metro",
        "inner", "outer", "coastal", "rural", "suburban", "mid", "far", "new",
    ]

    /// Words after a place name that make an institution of that place, which news annotators
    /// usually count as a mention of the place ("Alexandria Police", "Dublin City Council").
    static let institutionSuffixes: Set<String> = [
        "police", "council", "city", "county", "department", "sheriff", "sheriff's", "fire", "school", "schools",
        "university", "college", "hospital", "chamber", "highway", "state", "district", "board", "commission",
        "court", "government", "parliament", "assembly", "legislature", "airport", "port", "library", "museum",
        "zoo", "park", "public", "municipal", "regional", "metropolitan", "township", "village", "town",
        "mayor", "ministry", "army", "navy", "authorities", "officials", "province", "region",
    ]

    /// Words before an adjectival that make it the name of a language ("spoke French", "in English").
    static let languageCuesBefore: Set<String> = [
        "in", "speak", "speaks", "spoke", "spoken", "speaking", "fluent", "learn", "learning", "learned",
        "teach", "teaches", "teaching", "taught", "into", "study", "studying", "studied", "translate",
        "translated", "native",
    ]

    /// Words after an adjectival that make it the name of a language ("English language learners").
    static let languageCuesAfter: Set<String> = [
        "language", "languages", "speaker", "speakers", "speaking", "translation", "translations",
        "subtitles", "lessons", "lesson", "class", "classes", "teacher", "teachers", "literature",
        "dictionary", "words", "word", "grammar", "fluency", "proficiency", "version", "edition",
    ]

    /// Lower-case words after a name that make it an administrative unit ("the Donetsk region").
    static let unitWords: Set<String> = [
        "region", "oblast", "province", "state", "county", "district", "governorate", "prefecture", "department",
        "municipality", "parish", "territory", "canton", "voivodeship", "krai", "oblasts", "regions", "provinces",
    ]

    /// Month and weekday names, which are never places in running text.
    static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Words that, right before a capitalised word, mark it as a common noun phrase
    /// ("the Nice weather", "its Mobile app").
    static let determiners: Set<String> = [
        "a", "an", "this", "these", "that", "those", "its", "his", "her", "their", "our", "my", "your",
        "every", "each", "some", "any", "no",
    ]

    /// Prepositions that introduce a location.
    static let locativePrepositions: Set<String> = [
        "in", "at", "near", "from", "to", "outside", "inside", "across", "around", "throughout", "into",
        "toward", "towards", "via", "through", "between", "off", "within", "northern", "southern",
        "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern",
    ]
}
