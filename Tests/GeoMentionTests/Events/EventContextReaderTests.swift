import Testing
@testable import GeoMention

/// Event type, trigger and role of place mentions in the team's own sentences.
@Suite struct EventContextReaderTests {
    @Test func shelledObjectIsTheEventPlace() {
        let context = EventFixture.context("Russian artillery shelled Mykolaiv overnight.", at: "Mykolaiv")
        #expect(context.eventType == .explosionsRemoteViolence)
        #expect(context.trigger == "shelled")
        #expect(context.triggerLemma == "shell")
        #expect(context.role == .event)
    }

    @Test func rallyInACityIsAProtestThere() {
        let context = EventFixture.context("Several hundred people rallied in Rivne on Tuesday.", at: "Rivne")
        #expect(context.eventType == .protests)
        #expect(context.trigger == "rallied")
        #expect(context.role == .event)
    }

    @Test func talksAreDiplomacy() {
        let context = EventFixture.context("Peace talks in Istanbul resumed after a pause.", at: "Istanbul")
        #expect(context.eventType == .diplomacy)
        #expect(context.trigger == "Peace talks")
        #expect(context.role == .event)
    }

    @Test func nearestTriggerDecidesForEachPlace() {
        let sentence = "Protesters rallied in Lviv on Sunday, while far to the east missiles struck Kharkiv."
        let lviv = EventFixture.context(sentence, at: "Lviv")
        #expect(lviv.eventType == .protests && lviv.trigger == "rallied")
        let kharkiv = EventFixture.context(sentence, at: "Kharkiv")
        #expect(kharkiv.eventType == .explosionsRemoteViolence && kharkiv.trigger == "struck")
        #expect(kharkiv.role == .event)
    }

    @Test func phraseBeatsTheWordInsideIt() {
        let context = EventFixture.context("A missile strike hit the port of Odesa.", at: "Odesa")
        #expect(context.trigger == "missile strike")
        #expect(context.triggerLemma == "missile strike")
    }

    @Test func workersOnStrikeProtest() {
        let context = EventFixture.context("Dock workers in Odesa went on strike over unpaid wages.", at: "Odesa")
        #expect(context.eventType == .protests)
        #expect(context.trigger == "on strike")
    }

    @Test func killingCiviliansWithoutWeaponsWordIsViolenceAgainstCivilians() {
        let context = EventFixture.context("Gunmen killed five civilians in Kherson.", at: "Kherson")
        #expect(context.eventType == .violenceAgainstCivilians)
        #expect(context.trigger == "killed")
        #expect(context.role == .event)
    }

    @Test func shellingThatKillsCiviliansStaysRemoteViolence() {
        let context = EventFixture.context("Shelling killed two civilians in Kherson.", at: "Kherson")
        #expect(context.eventType == .explosionsRemoteViolence)
        #expect(context.trigger == "Shelling")
    }

    @Test func subjectOfTheEventClauseIsTheEventPlace() {
        let context = EventFixture.context("Kharkiv was shelled again on Monday.", at: "Kharkiv")
        #expect(context.role == .event)
        #expect(context.trigger == "shelled")
    }

    @Test func demonymActorIsOnlyMentioned() {
        let context = EventFixture.context("Russian forces shelled the port.", at: "Russian", kind: .country, form: .demonym)
        #expect(context.eventType == .explosionsRemoteViolence)
        #expect(context.role == .mention)
    }

    @Test func possessorIsNotTheEventPlace() {
        let context = EventFixture.context("Russia's army attacked the town.", at: "Russia", kind: .country)
        #expect(context.role == .mention)
    }

    @Test func datelineKeepsItsRole() {
        let context = EventFixture.context("KYIV, Ukraine — Drones attacked the capital.", at: "KYIV", cues: [.dateline])
        #expect(context.role == .dateline)
        #expect(context.eventType == .explosionsRemoteViolence)
    }

    @Test func sentenceWithoutTriggerIsOtherAndMention() {
        let context = EventFixture.context("The mayor of Lviv spoke to reporters.", at: "Lviv")
        #expect(context.eventType == .other)
        #expect(context.trigger.isEmpty)
        #expect(context.role == .mention)
    }

    @Test func prepositionFarFromTheTriggerIsOnlyAMention() {
        let sentence = "Back in Kyiv, parliament approved a bill on Tuesday raising payments to families who lost their homes to shelling."
        let context = EventFixture.context(sentence, at: "Kyiv")
        #expect(context.trigger == "shelling")
        #expect(context.role == .mention)
    }

    @Test func containerPhraseLeadsToThePreposition() {
        let context = EventFixture.context("Clashes broke out in the southern port city of Mykolaiv.", at: "Mykolaiv")
        #expect(context.role == .event)
        #expect(context.eventType == .battles)
    }

    @Test func eachMentionOfADocumentGetsItsContext() {
        let text = Tokenizer().tokenize("Protesters rallied in Lviv. Missiles struck Kharkiv overnight.")
        let mentions = [EventFixture.mention("Lviv", in: text), EventFixture.mention("Kharkiv", in: text)]
        let contexts = EventContextReader(documentDate: CalendarDate(iso: "2024-06-12")).contexts(text: text, mentions: mentions)
        #expect(contexts.map(\.sentence) == [0, 1])
        #expect(contexts.map(\.eventType) == [.protests, .explosionsRemoteViolence])
        #expect(contexts.map { $0.eventDate?.description } == ["2024-06-12", "2024-06-11"])
    }
}
