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
