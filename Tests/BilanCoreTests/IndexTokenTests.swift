import Foundation
import Testing

@testable import BilanCore

/// `IndexFolding.forEachToken` reads a string's UTF-8 bytes in place; what it gives must be what
/// reading the string scalar by scalar gives (the path for strings not stored as UTF-8, and the
/// reading `IndexFoldingTests` holds to SQLite's own).
@Suite struct IndexTokenTests {
    static func tokens(_ text: String, bytes: Bool) -> [String] {
        var out: [String] = []
        let body = { (token: UnsafeBufferPointer<UInt8>, sure: Int?) in
            out.append(String(decoding: token, as: UTF8.self) + (sure.map { "|\($0)" } ?? ""))
        }
        if bytes { IndexFolding.forEachToken(in: text, body) } else { IndexFolding.forEachTokenOfScalars(in: text, body) }
        return out
    }

    /// Every character of the first twelve thousand, alone, inside a word and between words.
    @Test func everyCharacterReadsTheSameFromBytes() {
        var differ: [String] = []
        for v in UInt32(0x80)..<0x3000 {
            guard let u = Unicode.Scalar(v) else { continue }
            let text = "a\(u)b \(u) Ab\(u)\(u)É \(u)"
            if Self.tokens(text, bytes: true) != Self.tokens(text, bytes: false) { differ.append(String(v, radix: 16)) }
        }
        #expect(differ == [])
    }

    /// Texts of every script and length, emoji and letters beyond the Basic Multilingual Plane.
    @Test(arguments: [
        "", " ", "Київ, Харків і Запоріжжя: удари «Шахедів» 12 000", "Œuvre manœuvre Straße İstanbul Łódź ǅemal ΣΟΦΟΣ σοφος",
        "d’Avdiïvka l'oblast 3\u{202F}000 x²y ½ ① ﬁnal", "drone 🛩️ 𝐁𝐨𝐥𝐝 𐐀𐐨 中文 العربية עברית", "a\u{301}b Z\u{315}e a\u{345}b",
        String(repeating: "é", count: 300) + " fin",
    ])
    func textsReadTheSameFromBytes(text: String) {
        #expect(Self.tokens(text, bytes: true) == Self.tokens(text, bytes: false))
        #expect(Self.tokens(text, bytes: true) == Self.tokens(text + " ", bytes: true))
    }

    @Test func wordsAreTheIndexWords() {
        #expect(Self.tokens("Les DRONES Shahed-136 ont frappé Kharkiv; ї і", bytes: true) == [
            "les", "drones", "shahed", "136", "ont", "frappe", "kharkiv", "ї", "і",
        ])
    }
}
