import Foundation

/// Draws features on a standalone SVG map with country outlines, labels and a legend.
///
/// The map is an equirectangular view zoomed to the located features (see `MapProjection`);
/// when places finer than a country exist, they alone set the window, so a country's centre
/// far away does not shrink the map, and country points outside it are counted in the caption.
/// Points are coloured by ``EventCategory``, sized by mention count and labelled with place
/// names; labels that would overlap are dropped, lowest-ranked first. A title, a legend of the
/// event types shown, a scale bar and a caption with counts frame the map. All text is
/// escaped for XML.
public struct SVGMapWriter: Sendable {
    /// Title shown above the map, usually the layer name.
    public var title: String
    /// Country outlines drawn under the points.
    public var outlines: WorldOutlines
    /// Canvas width in pixels.
    public var width: Double = 1000
    /// Map height in pixels (the canvas adds a header and a footer).
    public var mapHeight: Double = 600

    static let headerHeight = 64.0
    static let footerHeight = 40.0
    static let labelFontSize = 12.0

    /// Creates a writer with a title and the outlines to draw.
    public init(title: String, outlines: WorldOutlines) {
        self.title = title
        self.outlines = outlines
    }

    /// The SVG document for `features`.
    public func render(_ features: [MapFeature]) -> String {
        var tally = MapPlaceTally()
        for feature in features { tally.add(feature) }
        return render(tally)
    }

    /// The SVG document for the places of a layer tallied as its features arrived.
    func render(_ tally: MapPlaceTally) -> String {
        let places = tally.places
        let frame = (x: 0.0, y: Self.headerHeight, width: width, height: mapHeight)
        // A country's point is its centre, not where anything happened: when finer places
        // exist, they alone decide the window, and country points outside it are not drawn.
        let finer = places.filter { $0.kind != "country" }
        let focus = finer.isEmpty ? places : finer
        let projection = MapProjection(fitting: focus.map { ($0.lon, $0.lat) }, frame: frame)
        let height = Self.headerHeight + mapHeight + Self.footerHeight
        let mentionTotal = tally.locatedMentions

        var svg = SVGText()
        svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.line("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">")
        svg.line("<title>\(x(title))</title>")
        svg.line("<defs><clipPath id=\"map-clip\"><rect x=\"0\" y=\"\(f(frame.y))\" width=\"\(f(width))\" height=\"\(f(mapHeight))\"/></clipPath></defs>")
        svg.line("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        svg.line("<g clip-path=\"url(#map-clip)\">")
        svg.line("<rect x=\"0\" y=\"\(f(frame.y))\" width=\"\(f(width))\" height=\"\(f(mapHeight))\" fill=\"#dce9f2\"/>")
        writeOutlines(&svg, projection: projection, highlighted: tally.countryCodes)
        writeGraticule(&svg, projection: projection)
        svg.line("</g>")

        var placer = MapLabelPlacer(frame: frame, fontSize: Self.labelFontSize)
        let categories = EventCategory.allCases.filter { category in places.contains { $0.category == category } }
        let legendHeight = 24 + Double(categories.count) * 18
        let legend = (x: 12.0, y: frame.y + mapHeight - legendHeight - 12, width: 230.0, height: legendHeight)
        if !categories.isEmpty {
            placer.reserveRect(x: legend.x, y: legend.y, width: legend.width, height: legend.height)
        }
        let projected = places.map { place in (place, projection.project(lon: place.lon, lat: place.lat)) }
            .filter { _, point in
                point.x >= frame.x && point.x <= frame.x + frame.width
                    && point.y >= frame.y && point.y <= frame.y + frame.height
            }
        let outside = places.count - projected.count
        for (place, point) in projected { placer.reserveCircle(x: point.x, y: point.y, radius: place.radius) }

        svg.line("<g id=\"points\" stroke=\"#ffffff\" stroke-width=\"1.2\">")
        for (place, point) in projected.reversed() {
            svg.line("<circle cx=\"\(f(point.x))\" cy=\"\(f(point.y))\" r=\"\(f(place.radius))\" fill=\"\(place.category.cssColor)\" fill-opacity=\"0.88\"><title>\(x(place.name)): \(place.mentions) mention\(place.mentions == 1 ? "" : "s"), \(x(place.category.rawValue))</title></circle>")
        }
        svg.line("</g>")

        var dropped = 0
        svg.line("<g id=\"labels\" font-size=\"\(f(Self.labelFontSize))\" fill=\"#1f2328\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">")
        for (place, point) in projected {
            guard point.x >= frame.x, point.x <= frame.x + frame.width,
                  point.y >= frame.y, point.y <= frame.y + frame.height else { continue }
            guard let spot = placer.place(place.name, x: point.x, y: point.y, radius: place.radius) else {
                dropped += 1
                continue
            }
            let weight = place.mentions > 1 ? " font-weight=\"bold\"" : ""
            svg.line("<text x=\"\(f(spot.x))\" y=\"\(f(spot.y))\" text-anchor=\"\(spot.anchor)\"\(weight)>\(x(place.name))</text>")
        }
        svg.line("</g>")

        if !categories.isEmpty { writeLegend(&svg, categories: categories, at: legend) }
        writeScaleBar(&svg, projection: projection)
        writeHeader(&svg, placeCount: places.count, mentionTotal: mentionTotal,
                    unlocated: tally.featureCount - tally.locatedCount)
        let caption = "Equirectangular projection centred on \(Self.degrees(projection.centerLat, "N", "S")), "
            + "\(Self.degrees(projection.centerLon, "E", "W")). Point size: mentions. "
            + (dropped > 0 ? "\(dropped) overlapping label\(dropped == 1 ? "" : "s") hidden." : "All places labelled.")
            + (outside > 0 ? " \(outside) country point\(outside == 1 ? "" : "s") outside the view." : "")
        svg.line("<text x=\"12\" y=\"\(f(height - 15))\" font-size=\"11\" fill=\"#57606a\">\(x(caption))</text>")
        svg.line("</svg>")
        return svg.text
    }

    /// Writes the SVG for `features` to `url` atomically.
    ///
    /// - Throws: ``ExportError`` naming the path when the file cannot be written.
    public func write(_ features: [MapFeature], to url: URL) throws {
        try AtomicFileWriter.write(Data(render(features).utf8), to: url)
    }

    private func writeHeader(_ svg: inout SVGText, placeCount: Int, mentionTotal: Int, unlocated: Int) {
        svg.line("<text x=\"12\" y=\"30\" font-size=\"22\" font-weight=\"bold\" fill=\"#1f2328\">\(x(title))</text>")
        var summary = "\(placeCount) place\(placeCount == 1 ? "" : "s") · \(mentionTotal) mention\(mentionTotal == 1 ? "" : "s")"
        if unlocated > 0 { summary += " · \(unlocated) unlocated mention\(unlocated == 1 ? "" : "s") not shown" }
        svg.line("<text x=\"12\" y=\"52\" font-size=\"13\" fill=\"#57606a\">\(x(summary))</text>")
    }

    private func writeLegend(_ svg: inout SVGText, categories: [EventCategory],
                             at box: (x: Double, y: Double, width: Double, height: Double)) {
        svg.line("<g id=\"legend\" font-size=\"12\" fill=\"#1f2328\">")
        svg.line("<rect x=\"\(f(box.x))\" y=\"\(f(box.y))\" width=\"\(f(box.width))\" height=\"\(f(box.height))\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#8c959f\" stroke-width=\"0.8\"/>")
        svg.line("<text x=\"\(f(box.x + 10))\" y=\"\(f(box.y + 17))\" font-weight=\"bold\">Event type</text>")
        for (index, category) in categories.enumerated() {
            let y = box.y + 34 + Double(index) * 18
            svg.line("<circle cx=\"\(f(box.x + 16))\" cy=\"\(f(y - 4))\" r=\"5\" fill=\"\(category.cssColor)\"/>")
            svg.line("<text x=\"\(f(box.x + 28))\" y=\"\(f(y))\">\(x(category.label))</text>")
        }
        svg.line("</g>")
    }
}
