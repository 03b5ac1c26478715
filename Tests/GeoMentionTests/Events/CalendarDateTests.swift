import Testing
@testable import GeoMention

@Suite struct CalendarDateTests {
    @Test func readsISODatesAndRejectsOthers() {
        #expect(CalendarDate(iso: "2024-06-12")?.description == "2024-06-12")
        #expect(CalendarDate(iso: "2024-06-12T08:30:00Z")?.description == "2024-06-12")
        for bad in ["2024-02-30", "2023-02-29", "2024-6-1", "2024-06", "June 12", "", "2024-06-123"] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func weekdaysAndDayArithmetic() throws {
        let wednesday = try #require(CalendarDate(iso: "2024-06-12"))
        #expect(wednesday.weekday == 3)
        #expect(wednesday.latest(weekday: 2).description == "2024-06-11")
        #expect(wednesday.latest(weekday: 3) == wednesday)
        #expect(CalendarDate(iso: "2024-03-01")!.adding(days: -1).description == "2024-02-29")
        #expect(CalendarDate(iso: "2023-12-31")!.adding(days: 1).description == "2024-01-01")
        #expect(CalendarDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate(dayNumber: -1).description == "1969-12-31")
    }
}
