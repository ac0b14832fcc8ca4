import BilanTUI
import CNcurses

/// How each `Style` looks on this terminal: curses attributes and a colour pair.
///
/// With colours the palette is calm: blue title and status bars, cyan places, bold yellow figures,
/// black-on-yellow matches, green bars, bold magenta accents; the terminal's own foreground and
/// background elsewhere. Without colours (no colour support, or `NO_COLOR`): bold, underline,
/// reverse and dim only.
struct Palette {
    /// The attributes and colour pair of one style.
    struct Look {
        var attributes: attr_t
        var pair: Int16
    }

    private var looks: [Look]

    /// Builds the palette; with `colors`, starts curses colour and defines one pair per coloured style.
    ///
    /// Call after `newterm`. Falls back to the monochrome look of a style whose pair cannot be made.
    init(colors: Bool) {
        let mono = Style.allCases.map(Self.monochrome)
        looks = mono
        guard colors, start_color() == OK else { return }
        // -1 is the terminal's own background; without use_default_colors, assume black.
        let bg = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        let bold = shim_a_bold()
        var nextPair: Int16 = 1
        for style in Style.allCases {
            let look: (fg: Int16, bg: Int16, attributes: attr_t)?
            switch style {
            case .title: look = (Int16(COLOR_WHITE), Int16(COLOR_BLUE), bold)
            case .status: look = (Int16(COLOR_WHITE), Int16(COLOR_BLUE), 0)
            case .place: look = (Int16(COLOR_CYAN), bg, 0)
            case .figure: look = (Int16(COLOR_YELLOW), bg, bold)
            case .match: look = (Int16(COLOR_BLACK), Int16(COLOR_YELLOW), 0)
            case .bar: look = (Int16(COLOR_GREEN), bg, 0)
            case .accent: look = (Int16(COLOR_MAGENTA), bg, bold)
            case .normal, .heading, .selected, .dim: look = nil
            }
            guard let look else { continue }
            if init_pair(nextPair, look.fg, look.bg) == OK {
                looks[Int(style.rawValue)] = Look(attributes: look.attributes, pair: nextPair)
                nextPair += 1
            }
        }
    }

    /// The look of `style`.
    subscript(style: Style) -> Look { looks[Int(style.rawValue)] }

    /// Attributes only: what a style looks like without colour.
    static func monochrome(_ style: Style) -> Look {
        let attributes: attr_t =
            switch style {
            case .normal: shim_a_normal()
            case .title: shim_a_reverse() | shim_a_bold()
            case .status, .selected, .match: shim_a_reverse()
            case .heading, .figure, .bar, .accent: shim_a_bold()
            case .place: shim_a_underline()
            case .dim: shim_a_dim()
            }
        return Look(attributes: attributes, pair: 0)
    }
}
