import Foundation
import GeoMentionTestSupport
import Testing
@testable import GeoMention

/// Opens the exported files with GDAL's `ogrinfo`, as QGIS would.
///
/// Skipped when `ogrinfo` is not installed, unless the environment variable `CI` is set: then
/// a missing `ogrinfo` is a failure.
@Suite struct OgrInfoTests {
    static let enabled = OgrInfo.executable != nil || OgrInfo.isCI

    @Test(.enabled(if: enabled, "ogrinfo is not installed"))
    func geoJSONOpensWithEveryField() throws {
        let output = try run(file: "events.geojson", driver: nil) { try GeoJSONWriter(layerName: "events").write(ExportSamples.features, to: $0) }
        #expect(output.contains("using driver `GeoJSON' successful"))
        #expect(output.contains("Layer name: events"))
        #expect(output.contains("Feature Count: \(ExportSamples.features.count)"))
        for field in MapFeature.fields {
            #expect(output.contains("\n\(field.name): "), "field \(field.name) missing")
        }
        #expect(output.contains("\nconfidence: Real"))
        #expect(output.contains("\nmentions: Integer"))
    }

    /// Region folder names and their placemark counts in ``ExportSamples/features``.
    static let regionFolders = ["Aleppo Governorate": 2, "Damascus": 1, "Türkiye (country level)": 1]

    @Test(.enabled(if: enabled, "ogrinfo is not installed"))
    func libkmlDriverListsEveryField() throws {
        let output = try run(file: "events.kml", driver: "LIBKML") { try KMLWriter(documentName: "events").write(ExportSamples.features, to: $0) }
        #expect(output.contains("using driver `LIBKML' successful"))
        let layers = Self.featureCounts(output)
        for (region, count) in Self.regionFolders {
            #expect(layers[region] == count, "region folder \(region)")
        }
        for field in MapFeature.fields {
            #expect(output.contains("\n\(field.kmlName): "), "field \(field.kmlName) missing")
        }
    }

    /// GDAL's older `KML` driver reads only `Name` and `Description` of a placemark (it ignores
    /// `ExtendedData` in every form), so this checks what it can show: every region folder as a
    /// layer with its placemarks, and descriptions that carry the event facts as text.
    @Test(.enabled(if: enabled, "ogrinfo is not installed"))
    func kmlDriverShowsRegionLayersNamesAndDescriptions() throws {
        let summary = try run(file: "events.kml", driver: "KML") { try KMLWriter(documentName: "events").write(ExportSamples.features, to: $0) }
        #expect(summary.contains("using driver `KML' successful"))
        #expect(Self.featureCounts(summary) == Self.regionFolders)
        #expect(summary.contains("\nName: String"))
        #expect(summary.contains("\nDescription: String"))

        let details = try run(file: "events.kml", driver: "KML", summaryOnly: false) {
            try KMLWriter(documentName: "events").write(ExportSamples.features, to: $0)
        }
        let aleppo = try #require(details.components(separatedBy: "OGRFeature(").first { $0.contains("Name (String) = Aleppo\n") })
        for fact in ["<b>Aleppo</b>", "Event type</th><td>battles", "Trigger</th><td>clashes", "Role</th><td>event",
                     "Event date</th><td>2024-03-04 (time precision 1: day)", "Geo precision</th><td>1: town",
                     "Country</th><td>Syria (SY, SYR)", "Region</th><td>Aleppo Governorate (SY-02)",
                     "Confidence</th><td>0.92", "Reason</th><td>largest city with that name", "Mentions</th><td>3",
                     "GeoNames id</th><td>170063", "POINT (37.13426 36.202105)"] {
            #expect(aleppo.contains(fact), "KML driver description lacks \(fact)")
        }
    }

    /// Layer name to feature count, from `ogrinfo -al -so` output.
    static func featureCounts(_ output: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var layer: String?
        for line in output.split(separator: "\n") {
            if line.hasPrefix("Layer name: ") {
                layer = String(line.dropFirst("Layer name: ".count))
            } else if line.hasPrefix("Feature Count: "), let name = layer, let count = Int(line.dropFirst("Feature Count: ".count)) {
                if count > 0 { counts[name] = count }
            }
        }
        return counts
    }

    /// Writes a file with `write`, runs `ogrinfo -ro -al [-so]` on it with `driver` forced, returns stdout.
    private func run(file: String, driver: String?, summaryOnly: Bool = true,
                     write: (URL) throws -> Void) throws -> String {
        let executable = try #require(OgrInfo.executable, "CI is set but ogrinfo is not installed")
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(file)
        try write(url)
        let (status, output) = try OgrInfo.run(executable, url, driver: driver, summaryOnly: summaryOnly)
        #expect(status == 0, "ogrinfo exited with \(status): \(output)")
        return output
    }
}
