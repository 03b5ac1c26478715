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

    /// How far in longitude (degrees) a point may lie from `b` and still be within the distance
    /// whose haversine is `haversine`, when its latitude's cosine is at least `cosLatitudeFloor`.
    ///
    /// The `h` of ``distance(_:_:)-(Point,Point)`` is at least its longitude term
    /// cos φa · cos φb · sin²(Δλ/2), and sin(Δλ/2) ≥ Δλ/π for Δλ in [0, π]: a point whose
    /// ``longitudeGap(_:_:)`` exceeds the reach is farther. Infinite at a pole.
    static func longitudeReach(haversine: Double, cosLatitudeFloor: Double, _ b: Point) -> Double {
        let product = cosLatitudeFloor * b.cosPhi
        guard product > 0 else { return .infinity }
        return 180 * (haversine / product).squareRoot()
    }

    /// The difference of two longitudes in degrees, folded into [0, 180].
    @inline(__always)
    static func longitudeGap(_ a: Double, _ b: Double) -> Double {
        let degrees = abs(b - a)
        return degrees > 180 ? 360 - degrees : degrees
    }

    /// Whether latitudes `a` and `b` (degrees) alone put two points more than `kilometres` apart.
    ///
    /// A great-circle distance is at least the arc between the two latitudes, so such points
    /// are farther than `kilometres` whatever their longitudes; a margin of a thousandth keeps
    /// rounding from ever deciding. This spares the trigonometry of ``distance(_:_:)-(Point,Point)``
    /// for most pairs of places that lie far apart.
    @inline(__always)
    static func latitudesSeparate(_ a: Double, _ b: Double, byMoreThan kilometres: Double) -> Bool {
        abs(a - b) * (.pi / 180) * earthRadius > kilometres * 1.001
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
