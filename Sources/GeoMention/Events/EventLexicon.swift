/// The trigger words and phrases that say what kind of event a sentence reports.
///
/// Each entry is a lemma with the inflected forms a news text uses ("shell": shelling,
/// shelled, shells) and the ``EventCategory`` it signals, in ACLED's vocabulary plus
/// ``EventCategory/diplomacy``. Phrases ("missile strike", "on strike") are matched as
/// consecutive words and beat the single words inside them. Words are compared in lower case.
///
/// Harm words ("killed", "wounded") are not triggers on their own: see ``harmWords`` and
/// ``civilianWords``.
public struct EventLexicon: Sendable {
    /// One trigger: a word sequence and what it signals.
    public struct Entry: Hashable, Sendable {
        /// The lower-case words, one for a single-word trigger.
        public var words: [String]
        /// The lemma the words are a form of ("shell" for "shelling").
        public var lemma: String
        /// The event type the trigger signals.
        public var category: EventCategory
    }

    /// Every entry, keyed by its first word; longer phrases first within a key.
    public let entries: [String: [Entry]]

    /// Verbs of killing and injuring; with a word from ``civilianWords`` in the same sentence
    /// and no violent trigger of another kind, they signal violence against civilians.
    public let harmWords: Set<String> = [
        "killed", "killing", "killings", "wounded", "injured", "injuring", "murdered", "beaten", "shot",
    ]

    /// Words that name civilians as victims.
    public let civilianWords: Set<String> = [
        "civilian", "civilians", "residents", "villagers", "children", "women", "passers-by",
        "pedestrians", "bystanders", "journalist", "journalists", "volunteers",
    ]

    /// The team's lexicon.
    public static let standard = EventLexicon(table: [
        .battles: [
            "clash": ["clash", "clashes", "clashed", "clashing"],
            "fight": ["fighting", "fought", "fights"],
            "battle": ["battle", "battles", "battled", "battling"],
            "offensive": ["offensive", "offensives", "counteroffensive", "counteroffensives", "counter-offensive"],
            "attack": ["attack", "attacks", "attacked", "attacking"],
            "assault": ["assault", "assaults", "assaulted"],
            "ambush": ["ambush", "ambushed", "ambushes"],
            "firefight": ["firefight", "firefights", "gunfight", "gunfights", "gunbattle"],
            "storm": ["stormed", "storming"],
            "repel": ["repelled", "repulsed", "repelling"],
            "combat": ["combat"],
            "siege": ["siege", "besieged", "besieging"],
        ],
        .explosionsRemoteViolence: [
            "shell": ["shell", "shells", "shelled", "shelling", "shellings"],
            "artillery": ["artillery"],
            "missile": ["missile", "missiles"],
            "rocket": ["rocket", "rockets"],
            "missile strike": ["missile strike", "missile strikes"],
            "air strike": ["air strike", "air strikes", "airstrike", "airstrikes", "air-strike", "air-strikes", "air raid", "air raids"],
            "drone": ["drone", "drones", "drone strike", "drone strikes", "drone attack", "drone attacks"],
            "explosion": ["explosion", "explosions", "exploded", "blast", "blasts"],
            "bomb": ["bomb", "bombs", "bombed", "bombing", "bombings", "bombardment", "bombarded", "car bomb"],
            "mortar": ["mortar", "mortars"],
            "strike": ["strike", "strikes", "struck"],
            "landmine": ["landmine", "landmines", "ied"],
        ],
        .violenceAgainstCivilians: [
            "massacre": ["massacre", "massacres", "massacred"],
            "execute": ["executed", "execution", "executions", "executing"],
            "abduct": ["abducted", "abduction", "abductions", "abducting"],
            "kidnap": ["kidnapped", "kidnapping", "kidnappings"],
            "torture": ["tortured", "torture", "torturing"],
        ],
        .protests: [
            "protest": ["protest", "protests", "protested", "protesting", "protester", "protesters", "protestors"],
            "demonstrate": ["demonstrators", "demonstration", "demonstrations", "demonstrated"],
            "rally": ["rally", "rallies", "rallied"],
            "march": ["marched", "marchers", "marching"],
            "strike action": ["on strike", "general strike", "hunger strike", "strikers"],
            "picket": ["picket", "pickets", "picketed"],
            "sit-in": ["sit-in", "sit-ins"],
        ],
        .riots: [
            "riot": ["riot", "riots", "rioted", "rioting", "rioters"],
            "loot": ["looting", "looted", "looters"],
            "mob": ["mob", "mobs"],
            "torch": ["torched"],
        ],
        .strategicDevelopments: [
            "seize": ["seized", "seize", "seizure"],
            "capture": ["captured", "capture", "recaptured"],
            "withdraw": ["withdrew", "withdrawn", "withdrawal", "withdrawing", "retreated", "retreat"],
            "ceasefire": ["ceasefire", "cease-fire", "truce", "armistice"],
            "take control": ["took control", "taken control", "take control"],
            "arrest": ["arrested", "arrests", "detained", "detention"],
            "deploy": ["deployed", "deployment", "redeployed"],
            "exchange": ["prisoner exchange", "prisoner swap", "swap"],
            "agreement": ["agreement", "accord"],
        ],
        .diplomacy: [
            "talk": ["talks", "peace talks"],
            "meet": ["met", "meet", "meeting", "meetings", "meets"],
            "visit": ["visit", "visits", "visited", "visiting", "toured"],
            "summit": ["summit", "summits"],
            "negotiate": ["negotiations", "negotiated", "negotiating", "negotiator", "negotiators"],
            "host": ["hosted", "hosting", "hosts"],
            "delegation": ["delegation", "delegations", "envoy", "envoys"],
        ],
    ])

    /// Builds a lexicon from `category: [lemma: [forms]]`.
    public init(table: [EventCategory: [String: [String]]]) {
        var entries: [String: [Entry]] = [:]
        for (category, lemmas) in table {
            for (lemma, forms) in lemmas {
                for form in forms {
                    let words = form.lowercased().split(separator: " ").map(String.init)
                    guard let first = words.first else { continue }
                    entries[first, default: []].append(Entry(words: words, lemma: lemma, category: category))
                }
            }
        }
        for key in entries.keys {
            entries[key]?.sort { lhs, rhs in
                lhs.words.count != rhs.words.count ? lhs.words.count > rhs.words.count
                    : lhs.words.joined(separator: " ") < rhs.words.joined(separator: " ")
            }
        }
        self.entries = entries
        wordIndex = LexiconWordIndex(entries: entries, harmWords: harmWords, civilianWords: civilianWords)
    }

    /// The lexicon's words numbered, for matching a sentence's words by number; one shared
    /// object, so that copying the lexicon stays cheap.
    let wordIndex: LexiconWordIndex

    /// The longest entry whose words start at `position` of `words`, if any.
    public func match(_ words: [String], at position: Int) -> Entry? {
        guard let candidates = entries[words[position]] else { return nil }
        return candidates.first { entry in
            position + entry.words.count <= words.count
                && zip(entry.words, words[position...]).allSatisfy { $0 == $1 }
        }
    }
}
