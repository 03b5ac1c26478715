import Foundation

/// Distances on the Earth's surface.
enum GreatCircle {
    /// Mean Earth radius in kilometres.
    static let earthRadius = 6371.0

    /// A point in degrees with its latitude in radians and the latitude's cosine, worked out once
    /// for a point that is measured against many others.
    struct Point {
        let latitude: Double
        let longitude: Double
        /// The latitude in radians.
        let phi: Double
        let cosPhi: Double

        init(latitude: Double, longitude: Double) {
            self.latitude = latitude
            self.longitude = longitude
            phi = latitude * .pi / 180
            cosPhi = cos(phi)
        }
    }

    /// The haversine of the central angle of `kilometres`: sin²(d / 2R).
    static func haversine(ofDistance kilometres: Double) -> Double {
        let half = sin(kilometres / (2 * earthRadius))
        return half * half
    }

    /// A lower bound, without trigonometry, on the haversine of the central angle between `b`
    /// and a point at `longitude` whose latitude's cosine is at least `cosLatitudeFloor` (the
    /// `h` of ``distance(_:_:)-(Point,Point)``): its longitude term cos φa · cos φb · sin²(Δλ/2),
    /// with sin(Δλ/2) ≥ Δλ/π for Δλ folded into [0, π].
    @inline(__always)
    static func haversineLowerBound(longitude: Double, cosLatitudeFloor: Double, _ b: Point) -> Double {
        var degrees = abs(b.longitude - longitude)
        guard degrees <= 360 else { return 0 }
        if degrees > 180 { degrees = 360 - degrees }
        let fraction = degrees / 180
        return cosLatitudeFloor * b.cosPhi * fraction * fraction
    }

    /// Haversine distance in kilometres between two points given in degrees.
    static func distance(_ a: (latitude: Double, longitude: Double), _ b: (latitude: Double, longitude: Double)) -> Double {
        distance(Point(latitude: a.latitude, longitude: a.longitude), Point(latitude: b.latitude, longitude: b.longitude))
    }

    /// Haversine distance in kilometres between two prepared points.
    @inline(__always)
    static func distance(_ a: Point, _ b: Point) -> Double {
        let dPhi = b.phi - a.phi, dLambda = (b.longitude - a.longitude) * .pi / 180
        let sinHalfPhi = sin(dPhi / 2), sinHalfLambda = sin(dLambda / 2)
        let h = sinHalfPhi * sinHalfPhi + a.cosPhi * b.cosPhi * sinHalfLambda * sinHalfLambda
        return 2 * earthRadius * asin(min(1, sqrt(h)))
    }
}
