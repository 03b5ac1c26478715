import Foundation
import Testing
@testable import GeoMention

@Suite struct KMLWriterTests {
    private func render(_ features: [MapFeature] = ExportSamples.features) throws -> (KMLWriter.Result, XMLElement) {
        let result = try KMLWriter(documentName: "News <events> & more").render(features)
        return (result, try XMLTestSupport.parse(result.data))
    }

    @Test func writesKML22RootAndDocumentName() throws {
        let (_, root) = try render()
        #expect(root.name == "kml")
        #expect(root.attributes.isEmpty)  // namespace declarations are not attributes
        let document = try #require(root.child("Document"))
        #expect(document.child("name")?.text == "News <events> & more")
        let text = try #require(String(data: try render().0.data, encoding: .utf8))
        #expect(text.contains("<kml xmlns=\"http://www.opengis.net/kml/2.2\">"))
    }

    @Test func groupsPlacemarksByCountryThenRegion() throws {
        let (_, root) = try render()
        let document = try #require(root.child("Document"))
        let countries = document.children("Folder")
        #expect(countries.map { $0.child("name")?.text } == ["Syria", "Türkiye"])
        let syriaRegions = countries[0].children("Folder")
        #expect(syriaRegions.map { $0.child("name")?.text } == ["Aleppo Governorate", "Damascus"])
        #expect(syriaRegions[0].children("Placemark").map { $0.child("name")?.text } == ["Aleppo", "Null <Island> & \"Co\""])
        #expect(syriaRegions[1].children("Placemark").map { $0.child("name")?.text } == ["Damascus"])
        let turkeyRegions = countries[1].children("Folder")
        #expect(turkeyRegions.map { $0.child("name")?.text } == ["Türkiye " + KMLWriter.countryLevelFolderName])
        #expect(turkeyRegions[0].children("Placemark").count == 1)
        #expect(countries.allSatisfy { $0.children("Placemark").isEmpty })
    }

    @Test func leavesOutAndCountsFeaturesWithoutCoordinates() throws {
        let (result, root) = try render(ExportSamples.features + [ExportSamples.nonFinite])
        #expect(result.placemarkCount == 4)
        #expect(result.skippedWithoutCoordinates == 2)
        #expect(root.descendants("Placemark").count == 4)
        #expect(!root.descendants("Placemark").contains { $0.child("name")?.text == "Qasr al-Hayr" })
    }

    @Test func writesPlacemarkChildrenInSchemaOrder() throws {
        let (_, root) = try render()
        let placemark = try #require(root.descendants("Placemark").first)
        #expect(placemark.children.map(\.name) == ["name", "description", "TimeStamp", "styleUrl", "ExtendedData", "Point"])
        #expect(placemark.child("TimeStamp")?.child("when")?.text == "2024-03-04")
        #expect(placemark.child("styleUrl")?.text == "#battles")
        #expect(placemark.child("Point")?.child("coordinates")?.text == "37.134260,36.202105")
    }

    @Test func writesEveryFieldAsDataWithRenamedReservedNames() throws {
        let (_, root) = try render()
        let placemark = try #require(root.descendants("Placemark").first)
        let data = try #require(placemark.child("ExtendedData")).children("Data")
        #expect(data.map { $0.attributes["name"] } == MapFeature.fields.map(\.kmlName))
        let names = Set(data.compactMap { $0.attributes["name"] })
        #expect(names.isDisjoint(with: MapFeature.gdalReservedKMLNames))
        #expect(names.contains("place_name") && names.contains("end_offset"))
        let values = Dictionary(uniqueKeysWithValues: data.map { ($0.attributes["name"] ?? "", $0.child("value")?.text) })
        #expect(values["place_name"] == "Aleppo")
        #expect(values["geonameid"] == "170063")
        #expect(values["confidence"] == "0.92")
        #expect(values["end_offset"] == "126")
    }

    @Test func writesStylePairsPerEventType() throws {
        let (_, root) = try render()
        let document = try #require(root.child("Document"))
        let styles = document.children("Style")
        #expect(styles.count == EventCategory.allCases.count * 2)
        let maps = document.children("StyleMap")
        #expect(maps.map { $0.attributes["id"] } == EventCategory.allCases.map(\.slug))
        let battles = try #require(maps.first)
        #expect(battles.children("Pair").map { $0.child("key")?.text } == ["normal", "highlight"])
        let colors = Set(styles.compactMap { $0.child("IconStyle")?.child("color")?.text })
        #expect(colors.count == EventCategory.allCases.count)
        #expect(colors.contains("ff1c19d7"))  // battles red #d7191c as aabbggrr
    }

    @Test func escapesHostileTextAndKeepsCDATATerminatorInDescription() throws {
        let (result, root) = try render([ExportSamples.features[4]])
        let placemark = try #require(root.descendants("Placemark").first)
        let description = try #require(placemark.child("description")).text
        #expect(description.contains("<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</b>"))
        #expect(description.contains("]]&gt; tail"))
        #expect(description.contains("it&#39;s &quot;near&quot; ]]&gt; &amp; &lt;here&gt;"))
        #expect(!description.contains("<script>"))
        let data = try #require(placemark.child("ExtendedData")).children("Data")
        let context = data.first { $0.attributes["name"] == "context" }?.child("value")?.text
        #expect(context == "Shots near <script>alert('x')</script> & \"Aleppo\" ]]> tail\u{FFFD}\u{FFFD}bell\u{FFFD}\u{2028}end")
        #expect(placemark.child("TimeStamp") == nil)  // 2024-13-99 is not a date
        let text = try #require(String(data: result.data, encoding: .utf8))
        #expect(!text.unicodeScalars.contains { TextEscaping.isForbiddenInXML($0) })
    }

    @Test func splitsCDATAAroundTerminator() throws {
        #expect(XMLDocumentWriter.cdataSections("a]]>b]]>") == ["a]]", ">b]]", ">"])
        #expect(XMLDocumentWriter.cdataSections("plain") == ["plain"])
        let xml = try XMLDocumentWriter(indent: false)
        try xml.startDocument()
        try xml.startElement("d")
        try xml.cdata("x]]>y <b>&")
        try xml.endElement()
        let data = try xml.finish()
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("<![CDATA[x]]]]><![CDATA[>y <b>&]]>"))
        #expect(try XMLTestSupport.parse(data).text == "x]]>y <b>&")
    }

    @Test func validatesAgainstOGCSchema() throws {
        let (result, _) = try render(ExportSamples.features + [ExportSamples.nonFinite])
        #expect(try XMLTestSupport.validatesAgainstKMLSchema(result.data))
        #expect(try XMLTestSupport.validatesAgainstKMLSchema(try KMLWriter(documentName: "empty").render([]).data))
    }

    @Test func schemaValidationRejectsMisorderedPlacemark() throws {
        let bad = """
        <?xml version="1.0" encoding="UTF-8"?>
        <kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><styleUrl>#a</styleUrl><name>x</name></Placemark></kml>
        """
        #expect(try !XMLTestSupport.validatesAgainstKMLSchema(Data(bad.utf8)))
    }

    @Test func writesFileAtomically() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("events.kml")
        let result = try KMLWriter(documentName: "d").write(ExportSamples.features, to: url)
        #expect(try Data(contentsOf: url) == result.data)
    }
}
