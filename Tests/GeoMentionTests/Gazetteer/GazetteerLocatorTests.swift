import Foundation
import Testing
@testable import GeoMention

@Suite struct GazetteerLocatorTests {
    @Test func explicitPathIsTheOnlyCandidate() {
        let locator = GazetteerLocator(explicitPath: "/data/gaz", environment: ["GEOMENTION_GAZETTEER": "/env/gaz"])
        #expect(locator.candidates() == ["/data/gaz"])
    }

    @Test func environmentVariableComesBeforeDefaults() {
        let locator = GazetteerLocator(environment: ["GEOMENTION_GAZETTEER": "/env/gaz"], executablePath: "/usr/bin/geomention")
        #expect(locator.candidates() == ["/env/gaz"])
    }

    @Test func defaultsStartNextToTheExecutable() {
        let locator = GazetteerLocator(environment: [:], executablePath: "/opt/geomention/bin/geomention")
        let candidates = locator.candidates()
        #expect(candidates.first == "/opt/geomention/bin/Gazetteer")
        #expect(candidates.contains("/opt/geomention/share/geomention/Gazetteer"))
        #expect(candidates.last?.hasSuffix("/Gazetteer") == true)
    }

    @Test func missingGazetteerErrorListsEveryPathTried() {
        let locator = GazetteerLocator(explicitPath: "/nonexistent/gazetteer", environment: [:])
        #expect(throws: GazetteerError.notFound(tried: ["/nonexistent/gazetteer"])) {
            try Gazetteer.load(locator: locator)
        }
        let message = GazetteerError.notFound(tried: ["/a", "/b"]).description
        #expect(message.contains("/a, /b"))
        #expect(message.contains("--gazetteer"))
    }
}
