import Foundation
import GeoMentionTestSupport
import Testing

/// `geomention map` end to end, on the team's fixture dispatch and the bundled world gazetteer.
@Suite struct MapCommandTests {
    /// Every property the issue names, plus the extras the layer carries.
    static let properties = [
        "name", "mention", "kind", "country_code", "country", "admin1_code", "admin1", "geonameid", "mentions",
        "context", "event_type", "trigger", "role", "event_date", "time_precision", "geo_precision", "confidence",
        "reason", "doc_id", "doc_title", "url", "doc_date", "country_code3", "start", "end",
    ]

    /// Runs `map` on the fixture into a fresh folder; returns the folder and the output.
    private func mapFixture(_ extra: [String] = []) throws -> (URL, CommandRunner.Output) {
        let directory = try LayerFixtures.temporaryDirectory()
        let output = try CommandRunner.run(["map", LayerFixtures.dispatch.path, "--output-dir", directory.path,
                                            "--name", "fx"] + extra)
        return (directory, output)
    }

    @Test func writesThreeFilesAndPrintsASummary() throws {
        let before = try Data(contentsOf: LayerFixtures.dispatch)
        let (directory, output) = try mapFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0, "stderr: \(output.standardError)")
        #expect(output.standardOutput.hasPrefix("Mapped 1 document, 9 mentions, 7 places, 0 unresolved names."))
        for (file, contents) in [("fx.geojson", "7 features"), ("fx.kml", "7 placemarks"), ("fx.svg", "map of 7 places")] {
            #expect(output.standardOutput.contains("Wrote \(directory.path)/\(file): \(contents)\n"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["fx.geojson", "fx.kml", "fx.svg"])  // no temporary files left
        #expect(try Data(contentsOf: LayerFixtures.dispatch) == before)  // the input is never written
        #expect(output.standardError.isEmpty)
    }

    @Test func geoJSONHasLonLatPointsAndEveryProperty() throws {
        let (directory, output) = try mapFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0)
        let data = try Data(contentsOf: directory.appendingPathComponent("fx.geojson"))
        let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        #expect(collection["name"] as? String == "fx")
        #expect(collection["crs"] == nil)
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == 7)
        for feature in features {
            let properties = try #require(feature["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(Self.properties))
        }
        let kharkiv = try #require(features.first { $0["id"] as? String == "fixture-1#gn:706483" })
        let geometry = try #require(kharkiv["geometry"] as? [String: Any])
        let coordinates = try #require(geometry["coordinates"] as? [Double])
        #expect(abs(coordinates[0] - 36.25) < 0.05 && abs(coordinates[1] - 49.98) < 0.05)  // [lon, lat]
        let properties = try #require(kharkiv["properties"] as? [String: Any])
        #expect(properties["mentions"] as? Int == 2)
        #expect(properties["event_type"] as? String == "explosions/remote violence")
        #expect(properties["trigger"] as? String == "struck")
        #expect(properties["role"] as? String == "event")
        #expect(properties["event_date"] as? String == "2024-06-10")  // "on Monday" before Wednesday 12 June
        #expect(properties["time_precision"] as? Int == 1)
        #expect(properties["geo_precision"] as? Int == 1)
        #expect(properties["country"] as? String == "Ukraine")
        #expect(properties["doc_title"] as? String == "Strikes on Kharkiv, protest in Odesa")
        #expect(properties["url"] as? String == "https://news.example/fixture-1")
        let odesa = try #require(features.first { ($0["properties"] as? [String: Any])?["name"] as? String == "Odesa" })
        #expect((odesa["properties"] as? [String: Any])?["event_type"] as? String == "protests")
    }

    @Test func kmlValidatesAgainstTheOGCSchema() throws {
        let (directory, output) = try mapFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0)
        #expect(FileManager.default.fileExists(atPath: LayerFixtures.kmlSchema.path))
        #expect(LayerFixtures.validatesAgainstKMLSchema(directory.appendingPathComponent("fx.kml")))
    }

    @Test(.enabled(if: OgrInfo.executable != nil || OgrInfo.isCI, "ogrinfo is not installed"))
    func ogrinfoOpensBothLayersWithTheirFields() throws {
        let ogrinfo = try #require(OgrInfo.executable, "CI is set but ogrinfo is not installed")
        let (directory, output) = try mapFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0)
        let (geoStatus, geojson) = try OgrInfo.run(ogrinfo, directory.appendingPathComponent("fx.geojson"), driver: nil)
        #expect(geoStatus == 0)
        #expect(geojson.contains("Layer name: fx") && geojson.contains("Feature Count: 7"))
        for field in Self.properties {
            #expect(geojson.contains("\n\(field): "), "GeoJSON field \(field)")
        }
        let kml = directory.appendingPathComponent("fx.kml")
        let (libStatus, libkml) = try OgrInfo.run(ogrinfo, kml, driver: "LIBKML")
        #expect(libStatus == 0 && libkml.contains("using driver `LIBKML' successful"))
        for field in Self.properties.map({ ["name": "place_name", "end": "end_offset"][$0] ?? $0 }) {
            #expect(libkml.contains("\n\(field): "), "LIBKML field \(field)")
        }
        // The old KML driver reads Name and Description only: check the region layers and the facts.
        let (kmlStatus, oldKML) = try OgrInfo.run(ogrinfo, kml, driver: "KML", summaryOnly: false)
        #expect(kmlStatus == 0 && oldKML.contains("using driver `KML' successful"))
        #expect(oldKML.contains("Layer name: Kharkiv Oblast\n"))
        #expect(oldKML.contains("Layer name: Ukraine (country level)\n"))
        #expect(oldKML.contains("Name (String) = Kharkiv\n"))
        #expect(oldKML.contains("Event type</th><td>explosions/remote violence"))
        #expect(oldKML.contains("Event date</th><td>2024-06-10 (time precision 1: day)"))
    }

    @Test func mentionGranularityGivesOneFeaturePerMention() throws {
        let (directory, output) = try mapFixture(["--granularity", "mention"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("fx.geojson: 9 features"))
    }

    @Test func missingInputExits66AndWritesNothing() throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("nope.jsonl").path
        let output = try CommandRunner.run(["map", missing, "--output-dir", directory.appendingPathComponent("out").path])
        #expect(output.status == 66)
        #expect(output.standardError.contains(missing))
        #expect(output.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    @Test func partialFailureExits1AndMapsTheRest() throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.txt").path
        let output = try CommandRunner.run(["map", missing, LayerFixtures.dispatch.path, "--output-dir", directory.path])
        #expect(output.status == 1)
        #expect(output.standardError.contains(missing))
        #expect(output.standardOutput.contains("Mapped 1 document"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("layer.geojson").path))
    }

    @Test func unwritableOutputExits74() throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let output = try CommandRunner.run(["map", LayerFixtures.dispatch.path, "--output-dir", blocker.path])
        #expect(output.status == 74)
        #expect(output.standardError.contains(blocker.path))
    }

    @Test func withoutInputMapsTheSampleIntoOutput() throws {
        let directory = try LayerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CommandRunner.run(["map"], directory: directory)
        #expect(output.status == 0, "stderr: \(output.standardError)")
        #expect(output.standardOutput.hasPrefix("Mapped 1 document, "))
        #expect(output.standardOutput.contains("Wrote Output/sample.kml: "))
        for ext in ["geojson", "kml", "svg"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Output/sample.\(ext)").path))
        }
    }

    @Test func badDateIsAUsageError() throws {
        let output = try CommandRunner.run(["map", LayerFixtures.dispatch.path, "--date", "12/06/2024"])
        #expect(output.status == 64)
        #expect(output.standardError.contains("YYYY-MM-DD"))
    }
}
