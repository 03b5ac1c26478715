import Foundation
import Testing
@testable import GeoMention

/// The streaming writers give the bytes of the in-memory ones, never show a half-written file
/// under its final name and leave no temporary or spool file behind on any path.
@Suite struct StreamingWriterTests {
    /// The sample features twice over, with an unlocated and a non-finite one, as documents of
    /// uneven size.
    private static var documents: [[MapFeature]] {
        let features = ExportSamples.features + [ExportSamples.nonFinite]
        return [Array(features.prefix(2)), [], Array(features.dropFirst(2)), features.reversed()]
    }

    private static let outlines = try! WorldOutlines.parse(SVGMapWriterTests.outlinesText, path: "test.tsv")

    private func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func geoJSONStreamGivesTheInMemoryBytes() throws {
        for features in [[], ExportSamples.features, Self.documents.flatMap { $0 }] {
            let sink = MemorySink()
            let writer = GeoJSONWriter(layerName: "stream <&> \"test\"")
            let stream = try GeoJSONWriter.Stream(writer: writer, sink: sink)
            for feature in features { try stream.add(feature) }
            try stream.finish()
            #expect(sink.data == writer.data(for: features))
            #expect(stream.featureCount == features.count)
        }
    }

    @Test func kmlStreamThroughAFileSpoolGivesTheInMemoryBytes() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("events.kml")
        let writer = KMLWriter(documentName: "News <events> & more")
        for features in [[], ExportSamples.features, Self.documents.flatMap { $0 }] {
            let file = try AtomicFileStream(url: url)
            let stream = try KMLWriter.Stream(writer: writer, spoolBeside: url)
            for feature in features { try stream.add(feature) }
            // Only the hidden temporary file exists: the spool was unlinked as it was opened.
            let pending = try entries(directory).filter { $0 != "events.kml" }
            #expect(pending.count == 1 && pending[0].hasSuffix(".tmp"))
            let summary = try stream.finish(into: file)
            try file.commit()
            let expected = try writer.render(features)
            #expect(try Data(contentsOf: url) == expected.data)
            #expect(summary.placemarkCount == expected.placemarkCount)
            #expect(summary.skippedWithoutCoordinates == expected.skippedWithoutCoordinates)
            #expect(try entries(directory) == ["events.kml"])
        }
    }

    @Test func kmlStreamValidatesAgainstOGCSchema() throws {
        let stream = try KMLWriter.Stream(writer: KMLWriter(documentName: "d"))
        for feature in Self.documents.flatMap({ $0 }) { try stream.add(feature) }
        let sink = MemorySink()
        _ = try stream.finish(into: sink)
        #expect(try XMLTestSupport.validatesAgainstKMLSchema(sink.data))
    }

    @Test func layerStreamWritesTheInMemoryFilesAtomically() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("new/folder")
        let writer = MapLayerWriter(name: "layer", outlines: Self.outlines)
        let stream = try writer.stream(to: target)
        for document in Self.documents { try stream.add(document) }
        // Nothing under the final names before finish.
        #expect(try entries(target).allSatisfy { $0.hasPrefix(".layer.") && $0.hasSuffix(".tmp") })
        #expect(try entries(target).count == 3)
        let written = try stream.finish()
        #expect(try entries(target) == ["layer.geojson", "layer.kml", "layer.svg"])

        let features = Self.documents.flatMap { $0 }
        let expected = [
            GeoJSONWriter(layerName: "layer").data(for: features),
            try KMLWriter(documentName: "layer").render(features).data,
            Data(SVGMapWriter(title: "layer", outlines: Self.outlines).render(features).utf8),
        ]
        for (file, data) in zip(written, expected) {
            #expect(try Data(contentsOf: file.url) == data, "\(file.url.lastPathComponent)")
        }
        #expect(written.map(\.contents) == ["12 features (4 without coordinates)", "8 placemarks", "map of 4 places"])

        // Documents formatted ahead (as the workers do) give the same files.
        let ahead = directory.appendingPathComponent("ahead")
        let aheadStream = try writer.stream(to: ahead)
        for document in Self.documents { try aheadStream.add(MapLayerWriter.RenderedDocument(document)) }
        #expect(try aheadStream.finish().map(\.contents) == written.map(\.contents))
        for (file, data) in zip(written, expected) {
            #expect(try Data(contentsOf: ahead.appendingPathComponent(file.url.lastPathComponent)) == data)
        }

        // The all-at-once path gives the same files and descriptions.
        let again = directory.appendingPathComponent("again")
        let writtenAgain = try writer.write(features, to: again)
        #expect(writtenAgain.map(\.contents) == written.map(\.contents))
        for (file, data) in zip(writtenAgain, expected) {
            #expect(try Data(contentsOf: file.url) == data)
        }
    }

    @Test func discardedOrDroppedLayerStreamLeavesTheFolderAsItWas() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = Data("old layer".utf8)
        try old.write(to: directory.appendingPathComponent("layer.geojson"))
        let writer = MapLayerWriter(name: "layer", outlines: Self.outlines)

        let discarded = try writer.stream(to: directory)
        try discarded.add(ExportSamples.features)
        discarded.discard()
        #expect(try entries(directory) == ["layer.geojson"])

        do {
            let dropped = try writer.stream(to: directory)
            try dropped.add(ExportSamples.features)
        }
        #expect(try entries(directory) == ["layer.geojson"])
        #expect(try Data(contentsOf: directory.appendingPathComponent("layer.geojson")) == old)
    }

    @Test func failingFinishRemovesEveryTemporaryFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A folder under the SVG's name makes its rename fail after the others.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("layer.svg"),
                                                withIntermediateDirectories: false)
        let stream = try MapLayerWriter(name: "layer", outlines: Self.outlines).stream(to: directory)
        try stream.add(ExportSamples.features)
        #expect(throws: ExportError.self) { try stream.finish() }
        let left = try entries(directory)
        #expect(!left.contains { $0.hasPrefix(".") }, "left behind: \(left)")
        #expect(left == ["layer.geojson", "layer.kml", "layer.svg"])  // the first two were renamed
    }

    @Test func failingSinkStopsTheKMLStream() throws {
        final class FullSink: ExportSink {
            func write(_ bytes: UnsafeRawBufferPointer) throws {
                throw ExportError.writeFailed(path: "full", reason: "No space left on device")
            }
        }
        let stream = try KMLWriter.Stream(writer: KMLWriter(documentName: "d"))
        for feature in ExportSamples.features { try stream.add(feature) }
        #expect(throws: ExportError.writeFailed(path: "full", reason: "No space left on device")) {
            try stream.finish(into: FullSink())
        }
    }

    @Test func atomicFileStreamShowsOnlyTheOldOrTheCompleteFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("file.txt")
        try Data("old".utf8).write(to: url)
        let big = Data(repeating: 0x61, count: 200_000)  // larger than the stream's buffer

        let stream = try AtomicFileStream(url: url)
        try stream.write("new ")
        try stream.write(big)
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        try stream.commit()
        #expect(try Data(contentsOf: url) == Data("new ".utf8) + big)
        #expect(try entries(directory) == ["file.txt"])
        #expect(throws: ExportError.self) { try stream.write("late") }

        let abandoned = try AtomicFileStream(url: url)
        try abandoned.write("never")
        abandoned.discard()
        #expect(try Data(contentsOf: url) == Data("new ".utf8) + big)
        #expect(try entries(directory) == ["file.txt"])
    }

    @Test func spoolCopiesRangesFromMemoryAndFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let chunk = [UInt8](repeating: 0x62, count: 100_000) + Array("tail".utf8)
        for spool in [ExportSpool(), try ExportSpool(beside: directory.appendingPathComponent("x.kml"))] {
            let first = try Array("head".utf8).withUnsafeBytes { try spool.append($0) }
            let second = try chunk.withUnsafeBytes { try spool.append($0) }
            #expect(first == 0 && second == 4 && spool.count == 4 + chunk.count)
            let sink = MemorySink()
            try spool.copy(second..<spool.count, to: sink)
            try spool.copy(0..<4, to: sink)
            #expect(sink.data == Data(chunk + Array("head".utf8)))
            spool.close()
            #expect(throws: ExportError.self) { try spool.copy(0..<1, to: sink) }
        }
        #expect(try entries(directory).isEmpty)
    }

    @Test func regionTallyGivesTheTableOfAllFeatures() {
        let features = Self.documents.flatMap { $0 }
        var tally = RegionTally()
        for document in Self.documents { tally.add(contentsOf: document) }
        #expect(tally.table == RegionTable(features: features))
        #expect(tally.unresolvedMentions == 4)
    }
}
