import Foundation
import Testing
@testable import GeoMention

@Suite struct SVGMapWriterTests {
    /// Two square "countries" and a triangle far away, in the outlines file format.
    static let outlinesText = """
        iso2\tiso3\tname\tcontinent\trings
        SY\tSYR\tSyria & <Co>\tAS\t35 32,42 32,42 37.5,35 37.5,35 32
        TR\tTUR\tTürkiye\tAS\t26 36,45 36,45 42,26 42,26 36|30 41,31 41,31 42,30 41;30.2 41.2,30.5 41.2,30.5 41.5,30.2 41.2
        BR\tBRA\tBrazil\tSA\t-70 -30,-40 -30,-50 0,-70 -30

        """

    private func outlines() throws -> WorldOutlines {
        try WorldOutlines.parse(Self.outlinesText, path: "test.tsv")
    }

    @Test func loadsOutlinesWithPolygonsAndHoles() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("world-110m.tsv")
        try Data(Self.outlinesText.utf8).write(to: url)
        let world = try WorldOutlines.load(from: url)
        #expect(world.countries.map(\.iso2) == ["SY", "TR", "BR"])
        #expect(world.countries[0].name == "Syria & <Co>")
        #expect(world.countries[1].polygons.count == 2)
        #expect(world.countries[1].polygons[1].count == 2)
        #expect(world.countries[0].polygons[0][0].first == WorldOutlines.GeoPoint(lon: 35, lat: 32))
    }

    @Test func reportsMissingAndMalformedOutlinesFiles() throws {
        #expect(throws: ExportError.self) { try WorldOutlines.load(from: URL(fileURLWithPath: "/nonexistent/world.tsv")) }
        #expect(throws: ExportError.outlinesMalformed(path: "w.tsv", line: 1, reason: "expected header \"iso2\\tiso3\\tname\\tcontinent\\trings\"")) {
            try WorldOutlines.parse("code\tname\n", path: "w.tsv")
        }
        #expect(throws: ExportError.outlinesMalformed(path: "w.tsv", line: 3, reason: "bad point \"1 x\" in B")) {
            try WorldOutlines.parse(WorldOutlines.header + "\nA\tAAA\tA\tEU\t0 0,1 0,1 1\nB\tBBB\tB\tEU\t0 0,1 x,2 2\n", path: "w.tsv")
        }
        #expect(throws: ExportError.outlinesMalformed(path: "w.tsv", line: 2, reason: "expected 5 tab-separated columns, found 2")) {
            try WorldOutlines.parse(WorldOutlines.header + "\nA\tAAA\n", path: "w.tsv")
        }
    }

    @Test func drawsWellFormedMapWithPointsLabelsLegendAndCaption() throws {
        let svg = SVGMapWriter(title: "News <map> & \"more\"", outlines: try outlines()).render(ExportSamples.features)
        let root = try XMLTestSupport.parse(Data(svg.utf8))
        #expect(root.name == "svg")
        #expect(root.child("title")?.text == "News <map> & \"more\"")
        let circles = root.descendants("g").first { $0.attributes["id"] == "points" }?.children("circle") ?? []
        #expect(circles.count == 4)  // four located places; the unresolved one is not drawn
        let fills = Set(circles.compactMap { $0.attributes["fill"] })
        #expect(fills.contains(EventCategory.battles.cssColor))
        #expect(fills.contains(EventCategory.riots.cssColor))
        let labels = root.descendants("g").first { $0.attributes["id"] == "labels" }?.children("text").map(\.text) ?? []
        #expect(labels.contains("Aleppo") && labels.contains("Damascus"))
        let legend = root.descendants("g").first { $0.attributes["id"] == "legend" }?.children("text").map(\.text) ?? []
        #expect(legend == ["Event type", "Battles", "Riots", "Strategic developments", "Diplomacy"])
        let texts = root.descendants("text").map(\.text)
        #expect(texts.contains("4 places · 7 mentions · 1 unlocated mention not shown"))
        #expect(root.descendants("path").contains { $0.child("title")?.text == "Syria & <Co>" })
        // Brazil lies outside the zoomed window and is not drawn.
        #expect(!root.descendants("path").contains { $0.child("title")?.text == "Brazil" })
    }

    @Test func sizesPointsByMentions() throws {
        let svg = SVGMapWriter(title: "t", outlines: try outlines()).render(ExportSamples.features)
        let root = try XMLTestSupport.parse(Data(svg.utf8))
        let circles = root.descendants("circle").filter { $0.child("title") != nil }
        let aleppo = try #require(circles.first { $0.child("title")?.text.hasPrefix("Aleppo:") == true })
        let damascus = try #require(circles.first { $0.child("title")?.text.hasPrefix("Damascus:") == true })
        #expect(Double(aleppo.attributes["r"] ?? "0")! > Double(damascus.attributes["r"] ?? "0")!)
    }

    @Test func escapesHostileLabelsAndTitles() throws {
        let svg = SVGMapWriter(title: "<script>alert(1)</script> ]]> \u{01}", outlines: try outlines())
            .render([ExportSamples.features[4]])
        #expect(!svg.contains("<script>"))
        #expect(!svg.unicodeScalars.contains { TextEscaping.isForbiddenInXML($0) })
        let root = try XMLTestSupport.parse(Data(svg.utf8))
        #expect(root.child("title")?.text == "<script>alert(1)</script> ]]> \u{FFFD}")
        #expect(root.descendants("text").contains { $0.text == "Null <Island> & \"Co\"" })
    }

    @Test func dropsOverlappingLabelsButKeepsTopRanked() throws {
        let crowd = (0..<12).map { index in
            MapFeature(id: "c#\(index)", latitude: 36.2 + Double(index) * 0.01, longitude: 37.1,
                       name: "Village number \(index)", mentions: index == 5 ? 9 : 1, eventType: "battles")
        }
        let svg = SVGMapWriter(title: "crowd", outlines: try outlines()).render(crowd)
        let root = try XMLTestSupport.parse(Data(svg.utf8))
        let labels = root.descendants("g").first { $0.attributes["id"] == "labels" }?.children("text").map(\.text) ?? []
        #expect(labels.first == "Village number 5")
        #expect(labels.count < crowd.count)
        #expect(root.descendants("text").contains { $0.text.contains("overlapping labels hidden") })
    }

    @Test func singlePointStillShowsItsRegion() {
        let projection = MapProjection(fitting: [(37.1, 36.2)], frame: (0, 0, 1000, 600))
        let window = projection.window
        #expect(window.maxLat - window.minLat >= MapProjection.minimumSpan - 1e-9)
        #expect(window.minLon < 37.1 && window.maxLon > 37.1)
        let center = projection.project(lon: 37.1, lat: 36.2)
        #expect(abs(center.x - 500) < 1e-6 && abs(center.y - 300) < 1e-6)
    }

    @Test func worldViewStaysInsideTheWorld() {
        let projection = MapProjection(fitting: [(-170, -80), (170, 80)], frame: (0, 0, 1000, 600))
        let window = projection.window
        #expect(window.minLat >= -85.0001 || window.maxLat - window.minLat > 170)
        #expect(window.minLon >= -180.0001 || window.maxLon - window.minLon > 360)
    }

    @Test func drawsWorldWhenNothingIsLocated() throws {
        let svg = SVGMapWriter(title: "none", outlines: try outlines()).render([ExportSamples.features[3]])
        let root = try XMLTestSupport.parse(Data(svg.utf8))
        #expect(root.descendants("path").contains { $0.child("title")?.text == "Brazil" })
        #expect(root.descendants("g").first { $0.attributes["id"] == "legend" } == nil)
    }
}
