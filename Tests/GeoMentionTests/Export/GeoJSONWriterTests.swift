import Foundation
import Testing
@testable import GeoMention

@Suite struct GeoJSONWriterTests {
    private func parsed(_ features: [MapFeature], layer: String = "events") throws -> [String: Any] {
        let data = GeoJSONWriter(layerName: layer).data(for: features)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func featureObjects(_ collection: [String: Any]) throws -> [[String: Any]] {
        try #require(collection["features"] as? [[String: Any]])
    }

    @Test func writesFeatureCollectionWithLayerNameAndNoCRS() throws {
        let collection = try parsed(ExportSamples.features, layer: "Syria <news>")
        #expect(collection["type"] as? String == "FeatureCollection")
        #expect(collection["name"] as? String == "Syria <news>")
        #expect(collection["crs"] == nil)
        #expect(try featureObjects(collection).count == ExportSamples.features.count)
    }

    @Test func writesLongitudeBeforeLatitudeWithSixDecimals() throws {
        let text = GeoJSONWriter(layerName: "l").text(for: [ExportSamples.features[0]])
        #expect(text.contains("\"coordinates\":[37.134260,36.202105]"))
        let feature = try #require(try featureObjects(try parsed([ExportSamples.features[0]])).first)
        let geometry = try #require(feature["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point")
        let coordinates = try #require(geometry["coordinates"] as? [Double])
        #expect(coordinates == [37.13426, 36.202105])
    }

    @Test func neverWritesExponentsOrNegativeZero() {
        let text = GeoJSONWriter(layerName: "l").text(for: [ExportSamples.features[4]])
        #expect(text.contains("\"coordinates\":[0.000010,0.000000]"))
        #expect(!text.contains("e-"))
    }

    @Test func writesNullGeometryForUnresolvedAndNonFiniteFeatures() throws {
        let objects = try featureObjects(try parsed([ExportSamples.features[3], ExportSamples.nonFinite]))
        #expect(objects.count == 2)
        for object in objects {
            #expect(object["geometry"] is NSNull)
        }
        let text = GeoJSONWriter(layerName: "l").text(for: [ExportSamples.nonFinite])
        #expect(!text.contains("nan") && !text.contains("inf"))
    }

    @Test func writesStableIdsAndEveryFieldAsFlatProperty() throws {
        let objects = try featureObjects(try parsed(ExportSamples.features))
        #expect(objects.map { $0["id"] as? String } == ExportSamples.features.map(\.id))
        let properties = try #require(objects[0]["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(MapFeature.fields.map(\.name)))
        #expect(properties["name"] as? String == "Aleppo")
        #expect(properties["country_code"] as? String == "SY")
        #expect(properties["country_code3"] as? String == "SYR")
        #expect(properties["admin1_code"] as? String == "SY-02")
        #expect(properties["geonameid"] as? Int == 170_063)
        #expect(properties["mentions"] as? Int == 3)
        #expect(properties["event_type"] as? String == "battles")
        #expect(properties["event_date"] as? String == "2024-03-04")
        #expect(properties["time_precision"] as? Int == 1)
        #expect(properties["geo_precision"] as? Int == 1)
        #expect(properties["confidence"] as? Double == 0.92)
        #expect(properties["start"] as? Int == 120)
        #expect(properties["end"] as? Int == 126)
        let unresolved = try #require(objects[3]["properties"] as? [String: Any])
        #expect(unresolved["geonameid"] is NSNull)
        #expect(unresolved["event_date"] is NSNull)
    }

    @Test func writesPropertiesInSharedFieldOrder() {
        let text = GeoJSONWriter(layerName: "l").text(for: [ExportSamples.features[0]])
        let positions = MapFeature.fields.compactMap { text.range(of: "\"\($0.name)\":")?.lowerBound }
        #expect(positions.count == MapFeature.fields.count)
        #expect(positions == positions.sorted())
    }

    @Test func escapesHostileTextSoItRoundTrips() throws {
        let hostile = ExportSamples.features[4]
        let data = GeoJSONWriter(layerName: "a\"b\\c\n").data(for: [hostile])
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\\u0001") && text.contains("\\u001f") && text.contains("\\u2028"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(collection["name"] as? String == "a\"b\\c\n")
        let feature = try #require((collection["features"] as? [[String: Any]])?.first)
        #expect(feature["id"] as? String == hostile.id)
        let properties = try #require(feature["properties"] as? [String: Any])
        #expect(properties["context"] as? String == ExportSamples.hostileContext)
        #expect(properties["name"] as? String == "Null <Island> & \"Co\"")
        #expect(properties["reason"] as? String == "it's \"near\" ]]> & <here>")
    }

    @Test func isDeterministic() {
        let writer = GeoJSONWriter(layerName: "l")
        #expect(writer.data(for: ExportSamples.features) == writer.data(for: ExportSamples.features))
    }

    @Test func writesEmptyCollection() throws {
        let collection = try parsed([])
        #expect(try featureObjects(collection).isEmpty)
    }

    @Test func writesFileAtomically() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("out/events.geojson")
        try GeoJSONWriter(layerName: "l").write(ExportSamples.features, to: url)
        #expect(try Data(contentsOf: url) == GeoJSONWriter(layerName: "l").data(for: ExportSamples.features))
    }
}
