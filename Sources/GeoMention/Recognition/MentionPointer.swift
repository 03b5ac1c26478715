/// Questions about a mention's candidates asked through a pointer to the mention.
///
/// The recogniser's rules read each mention in place, through a pointer into the document's
/// mention list. Iterating the candidates (`allSatisfy`, `contains(where:)`) holds a copy of the
/// list, which retains and releases it for every mention; counting through them by index reads
/// them where they lie.
extension UnsafePointer where Pointee == Mention {
    /// Whether every candidate is reached through `form` (true when there are none).
    func everyCandidate(is form: NameForm) -> Bool {
        var position = 0
        while position < pointee.candidates.count {
            if pointee.candidates[position].form != form { return false }
            position += 1
        }
        return true
    }

    /// Whether some candidate is reached through `form`.
    func someCandidate(is form: NameForm) -> Bool {
        !everyCandidate(isNot: form)
    }

    /// Whether no candidate is reached through `form`.
    private func everyCandidate(isNot form: NameForm) -> Bool {
        var position = 0
        while position < pointee.candidates.count {
            if pointee.candidates[position].form == form { return false }
            position += 1
        }
        return true
    }

    /// ``Mention/isDemonym``: there are candidates, and every one is reached by a demonym.
    var isDemonym: Bool { !pointee.candidates.isEmpty && everyCandidate(is: .demonym) }
}
