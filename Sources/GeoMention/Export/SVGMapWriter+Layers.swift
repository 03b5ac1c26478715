import Foundation

extension SVGMapWriter {
    /// Writes the country outlines that intersect the visible window as one path each.
    func writeOutlines(_ svg: inout SVGText, projection: MapProjection, highlighted: Set<String>) {
        let window = projection.window
        svg.line("<g id=\"countries\" stroke=\"#a39e93\" stroke-width=\"0.7\" stroke-linejoin=\"round\">")
        for country in outlines.countries {
            var path = ""
            for polygon in country.polygons {
                guard let outer = polygon.first else { continue }
                let lons = outer.map(\.lon), lats = outer.map(\.lat)
                guard let minLon = lons.min(), let maxLon = lons.max(), let minLat = lats.min(), let maxLat = lats.max(),
                      maxLon >= window.minLon, minLon <= window.maxLon, maxLat >= window.minLat, minLat <= window.maxLat
                else { continue }
                for ring in polygon {
                    for (index, point) in ring.enumerated() {
                        let p = projection.project(lon: point.lon, lat: point.lat)
                        path += (index == 0 ? "M" : "L") + f(p.x, 1) + " " + f(p.y, 1)
                    }
                    path += "Z"
                }
            }
            guard !path.isEmpty else { continue }
            let fill = highlighted.contains(country.iso2) ? "#efe6cf" : "#f7f5f0"
            svg.line("<path fill=\"\(fill)\" fill-rule=\"evenodd\" d=\"\(path)\"><title>\(x(country.name))</title></path>")
        }
        svg.line("</g>")
    }

    /// Writes faint parallels and meridians at a round spacing.
    func writeGraticule(_ svg: inout SVGText, projection: MapProjection) {
        let window = projection.window
        let span = window.maxLat - window.minLat
        let step = [1.0, 2, 5, 10, 15, 30].first { span / $0 <= 8 } ?? 30
        var path = ""
        var lat = (max(window.minLat, -85) / step).rounded(.up) * step
        while lat <= min(window.maxLat, 85) {
            let a = projection.project(lon: max(window.minLon, -180), lat: lat)
            let b = projection.project(lon: min(window.maxLon, 180), lat: lat)
            path += "M\(f(a.x, 1)) \(f(a.y, 1))L\(f(b.x, 1)) \(f(b.y, 1))"
            lat += step
        }
        var lon = (max(window.minLon, -180) / step).rounded(.up) * step
        while lon <= min(window.maxLon, 180) {
            let a = projection.project(lon: lon, lat: max(window.minLat, -85))
            let b = projection.project(lon: lon, lat: min(window.maxLat, 85))
            path += "M\(f(a.x, 1)) \(f(a.y, 1))L\(f(b.x, 1)) \(f(b.y, 1))"
            lon += step
        }
        if !path.isEmpty {
            svg.line("<path id=\"graticule\" fill=\"none\" stroke=\"#7f93a3\" stroke-opacity=\"0.25\" stroke-width=\"0.6\" d=\"\(path)\"/>")
        }
    }

    /// Writes a scale bar of a round length in the lower right corner of the map.
    func writeScaleBar(_ svg: inout SVGText, projection: MapProjection) {
        let target = projection.kilometresPerPixel * 120
        let magnitude = pow(10, (log10(target)).rounded(.down))
        let length = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let pixels = length / projection.kilometresPerPixel
        let right = width - 16, bottom = Self.headerHeight + mapHeight - 16
        let label = (NumberText.compact(length) ?? "") + " km"
        svg.line("<g id=\"scale\" font-size=\"11\" fill=\"#1f2328\">")
        svg.line("<rect x=\"\(f(right - pixels - 8))\" y=\"\(f(bottom - 26))\" width=\"\(f(pixels + 16))\" height=\"32\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>")
        svg.line("<path d=\"M\(f(right - pixels)) \(f(bottom - 4))v4h\(f(pixels))v-4\" fill=\"none\" stroke=\"#1f2328\" stroke-width=\"1.5\"/>")
        svg.line("<text x=\"\(f(right - pixels / 2))\" y=\"\(f(bottom - 10))\" text-anchor=\"middle\">\(x(label))</text>")
        svg.line("</g>")
    }

    /// `value` with `decimals` fixed decimals (two by default).
    func f(_ value: Double, _ decimals: Int = 2) -> String {
        NumberText.fixed(value, decimals: decimals) ?? "0"
    }

    /// `text` escaped for XML content and attributes.
    func x(_ text: String) -> String {
        TextEscaping.html(text)
    }

    /// `value` in degrees with a hemisphere letter, such as `36.2°N`.
    static func degrees(_ value: Double, _ positive: String, _ negative: String) -> String {
        (NumberText.fixed(abs(value), decimals: 1) ?? "0") + "°" + (value < 0 ? negative : positive)
    }
}

/// Accumulates SVG text line by line.
struct SVGText {
    private(set) var text = ""

    mutating func line(_ line: String) {
        text += line
        text += "\n"
    }
}
