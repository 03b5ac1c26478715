import Foundation

/// The event types the exports colour and group by, with one shared colour palette.
///
/// KML icon styles and the SVG map both take their colours from here, so a battle is the same
/// red everywhere.
public enum EventCategory: String, CaseIterable, Hashable, Sendable, Codable {
    /// Armed clashes.
    case battles
    /// Shelling, air strikes, bombs.
    case explosionsRemoteViolence = "explosions/remote violence"
    /// Attacks on civilians.
    case violenceAgainstCivilians = "violence against civilians"
    /// Peaceful demonstrations.
    case protests
    /// Violent demonstrations.
    case riots
    /// Non-violent developments: agreements, troop movements, arrests.
    case strategicDevelopments = "strategic developments"
    /// Talks, visits, statements between governments.
    case diplomacy
    /// Anything else, including unknown types.
    case other

    /// The category for a feature's `eventType` text, matched case-insensitively; unknown
    /// or empty text is ``other``.
    public init(eventType: String) {
        // The builder writes the raw values themselves: take them without folding.
        if let exact = EventCategory(rawValue: eventType) {
            self = exact
            return
        }
        let key = eventType.lowercased().trimmingCharacters(in: .whitespaces)
        self = EventCategory(rawValue: key)
            ?? EventCategory.allCases.first { $0.slug == key }
            ?? .other
    }

    /// An identifier made of lowercase letters and hyphens, usable as an XML ID.
    public var slug: String {
        switch self {
        case .battles: return "battles"
        case .explosionsRemoteViolence: return "explosions-remote-violence"
        case .violenceAgainstCivilians: return "violence-against-civilians"
        case .protests: return "protests"
        case .riots: return "riots"
        case .strategicDevelopments: return "strategic-developments"
        case .diplomacy: return "diplomacy"
        case .other: return "other"
        }
    }

    /// A label for legends: the raw value with a capital first letter.
    public var label: String {
        rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }

    /// The colour as `(red, green, blue)`.
    public var rgb: (red: UInt8, green: UInt8, blue: UInt8) {
        switch self {
        case .battles: return (0xD7, 0x19, 0x1C)
        case .explosionsRemoteViolence: return (0xF4, 0x8C, 0x1F)
        case .violenceAgainstCivilians: return (0x7B, 0x32, 0x94)
        case .protests: return (0x2B, 0x83, 0xBA)
        case .riots: return (0xE7, 0x29, 0x8A)
        case .strategicDevelopments: return (0x1A, 0x98, 0x50)
        case .diplomacy: return (0x00, 0xA6, 0xA6)
        case .other: return (0x6F, 0x6F, 0x6F)
        }
    }

    /// The colour as CSS hex, `#rrggbb`.
    public var cssColor: String {
        let (r, g, b) = rgb
        return "#" + Self.hex2(r) + Self.hex2(g) + Self.hex2(b)
    }

    /// The colour as a KML `aabbggrr` value with the given opacity byte.
    public func kmlColor(alpha: UInt8 = 0xFF) -> String {
        let (r, g, b) = rgb
        return Self.hex2(alpha) + Self.hex2(b) + Self.hex2(g) + Self.hex2(r)
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: false)
        return digits.count == 1 ? "0" + digits : digits
    }
}
