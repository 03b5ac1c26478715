import Testing
import GeoMention

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test func scalarOffsetsMatchTokenTextAcrossScripts() {
        let text = "Café 🇺🇦 in Kraków 👩‍👩‍👧 near 東京 and القدس, e\u{301}lan Zürich."
        let tokenized = tokenizer.tokenize(text)
        for token in tokenized.tokens {
            #expect(scalarSlice(text, token.scalarRange) == String(tokenized.text(of: token)))
        }
        #expect(tokenTexts(tokenized) == [
            "Café", "🇺🇦", "in", "Kraków", "👩‍👩‍👧", "near", "東京", "and", "القدس", ",",
            "e\u{301}lan", "Zürich", ".",
        ])
        let krakow = tokenized.tokens[3]
        #expect(krakow.start == 11 && krakow.end == 17)
        #expect(krakow.utf8Start == 18 && krakow.utf8End == 25)
        #expect(tokenized.tokens[6].shape == .uncased)
        #expect(tokenized.tokens[10].end - tokenized.tokens[10].start == 5)
    }

    @Test func crlfCountsTwoScalarsAndMarksNewline() {
        let text = "Kyiv\r\nOdesa\r\n\r\nKharkiv"
        let tokenized = tokenizer.tokenize(text)
        #expect(tokenTexts(tokenized) == ["Kyiv", "Odesa", "Kharkiv"])
        #expect(tokenized.tokens.map(\.start) == [0, 6, 15])
        #expect(tokenized.tokens[1].followsNewline && !tokenized.tokens[1].paragraphStart)
        #expect(tokenized.tokens[2].paragraphStart)
    }

    @Test func hyphensSplitWordsAndFlagTheJoinedWord() {
        let tokenized = tokenizer.tokenize("The Ukraine-Russia war and pro-Russian forces -- not - here.")
        #expect(tokenTexts(tokenized) == [
            "The", "Ukraine", "-", "Russia", "war", "and", "pro", "-", "Russian", "forces",
            "--", "not", "-", "here", ".",
        ])
        let joined = tokenized.tokens.filter(\.joinedByHyphen).map { String(tokenized.text(of: $0)) }
        #expect(joined == ["Russia", "Russian"])
    }

    @Test func possessiveIsItsOwnToken() {
        let tokenized = tokenizer.tokenize("Jordan's capital and Kenya’s coast, O'Brien's farm, States' rights")
        #expect(tokenTexts(tokenized) == [
            "Jordan", "'s", "capital", "and", "Kenya", "’s", "coast", ",", "O'Brien", "'s", "farm",
            ",", "States", "'", "rights",
        ])
        #expect(tokenized.tokens[0].followedByPossessive)
        #expect(tokenized.tokens[1].kind == .possessive)
        #expect(tokenized.tokens[4].end == 26)
    }

    @Test func initialsChainIsOneTokenWithItsPeriod() {
        let tokenized = tokenizer.tokenize("The U.S. and U.K. met in Washington, D.C., e.g. Calif. St. Louis")
        #expect(tokenTexts(tokenized) == [
            "The", "U.S.", "and", "U.K.", "met", "in", "Washington", ",", "D.C.", ",", "e.g.",
            "Calif", ".", "St", ".", "Louis",
        ])
        let us = tokenized.tokens[1]
        #expect(us.endsWithPeriod && us.shape == .allCaps && us.kind == .word)
        #expect(tokenized.tokens[10].shape == .lower)
        #expect(!tokenized.tokens[11].endsWithPeriod)
    }

    @Test func shapesConsiderLettersOnly() {
        let tokenized = tokenizer.tokenize("LVIV Lviv lviv McDonald iPhone A 2024 3rd NATO's")
        #expect(tokenized.tokens.map(\.shape) == [
            .allCaps, .capitalized, .lower, .capitalized, .mixed, .capitalized, .other, .lower,
            .allCaps, .lower,
        ])
        #expect(tokenized.tokens.map(\.kind) == [
            .word, .word, .word, .word, .word, .word, .number, .word, .word, .possessive,
        ])
    }

    @Test func datelineTokens() {
        let text = "LVIV, Ukraine (AP) — Russian drones struck the city on Tuesday."
        let tokenized = tokenizer.tokenize(text)
        #expect(tokenTexts(tokenized).prefix(8) == ["LVIV", ",", "Ukraine", "(", "AP", ")", "—", "Russian"])
        #expect(tokenized.sentences.count == 1)
        #expect(tokenized.tokens[0].isSentenceStart && tokenized.tokens[0].paragraphStart)
        #expect(tokenized.tokens[2].followsSpace && !tokenized.tokens[1].followsSpace)
    }

    @Test func numbersKeepDecimalAndThousandsSeparators() {
        let tokenized = tokenizer.tokenize("About 1,200 people, 3.5 km away, in 2024.")
        #expect(tokenTexts(tokenized) == [
            "About", "1,200", "people", ",", "3.5", "km", "away", ",", "in", "2024", ".",
        ])
        #expect(tokenized.tokens[1].kind == .number)
    }

    @Test func offsetConversionsRoundTrip() {
        let text = "Ünye 🌊 Śląsk"
        let tokenized = tokenizer.tokenize(text)
        let utf8 = Array(text.utf8)
        var scalar = 0
        for offset in 0...utf8.count {
            if offset < utf8.count && utf8[offset] & 0xC0 != 0x80 || offset == utf8.count {
                #expect(tokenized.scalarOffset(forUTF8Offset: offset) == scalar)
                #expect(tokenized.utf8Offset(forScalarOffset: scalar) == offset)
                scalar += 1
            }
        }
        #expect(tokenized.scalarOffset(forUTF8Offset: 1) == 0)
        #expect(tokenized.scalarOffset(forUTF8Offset: utf8.count) == text.unicodeScalars.count)
    }

    @Test func emptyAndSpaceOnlyTextsHaveNoTokens() {
        #expect(tokenizer.tokenize("").tokens.isEmpty)
        let blank = tokenizer.tokenize(" \n\t ")
        #expect(blank.tokens.isEmpty && blank.sentences.isEmpty)
    }
}
