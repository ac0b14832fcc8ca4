import BilanCore
import BilanStore
import BilanTestSupport
import Testing

@testable import BilanTUI

/// A summary whose text carries terminal escapes (CSI, OSC 52 clipboard write, OSC 8 link, BEL, C1
/// controls) and bidi overrides: every view shows its words, and no cell holds any of them.
@Suite("Escape injection")
struct InjectionTests {
    static let hostile = """
        Bilan de la semaine. Jours 1006-1010 de \u{1B}[2Jrésistance

        Les forces russes \u{1B}]52;c;cm0gLXJmIH4=\u{07}ont attaqué Pokrovsk\u{1B}[31m avec 40 drones\u{1B}[0m mardi.
        Un \u{1B}]8;;https://evil.example/\u{1B}\\lien piégé\u{1B}]8;;\u{1B}\\ vers Toretsk\u{07}\u{07} et \u{9B}2J\u{9D}0;titre\u{9C} Koupiansk.
        La défense a abattu \u{202E}32\u{202C} drones près de \u{2067}Kharkiv\u{2069}, dit \u{1B}P+q\u{1B}\\le rapport.

        """

    /// Scalars that must never reach a terminal from a summary's text.
    static func isHostile(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F
    }

    @Test("the hostile week renders inert in the weeks list, the reader, the events, a search and the tallies",
          arguments: [false, true])
    func inert(ascii: Bool) throws {
        let store = try Store()
        _ = try store.importText(InjectionTests.hostile, source: "hostile\u{1B}[2J.txt", parser: TestSupport.parser)
        let screens: [(String, (Driver) -> Void)] = [
            ("weeks", { _ in }),
            ("reader", { $0.press(.enter) }),
            ("events", { $0.type("e") }),
            ("search", { $0.type("/lien").press(.enter).type("e") }),
            ("tallies", { $0.type("t") }),
            ("figures", { $0.type("t").press(.enter) }),
        ]
        for (name, go) in screens {
            let d = Driver(library: store, width: 120, height: 30, ascii: ascii)
            go(d)
            let bad = d.screen.cells.flatMap { $0.character.unicodeScalars.filter(InjectionTests.isHostile) }
            #expect(bad.isEmpty, "\(name): \(bad.map { String($0.value, radix: 16) })")
            #expect(!d.text.contains("]52;") && !d.text.contains("]8;;"), "\(name):\n\(d.text)")
            if name == "reader" {
                for words in ["Un lien piégé vers Toretsk et", "La défense a abattu 32 drones près de Kharkiv, dit le rapport."] {
                    #expect(d.text.contains(ascii ? Ascii.transliterate(words) : words), "\(d.text)")
                }
            }
        }
    }
}
