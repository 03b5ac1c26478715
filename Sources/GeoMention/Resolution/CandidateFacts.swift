/// What the resolver needs to know of one candidate, read from the index once.
struct CandidateFacts {
    let place: Int
    let kind: PlaceKind
    let country: UInt16
    let admin1: Int
    let latitude: Double
    let longitude: Double
    private(set) var prior: Double
    let radius: Double
    let form: NameForm
    let isPrimaryName: Bool
    /// A capital or the seat of a first-level unit.
    let isSeat: Bool
    /// A country's capital.
    let isCapital: Bool

    init(_ candidate: MentionCandidate, index: borrowing GazetteerIndex) {
        place = candidate.place
        kind = index.kind(of: candidate.place)
        country = index.countryKey(of: candidate.place)
        admin1 = index.admin1Place(of: candidate.place)
        let point = index.coordinate(of: candidate.place)
        latitude = point.latitude
        longitude = point.longitude
        prior = candidate.prior
        radius = Double(index.radius(of: candidate.place))
        form = candidate.form
        isPrimaryName = candidate.isPrimaryName
        (isSeat, isCapital) = kind == .city ? index.seatStatus(of: candidate.place) : (false, false)
    }

    var point: (latitude: Double, longitude: Double) { (latitude, longitude) }

    /// Whether `other` is the same candidate: the same place (which gives everything read from the
    /// index) named the same way, with the same prominence to the last bit.
    func isSameCandidate(as other: CandidateFacts) -> Bool {
        place == other.place && prior.bitPattern == other.prior.bitPattern && form == other.form
            && isPrimaryName == other.isPrimaryName
    }

    /// The same candidate with its prominence lowered by `amount`.
    func lowered(by amount: Double) -> CandidateFacts {
        var copy = self
        copy.prior -= amount
        return copy
    }

    /// Whether this place lies in (or is) the unit `outer`.
    func isWithin(_ outer: CandidateFacts) -> Bool {
        switch outer.kind {
        case .country: return country == outer.country && place != outer.place
        case .admin1: return admin1 == outer.place && place != outer.place
        case .admin2, .region, .physical:
            let reach = max(outer.radius * 1.2, 40)
            return !GreatCircle.latitudesSeparate(latitude, outer.latitude, byMoreThan: reach)
                && GreatCircle.distance(point, outer.point) <= reach
        case .city:
            return false
        }
    }
}
