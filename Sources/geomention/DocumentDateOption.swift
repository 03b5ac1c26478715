import ArgumentParser
import GeoMention

/// `--date`: the day of documents that carry none, for the event dates of `extract`, `map` and
/// `regions`.
struct DocumentDateOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The date of documents that carry none (JSON Lines \"date\" wins), for relative dates such as \"on Tuesday\".",
        valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, date.count != 10 || CalendarDate(iso: date) == nil {
            throw ValidationError("--date takes a day as YYYY-MM-DD, such as 2024-06-12")
        }
    }

    /// The day given, if any.
    var defaultDate: CalendarDate? { date.flatMap(CalendarDate.init(iso:)) }
}
