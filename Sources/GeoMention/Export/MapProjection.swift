import Foundation

/// An equirectangular projection fitted to a set of points and a pixel rectangle.
///
/// Longitudes are scaled by the cosine of the central latitude, so shapes near the centre keep
/// their proportions. The window covers the points with a margin, is never smaller than
/// ``minimumSpan`` degrees (a single point still shows its region) and is kept inside the
/// world (longitude −180…180, latitude −85…85) where it fits.
struct MapProjection: Sendable {
    /// Smallest window, in degrees of latitude; longitude follows from the aspect ratio.
    static let minimumSpan = 8.0
    /// Fraction of the points' extent added on every side.
    static let marginFraction = 0.2

    /// Pixel rectangle the map occupies.
    let frame: (x: Double, y: Double, width: Double, height: Double)
    /// Centre of the window in degrees.
    let centerLon: Double, centerLat: Double
    /// Pixels per degree of latitude.
    let scale: Double
    /// Cosine of the central latitude, applied to longitudes.
    let lonFactor: Double

    /// Fits a window around `points` (`(lon, lat)`); the whole world when there are none.
    init(fitting points: [(lon: Double, lat: Double)], frame: (x: Double, y: Double, width: Double, height: Double)) {
        self.frame = frame
        var minLon = -180.0, maxLon = 180.0, minLat = -60.0, maxLat = 80.0
        if let first = points.first {
            (minLon, maxLon, minLat, maxLat) = (first.lon, first.lon, first.lat, first.lat)
            for point in points {
                minLon = min(minLon, point.lon); maxLon = max(maxLon, point.lon)
                minLat = min(minLat, point.lat); maxLat = max(maxLat, point.lat)
            }
            let padLon = (maxLon - minLon) * Self.marginFraction
            let padLat = (maxLat - minLat) * Self.marginFraction
            minLon -= padLon; maxLon += padLon; minLat -= padLat; maxLat += padLat
        }
        var centerLat = (minLat + maxLat) / 2
        var centerLon = (minLon + maxLon) / 2
        let lonFactor = max(cos(min(abs(centerLat), 70) * .pi / 180), 0.3)
        let latSpan = max(maxLat - minLat, Self.minimumSpan)
        let lonSpan = max(maxLon - minLon, Self.minimumSpan / lonFactor * 0.5)
        var scale = min(frame.height / latSpan, frame.width / (lonSpan * lonFactor))
        // Never zoom out further than the whole world.
        scale = max(scale, min(frame.width / (360 * lonFactor), frame.height / 170))
        let halfLat = frame.height / scale / 2
        let halfLon = frame.width / (scale * lonFactor) / 2
        centerLat = Self.clampCenter(centerLat, half: halfLat, limit: 85)
        centerLon = Self.clampCenter(centerLon, half: halfLon, limit: 180)
        self.centerLat = centerLat
        self.centerLon = centerLon
        self.scale = scale
        self.lonFactor = lonFactor
    }

    /// Pixel position of a point.
    func project(lon: Double, lat: Double) -> (x: Double, y: Double) {
        (frame.x + frame.width / 2 + (lon - centerLon) * lonFactor * scale,
         frame.y + frame.height / 2 - (lat - centerLat) * scale)
    }

    /// The visible window in degrees.
    var window: (minLon: Double, maxLon: Double, minLat: Double, maxLat: Double) {
        let halfLon = frame.width / (scale * lonFactor) / 2
        let halfLat = frame.height / scale / 2
        return (centerLon - halfLon, centerLon + halfLon, centerLat - halfLat, centerLat + halfLat)
    }

    /// Kilometres per pixel along the central parallel (and along meridians).
    var kilometresPerPixel: Double { 111.32 / scale }

    /// Moves `center` so that `center ± half` stays within `±limit` when it can.
    private static func clampCenter(_ center: Double, half: Double, limit: Double) -> Double {
        if half >= limit { return 0 }
        return min(max(center, -limit + half), limit - half)
    }
}
