import Testing
@testable import GeoMention

/// ACLED-style geographic precision of mentions.
@Suite struct GeoPrecisionTests {
    @Test func townIsOne() {
        #expect(EventFixture.context("Fighting raged in Bakhmut.", at: "Bakhmut").geoPrecision == 1)
    }

    @Test(arguments: ["Fighting raged near Bakhmut.", "Fighting raged outside Bakhmut.",
                      "Fighting raged 10 km north of Bakhmut.", "Fighting raged on the outskirts of Bakhmut."])
    func nearATownIsTwo(sentence: String) {
        let context = EventFixture.context(sentence, at: "Bakhmut")
        #expect(context.isNear)
        #expect(context.geoPrecision == 2)
        #expect(context.role == .event)
    }

    @Test func secondLevelUnitIsTwo() {
        #expect(EventFixture.context("Shelling hit Nikopol district.", at: "Nikopol district", kind: .admin2).geoPrecision == 2)
    }

    @Test(arguments: [PlaceKind.admin1, .region, .physical])
    func regionsAreThree(kind: PlaceKind) {
        #expect(EventFixture.context("Fighting raged near Donbas.", at: "Donbas", kind: kind).geoPrecision == 3)
    }

    @Test func countryIsFour() {
        #expect(EventFixture.context("Drones struck Ukraine.", at: "Ukraine", kind: .country).geoPrecision == 4)
    }

    @Test func unresolvedHasNone() {
        #expect(EventFixture.context("Fighting raged near Qasr.", at: "Qasr", kind: nil).geoPrecision == nil)
    }
}
