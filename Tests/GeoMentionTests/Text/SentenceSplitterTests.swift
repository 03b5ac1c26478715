import Testing
import GeoMention

@Suite struct SentenceSplitterTests {
    let tokenizer = Tokenizer()

    func sentences(_ text: String) -> [String] {
        let tokenized = tokenizer.tokenize(text)
        return tokenized.sentences.map { String(tokenized.text(of: $0)) }
    }

    @Test func splitsAtFinalPunctuationBeforeACapital() {
        #expect(sentences("Floods hit Lviv. Rescuers arrived! Were they late? \"Yes,\" he said.") == [
            "Floods hit Lviv.", "Rescuers arrived!", "Were they late?", "\"Yes,\" he said.",
        ])
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(sentences("A tornado hit Springfield, Ill., on Tuesday. Dr. Smith met Gov. Jones in St. Louis.") == [
            "A tornado hit Springfield, Ill., on Tuesday.", "Dr. Smith met Gov. Jones in St. Louis.",
        ])
        #expect(sentences("Troops left the U.S. Embassy in Kabul. President John F. Kennedy visited W.Va. Tuesday.") == [
            "Troops left the U.S. Embassy in Kabul.", "President John F. Kennedy visited W.Va. Tuesday.",
        ])
        let springfield = tokenizer.tokenize("Floods hit Springfield, Ill., on Tuesday.")
        #expect(tokenTexts(springfield) == ["Floods", "hit", "Springfield", ",", "Ill", ".", ",", "on", "Tuesday", "."])
        #expect(springfield.sentences.count == 1)
        #expect(sentences("It was built on Oct. 3 in Raleigh, N.C. It opened later.").count == 1)
    }

    @Test func lowercaseAfterPeriodContinuesTheSentence() {
        #expect(sentences("Prices rose 3.5 percent in Paris. and fell in Lyon.").count == 1)
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("He said, “We left Mariupol.” Then he wept. (See Kherson.) Next.") == [
            "He said, “We left Mariupol.”", "Then he wept.", "(See Kherson.)", "Next.",
        ])
    }

    @Test func paragraphBreaksAndHeadlinesEndSentences() {
        let text = "Storm batters Odesa\nThe port closed on Monday\n\nlater it reopened"
        #expect(sentences(text) == ["Storm batters Odesa", "The port closed on Monday", "later it reopened"])
    }

    @Test func wrappedProseIsNotAHeadline() {
        let text = "Emergency crews from three neighbouring districts were sent to\nKharkiv after the dam failed."
        #expect(sentences(text).count == 1)
    }

    @Test func cjkFullStopsSplitWithoutSpaces() {
        #expect(sentences("東京で地震があった。大阪も揺れた。") == ["東京で地震があった。", "大阪も揺れた。"])
    }

    @Test func sentenceStartSkipsOpeningQuotes() {
        let tokenized = tokenizer.tokenize("Rain fell. “Paris flooded,” she said.")
        let starts = tokenized.tokens.filter(\.isSentenceStart).map { String(tokenized.text(of: $0)) }
        #expect(starts == ["Rain", "Paris"])
        #expect(tokenized.tokens.map(\.sentence) == [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1])
        #expect(tokenized.sentences[1].tokenRange == 3..<11)
        #expect(tokenized.sentences[1].start == 11)
    }
}
