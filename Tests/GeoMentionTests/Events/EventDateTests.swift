import Testing
@testable import GeoMention

/// Event dates from the document date and the sentence's time expressions.
@Suite struct EventDateTests {
    /// The date and precision for `name` in `sentence` of a document dated Wednesday 12 June 2024.
    private func dated(_ sentence: String, at name: String = "Lviv", date: String? = "2024-06-12") -> (String?, Int?) {
        let context = EventFixture.context(sentence, at: name, date: date)
        return (context.eventDate?.description, context.timePrecision?.rawValue)
    }

    @Test func weekdayIsTheMostRecentOnOrBeforeTheDocumentDate() {
        #expect(dated("Protesters rallied in Lviv on Tuesday.") == ("2024-06-11", 1))
        #expect(dated("Protesters rallied in Lviv on Wednesday.") == ("2024-06-12", 1))
        #expect(dated("Protesters rallied in Lviv on Thursday.") == ("2024-06-06", 1))
        #expect(dated("Protesters rallied in Lviv last Wednesday.") == ("2024-06-05", 1))
    }

    @Test func relativeDays() {
        #expect(dated("Drones struck Lviv yesterday.") == ("2024-06-11", 1))
        #expect(dated("Drones struck Lviv overnight.") == ("2024-06-11", 1))
        #expect(dated("Drones struck Lviv this morning.") == ("2024-06-12", 1))
        #expect(dated("Drones struck Lviv three days ago.") == ("2024-06-09", 1))
    }

    @Test func weeksAndMonthsLowerThePrecision() {
        #expect(dated("Drones struck Lviv last week.") == ("2024-06-05", 2))
        #expect(dated("Drones struck Lviv earlier this week.") == ("2024-06-12", 2))
        #expect(dated("Drones struck Lviv last month.") == ("2024-05-15", 3))
    }

    @Test func explicitDates() {
        #expect(dated("Drones struck Lviv on 3 March 2024.") == ("2024-03-03", 1))
        #expect(dated("Drones struck Lviv on March 3.") == ("2024-03-03", 1))
        #expect(dated("Drones struck Lviv on Sept. 3, 2023.") == ("2023-09-03", 1))
        #expect(dated("Drones struck Lviv on the 3rd March.", date: "2024-06-12") == ("2024-03-03", 1))
        #expect(dated("Drones struck Lviv in March 2022.") == ("2022-03-15", 3))
        // A date without a year more than six months after the document date is last year's.
        #expect(dated("Drones struck Lviv on December 28.", date: "2024-01-05") == ("2023-12-28", 1))
    }

    @Test func noExpressionGivesTheDocumentDate() {
        #expect(dated("Drones struck Lviv.") == ("2024-06-12", 1))
    }

    @Test func distantPastGivesNoDate() {
        #expect(dated("Drones struck Lviv two years ago.") == (nil, nil))
        #expect(dated("Drones struck Lviv in 2022.") == (nil, nil))
    }

    @Test func withoutDocumentDateOnlyFullDatesResolve() {
        #expect(dated("Drones struck Lviv yesterday.", date: nil) == (nil, nil))
        #expect(dated("Drones struck Lviv on Tuesday.", date: nil) == (nil, nil))
        #expect(dated("Drones struck Lviv on 3 March 2024.", date: nil) == ("2024-03-03", 1))
    }

    @Test func nearestExpressionToTheMentionWins() {
        let sentence = "Drones struck Lviv on Monday, and protesters rallied in Rivne on Tuesday."
        #expect(dated(sentence, at: "Lviv") == ("2024-06-10", 1))
        #expect(dated(sentence, at: "Rivne") == ("2024-06-11", 1))
    }

    @Test func monthNameBeforeANumberIsNotATrigger() {
        let context = EventFixture.context("Officials in Lviv met on March 3.", at: "Lviv")
        #expect(context.trigger == "met")
    }
}
