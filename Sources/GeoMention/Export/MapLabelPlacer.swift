/// Greedy label placement that avoids overlapping labels.
///
/// Labels are offered in rank order; each tries the positions right, left, above and below
/// its point and takes the first one that stays inside the frame and overlaps neither an
/// earlier label nor a point symbol. Labels with no free position are dropped.
struct MapLabelPlacer {
    /// A placed label.
    struct Placement: Hashable, Sendable {
        /// Text anchor position.
        var x: Double, y: Double
        /// SVG `text-anchor`: `start`, `middle` or `end`.
        var anchor: String
    }

    private struct Box {
        var minX: Double, minY: Double, maxX: Double, maxY: Double
        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    let frame: (x: Double, y: Double, width: Double, height: Double)
    let fontSize: Double
    private var taken: [Box] = []

    /// Creates a placer for labels of `fontSize` pixels inside `frame`.
    init(frame: (x: Double, y: Double, width: Double, height: Double), fontSize: Double) {
        self.frame = frame
        self.fontSize = fontSize
    }

    /// Marks a point symbol of `radius` at (`x`, `y`) as occupied.
    mutating func reserveCircle(x: Double, y: Double, radius: Double) {
        taken.append(Box(minX: x - radius, minY: y - radius, maxX: x + radius, maxY: y + radius))
    }

    /// Marks a rectangle (a legend, say) as occupied.
    mutating func reserveRect(x: Double, y: Double, width: Double, height: Double) {
        taken.append(Box(minX: x, minY: y, maxX: x + width, maxY: y + height))
    }

    /// Places `text` next to a point of `radius` at (`x`, `y`), or returns `nil` to drop it.
    mutating func place(_ text: String, x: Double, y: Double, radius: Double) -> Placement? {
        let width = Self.estimatedWidth(of: text, fontSize: fontSize)
        let ascent = fontSize * 0.8, descent = fontSize * 0.25
        let gap = radius + 3
        let candidates: [(Placement, Box)] = [
            (Placement(x: x + gap, y: y + fontSize * 0.35, anchor: "start"),
             Box(minX: x + gap, minY: y - ascent / 2 - 1, maxX: x + gap + width, maxY: y + ascent / 2 + descent)),
            (Placement(x: x - gap, y: y + fontSize * 0.35, anchor: "end"),
             Box(minX: x - gap - width, minY: y - ascent / 2 - 1, maxX: x - gap, maxY: y + ascent / 2 + descent)),
            (Placement(x: x, y: y - gap - descent, anchor: "middle"),
             Box(minX: x - width / 2, minY: y - gap - descent - ascent, maxX: x + width / 2, maxY: y - gap)),
            (Placement(x: x, y: y + gap + ascent, anchor: "middle"),
             Box(minX: x - width / 2, minY: y + gap, maxX: x + width / 2, maxY: y + gap + ascent + descent)),
        ]
        let own = Box(minX: x - radius, minY: y - radius, maxX: x + radius, maxY: y + radius)
        for (placement, box) in candidates {
            guard box.minX >= frame.x, box.maxX <= frame.x + frame.width,
                  box.minY >= frame.y, box.maxY <= frame.y + frame.height
            else { continue }
            let blocked = taken.contains { other in
                // A point's own symbol is next to its label by design, not a collision.
                !(other.minX == own.minX && other.minY == own.minY && other.maxX == own.maxX) && box.overlaps(other)
            }
            if !blocked {
                taken.append(box)
                return placement
            }
        }
        return nil
    }

    /// Approximate rendered width of `text` in a sans-serif font.
    static func estimatedWidth(of text: String, fontSize: Double) -> Double {
        var units = 0.0
        for character in text {
            if character.isUppercase { units += 0.68 }
            else if " .,;:'!|il".contains(character) { units += 0.3 }
            else if character.isNumber { units += 0.56 }
            else { units += 0.55 }
        }
        return units * fontSize
    }
}
