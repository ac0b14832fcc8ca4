import BilanCore
import BilanStore
import BilanTestSupport
import Testing

@testable import BilanTUI

/// Each view rendered to a buffer at the sizes people use, in UTF-8 and in ASCII.
@Suite("Screens")
struct ScreenTests {
    static let sizes = [(80, 24), (40, 12), (200, 60)]

    /// Every view, reached by keys from a fresh start.
    nonisolated(unsafe) static let journeys: [(String, (Driver) -> Void)] = [
        ("weeks", { _ in }),
        ("reader", { $0.press(.enter) }),
        ("events", { $0.type("e") }),
        ("tallies", { $0.type("t") }),
        ("figures", { $0.type("t").press(.enter) }),
        ("help", { $0.type("?") }),
        ("picker", { $0.type("f").type("kours") }),
        ("prompt", { $0.type("/quinz") }),
    ]

    @Test("every view fits every size: no row wider than the window, status line at the bottom",
          arguments: [false, true])
    func everyViewEverySize(ascii: Bool) {
        for (w, h) in Self.sizes {
            for (name, go) in Self.journeys {
                let d = Driver(library: Archives.fixtures, width: w, height: h, ascii: ascii)
                go(d)
                let b = d.screen
                for y in 0..<h {
                    #expect(DisplayWidth.of(b.line(y)) == w, "\(name) \(w)x\(h) row \(y)")
                }
                #expect(b.line(0).contains("bilan"), "\(name) \(w)x\(h)")
                if ascii {
                    #expect(b.text.unicodeScalars.allSatisfy { $0.isASCII }, "\(name) \(w)x\(h) is not ASCII")
                }
                #expect(b.styles(h - 1).allSatisfy { $0 == .status || $0 == .accent }, "\(name) \(w)x\(h) status line")
            }
        }
    }

    @Test("the weeks list: range, dates, languages, drone tally and fronts")
    func weeks() throws {
        let d = Driver(library: Archives.fixtures)
        let row = try #require(d.rows(containing: "1090–1094").first)
        let line = d.screen.line(row)
        #expect(line.contains("17–21 Feb 2025"))
        #expect(line.contains("FR EN"))
        #expect(line.contains("▲143 ▼95"))
        #expect(line.contains("Kursk"))
        // The cursor row is drawn selected.
        #expect(d.screen.styles(row).contains(.selected))
        let sample = try #require(d.rows(containing: "971–975").first)
        #expect(d.screen.line(sample).contains("21–25 Oct 2024"))
        #expect(d.screen.line(sample).contains("▲≥100 ▼~15"))
        #expect(d.screen.line(23).contains("Weeks │ 1/"))
    }

    @Test("the weeks list in ASCII: ^ and v for the arrows, >= for at least")
    func weeksAscii() throws {
        let d = Driver(library: Archives.sample, ascii: true)
        let row = try #require(d.rows(containing: "971-975").first)
        #expect(d.screen.line(row).contains("^>=100 v~15"))
        #expect(d.screen.line(row).contains("21-25 Oct 2024"))
    }

    @Test("a filter shows the matching weeks with their counts and names itself in the status line")
    func filteredWeeks() throws {
        let d = Driver(library: Archives.fixtures)
        d.type("/quinzaine").press(.enter)
        #expect(d.screen.line(1).contains("hits"))
        let row = try #require(d.rows(containing: "971–975").first)
        #expect(d.screen.line(row).contains(" 1 "))
        #expect(d.screen.line(23).contains("/quinzaine"))
    }

    @Test("the reader: header with range, dates and languages, wrapped paragraphs, places and figures marked")
    func reader() throws {
        let d = Driver(library: Archives.sample)
        d.press(.enter)
        let b = d.screen
        #expect(b.line(0).contains("971–975 · 21–25 Oct 2024 · FR"))
        #expect(b.line(1).contains("Bilan de la semaine. Jours 971-975"))
        let text = b.text
        #expect(text.contains("La semaine a été marquée par la poursuite des combats"))
        // Paragraphs are kept: a blank line between them.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.isEmpty })
        // Selydove is a place; "plus d’une centaine de drones" is a figure.
        let sel = try #require(d.rows(containing: "Selydove").first)
        let x = try #require(b.line(sel).range(of: "Selydove")).lowerBound.utf16Offset(in: b.line(sel))
        #expect(b[x, sel].style == .place)
        let fig = try #require(d.rows(containing: "centaine").first)
        let line = b.line(fig)
        let fx = DisplayWidth.of(line[..<line.range(of: "centaine")!.lowerBound])
        #expect(b[fx, fig].style == .figure)
        for y in 2..<23 { #expect(DisplayWidth.of(b.line(y).replacingTrailingSpaces()) <= 80) }
    }

    @Test("search matches are marked in the reader")
    func readerMatches() throws {
        let d = Driver(library: Archives.sample)
        d.type("/quinzaine").press(.enter).press(.enter)
        let b = d.screen
        let y = try #require(d.rows(containing: "quinzaine").first)
        let line = b.line(y)
        let x = DisplayWidth.of(line[..<line.range(of: "quinzaine")!.lowerBound])
        #expect(b[x, y].style == .match)
        #expect(b.line(23).contains("match 1/1"))
    }

    @Test("the reader in ASCII: accents and typographic quotes made plain")
    func readerAscii() {
        let d = Driver(library: Archives.sample, ascii: true)
        d.press(.enter)
        let text = d.text
        #expect(text.contains("La semaine a ete marquee"))
        #expect(text.contains("plus d'une centaine"))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("the tallies: qualifiers, a dash for nothing reported, bars and a sparkline")
    func tallies() throws {
        let d = Driver(library: Archives.fixtures, width: 100, height: 30)
        d.type("t")
        let b = d.screen
        #expect(b.line(1).contains("French · launched, oldest week first"))
        #expect(b.line(1).contains { "▁▂▃▄▅▆▇█".contains($0) })
        let row = try #require(d.rows(containing: "1090–1094").first)
        #expect(b.line(row).contains("143"))
        #expect(b.line(row).contains("95"))
        #expect(b.line(row).contains("█") || b.line(row).contains("▓"))
        let sample = try #require(d.rows(containing: "971–975").first)
        #expect(b.line(sample).contains("≥100"))
        #expect(b.line(sample).contains("~15"))
        #expect(b.line(sample).contains("—"))
        #expect(!b.line(sample).contains(" 0 "))
    }

    @Test("the figures of a week name the sentence each number came from")
    func figures() throws {
        let d = Driver(library: Archives.sample)
        d.type("t").press(.enter)
        let text = d.text
        #expect(text.contains("≥100"))
        #expect(text.contains("launched"))
        #expect(text.contains("plus d’une centaine de drones"))
        #expect(text.contains("Au début de la semaine"))
    }

    @Test("the help lists every binding of the key table")
    func help() {
        let d = Driver(library: Archives.sample, width: 100, height: 80)
        d.type("?")
        let text = d.text
        for b in KeyTable.bindings { #expect(text.contains(b.help), "\(b.help)") }
    }

    @Test("the picker: fronts first with mention counts, a prompt with the cursor at the end")
    func picker() throws {
        let d = Driver(library: Archives.fixtures)
        d.type("f").type("kours")
        let b = d.screen
        #expect(b.line(1).contains("Fronts:"))
        #expect(b.text.contains("Kursk"))
        #expect(b.line(23).hasPrefix("front: kours"))
        #expect(b.cursor?.y == 23 && b.cursor?.x == 12)
    }

    @Test("the prompt shows what is typed with the cursor after it")
    func prompt() {
        let d = Driver(library: Archives.sample)
        d.type("/qu")
        #expect(d.screen.line(23).hasPrefix("/qu"))
        #expect(d.screen.cursor?.x == 3)
    }

    @Test("below 40×10 a notice, which goes when the window grows again")
    func tooSmall() {
        let d = Driver(library: Archives.sample, width: 39, height: 9)
        #expect(d.text.contains("Window too small"))
        d.resize(40, 10)
        #expect(!d.text.contains("Window too small"))
        #expect(d.text.contains("971–975"))
        // Narrower than the notice: shorter words, whole.
        d.resize(20, 5)
        #expect(d.text.contains("Too small:") && d.text.contains("40×10 needed") && d.text.contains("(q quits)"))
    }

    @Test("the status line keeps the position when the filters are long; the filters are cut")
    func longFilters() throws {
        let d = Driver(library: Archives.fixtures, width: 40, height: 12)
        d.type("f").press(.tab, .tab, .tab, .enter)
        let status = d.screen.line(11)
        #expect(status.contains("front: "))
        #expect(status.contains("…"))
        #expect(status.contains(" of 19"), "\(status)")
        #expect(status.hasSuffix("1/") == false)
        #expect(status.range(of: #"\d+/\d+ of 19"#, options: .regularExpression) != nil)
    }

    @Test("a query with nothing to search for says so at once, in every view")
    func wordlessQueries() {
        for (typed, says) in [("!!!", "Nothing to search for"), ("-drones", "only excludes words")] {
            let d = Driver(library: Archives.fixtures)
            d.type("/" + typed).press(.enter)
            #expect(d.state.message?.contains(says) == true, "\(typed)")
            #expect(d.state.weeks.keys == [])
            // Once the message is read (any key), the status line names the filter.
            d.type("j")
            #expect(d.screen.line(23).contains("/" + typed))
            #expect(!d.screen.line(23).contains("searching"))
            d.type("e")
            #expect(d.state.events.total == 0)
            #expect(d.text.contains("No sentence matches the filter"))
        }
    }

    @Test("ASCII never cuts the drone figures of a week, nor marks a cut with ~")
    func asciiDrones() throws {
        let d = Driver(library: Archives.fixtures, width: 80, height: 24, ascii: true)
        let row = try #require(d.rows(containing: "1041-1045").first)
        let line = d.screen.line(row)
        #expect(line.contains("^>=1000 v>=200"), "\(line)")
    }

    @Test("opening an event marks its sentence in the margin of the reader")
    func focusMark() throws {
        let d = Driver(library: Archives.sample)
        d.type("e").type("jjj").press(.enter)
        let b = d.screen
        let marked = (2..<23).filter { b[0, $0].character == "▌" }
        #expect(!marked.isEmpty)
        let text = marked.map { b.line($0) }.joined(separator: " ")
        #expect(text.contains("plus d’une centaine"))
    }

    @Test("the tallies keep the weeks that match the filters")
    func filteredTallies() throws {
        let d = Driver(library: Archives.fixtures)
        d.type("t")
        let all = try #require(d.state.tallyRows).count
        d.type("f").type("selyd").press(.enter)
        let rows = try #require(d.state.tallyRows)
        #expect(rows.count < all && !rows.isEmpty)
        let keys = Set(try #require(d.state.weeks.keys).map(\.range))
        #expect(rows.allSatisfy { keys.contains($0.range) })
        #expect(d.screen.line(23).contains("1/\(rows.count) FR"))
    }

    @Test("golden screens of the sample at 80×24", arguments: journeys.map(\.0))
    func golden(view: String) {
        let d = Driver(library: Archives.sample)
        Self.journeys.first { $0.0 == view }!.1(d)
        #expect(TestSupport.matchesGolden(d.text, "screens/\(view).txt"), "screens/\(view).txt differs")
    }
}

@Suite("Text layout")
struct TextLayoutTests {
    @Test("display width: accents 1, combining marks 0, CJK and emoji 2")
    func widths() {
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("中") == 2)
        #expect(DisplayWidth.of("🇺🇦") == 2)
        #expect(DisplayWidth.of("’«»—…") == 5)
        #expect(DisplayWidth.of("Koursk, Chasiv Yar") == 18)
    }

    @Test("a wide character never straddles the right edge")
    func wideAtEdge() {
        var b = ScreenBuffer(width: 5, height: 1)
        let end = b.put("abcd中", x: 0, y: 0)
        #expect(end == 4)
        #expect(b.line(0) == "abcd ")
        b.put("中文", x: 0, y: 0)
        #expect(b.line(0) == "中文 ")
    }

    @Test("ASCII transliteration: French, quotes, ligatures, Cyrillic")
    func ascii() {
        #expect(Ascii.transliterate("d’entraînement « actions » — œuvre") == "d'entrainement \" actions \" - oeuvre")
        #expect(Ascii.transliterate("Київ Харків") == "Kyiv Kharkiv")
        #expect(Ascii.transliterate("▲≥100 ▼~15") == "^>=100 v~15")
    }

    @Test("control characters never reach a cell")
    func controls() {
        var b = ScreenBuffer(width: 10, height: 1)
        b.put("a\u{1B}[2Jb\u{7}c", x: 0, y: 0)
        #expect(b.line(0).hasPrefix("a[2Jbc"))
        #expect(!b.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test("the reader wraps at spaces, never past the width, and keeps every word")
    func wrapping() {
        let events = [
            Event(paragraph: 0, index: 0, text: "Titre", heading: true),
            Event(paragraph: 1, index: 0, text: "Un deux trois quatre cinq six sept huit neuf dix."),
            Event(paragraph: 1, index: 1, text: "Anticonstitutionnellement."),
        ]
        let info = WeekInfo(range: DayRange(first: 1, last: 5), language: .fr, title: "T", eventCount: 3, source: nil, sample: false)
        let week = ReaderWeek(info: info, events: events, marks: [[], [], []], languages: [.fr])
        let layout = ReaderLayout(week: week, width: 16, query: SearchQuery("cinq"))
        let lines = layout.lines.map { $0.segments.map(\.text).joined() }
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 14 })
        #expect(lines[0] == "Titre" && lines[1] == "")
        #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
            == "Titre Un deux trois quatre cinq six sept huit neuf dix. Anticonstituti onnellement.")
        #expect(layout.matchLines.count == 1)
        #expect(layout.eventLines[2] > layout.eventLines[1])
    }
}

@Suite("ASCII layout")
struct AsciiLayoutTests {
    @Test("a field cut in ASCII ends with ~, not with a full stop")
    func asciiCut() {
        var b = ScreenBuffer(width: 12, height: 1, ascii: true)
        b.field("Velyka Novosilka", x: 0, y: 0, width: 10)
        #expect(b.line(0).hasPrefix("Velyka No~"))
        var u = ScreenBuffer(width: 12, height: 1, ascii: false)
        u.field("Velyka Novosilka", x: 0, y: 0, width: 10)
        #expect(u.line(0).hasPrefix("Velyka No…"))
    }

    @Test("in ASCII the reader wraps the transliterated text, so nothing is cut at the edge")
    func asciiWrap() {
        let text = "Les drones… « Shahed » œuvrent — encore… et encore… jusqu’à l’aube… fin."
        let info = WeekInfo(range: DayRange(first: 1, last: 5), language: .fr, title: "T", eventCount: 1, source: nil, sample: false)
        let week = ReaderWeek(info: info, events: [Event(paragraph: 0, index: 0, text: text)], marks: [[]], languages: [.fr])
        let layout = ReaderLayout(week: week, width: 22, query: SearchQuery("aube"), ascii: true)
        let lines = layout.lines.map { $0.segments.map(\.text).joined() }
        #expect(lines.allSatisfy { $0.count <= 20 && $0.unicodeScalars.allSatisfy { $0.isASCII } })
        #expect(lines.joined(separator: " ") == Ascii.transliterate(text))
        #expect(layout.matchLines.count == 1)
    }
}
