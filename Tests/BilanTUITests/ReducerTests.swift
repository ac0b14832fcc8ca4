import BilanCore
import BilanStore
import Testing

@testable import BilanTUI

@Suite("Reducer")
struct ReducerTests {
    @Test("start loads the weeks, newest first, and the details of the rows on screen")
    func start() throws {
        let d = Driver(library: Archives.fixtures)
        let keys = try #require(d.state.weeks.keys)
        #expect(keys.first?.range == DayRange(first: 1090, last: 1094))
        #expect(keys.first?.languages == [.fr, .en])
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.range > $1.range })
        #expect(d.state.weeks.details[keys[0].range] != nil)
        #expect(d.performed.contains { if case .loadWeekDetails = $0 { true } else { false } })
    }

    @Test("j, k, Space, b, g and G move the cursor and keep it on screen")
    func moving() throws {
        let d = Driver(library: Archives.fixtures, width: 80, height: 10)
        let count = try #require(d.state.weeks.keys).count
        d.type("jj")
        #expect(d.state.weeks.position.cursor == 2)
        d.type("k")
        #expect(d.state.weeks.position.cursor == 1)
        d.type("G")
        #expect(d.state.weeks.position.cursor == count - 1)
        #expect(d.state.weeks.position.top == count - d.state.bodyRows(.weeks))
        d.type("g")
        #expect(d.state.weeks.position == ListPosition())
        d.type(" ")
        #expect(d.state.weeks.position.cursor == d.state.bodyRows(.weeks))
        d.type("b")
        #expect(d.state.weeks.position.cursor == 0)
        d.press(.down, .down, .up)
        #expect(d.state.weeks.position.cursor == 1)
        d.type("k").type("k")
        #expect(d.state.weeks.position.cursor == 0)
    }

    @Test("Enter opens the week in French, L switches to English keeping the place, q goes back")
    func readerLanguages() throws {
        let d = Driver(library: Archives.fixtures)
        d.press(.enter)
        #expect(d.state.view == .reader)
        let r = try #require(d.state.reader)
        #expect(r.range == DayRange(first: 1090, last: 1094) && r.language == .fr)
        #expect(r.week?.languages == [.fr, .en])
        d.type("jj")
        let paragraphBefore = r.week!.events[d.state.reader!.layout.lines[d.state.reader!.top].event!].paragraph
        d.type("L")
        let en = try #require(d.state.reader)
        #expect(en.language == .en)
        #expect(en.week?.info.title.hasPrefix("Weekly roundup") == true)
        let paragraphAfter = en.week!.events[en.layout.lines[en.top].event!].paragraph
        #expect(paragraphAfter == paragraphBefore)
        d.type("q")
        #expect(d.state.view == .weeks)
        d.type("q")
        #expect(d.state.quitting)
    }

    @Test("[ and ] step to the older and newer week; the ends say so")
    func neighbours() throws {
        let d = Driver(library: Archives.fixtures)
        let keys = try #require(d.state.weeks.keys)
        d.press(.enter)
        d.type("]")
        #expect(d.state.message == "This is the newest week.")
        d.type("[")
        #expect(d.state.reader?.range == keys[1].range)
        #expect(d.state.weeks.position.cursor == 1)
        d.type("]")
        #expect(d.state.reader?.range == keys[0].range)
    }

    @Test("a week stored in one language says so on L")
    func oneLanguage() throws {
        let d = Driver(library: Archives.sample)
        d.press(.enter).type("L")
        #expect(d.state.reader?.language == .fr)
        #expect(d.state.message == "This week is stored in French only.")
    }

    @Test("the front picker narrows by any spelling and Enter filters the weeks and events")
    func picker() throws {
        let d = Driver(library: Archives.fixtures)
        let all = try #require(d.state.weeks.keys).count
        d.type("f")
        guard case .picker(let p0) = d.state.mode else { Issue.record("no picker"); return }
        #expect(p0.entries?.first?.place.front == true)
        d.type("kours")
        guard case .picker(let p) = d.state.mode else { Issue.record("no picker"); return }
        let names = p.shown.map { p.entries![$0].place.name }
        #expect(names.contains("Kursk Oblast"))
        #expect(!names.contains("Selydove"))
        d.press(.enter)
        #expect(d.state.mode == .normal)
        #expect(d.state.filter.fronts.map(\.name) == [names[0]])
        let keys = try #require(d.state.weeks.keys)
        #expect(keys.count < all && !keys.isEmpty)
        #expect(keys.allSatisfy { ($0.matches ?? 0) > 0 })
        // A second front is added to the first: fronts are ORed.
        d.type("f").type("tchassiv").press(.enter)
        #expect(d.state.filter.fronts.count == 2)
        #expect(d.state.filter.fronts.contains { $0.name == "Chasiv Yar" })
        d.type("F")
        #expect(d.state.filter.isEmpty)
        #expect(d.state.weeks.keys?.count == all)
    }

    @Test("Tab marks several places; Esc leaves the filter as it was")
    func pickerMarks() throws {
        let d = Driver(library: Archives.fixtures)
        d.type("f").press(.tab, .tab, .enter)
        #expect(d.state.filter.fronts.count == 2)
        d.type("f").type("zzzz")
        guard case .picker(let p) = d.state.mode else { Issue.record("no picker"); return }
        #expect(p.shown.isEmpty)
        d.press(.escape)
        #expect(d.state.mode == .normal && d.state.filter.fronts.count == 2)
    }

    @Test("search as you type: from 2 letters, debounced, Enter keeps it, Esc restores the previous one")
    func search() throws {
        let d = Driver(library: Archives.fixtures)
        let all = try #require(d.state.weeks.keys).count
        d.type("/q")
        #expect(d.state.filter.text == "")
        #expect(!d.performed.contains { if case .debounce = $0 { true } else { false } })
        d.type("uinzaine")
        #expect(d.state.filter.text == "quinzaine")
        #expect(d.performed.contains(.cancelQueries))
        let keys = try #require(d.state.weeks.keys)
        #expect(keys.map(\.range).contains(DayRange(first: 971, last: 975)))
        #expect(keys.count < all)
        d.press(.enter)
        #expect(d.state.mode == .normal && d.state.filter.text == "quinzaine")
        d.type("/drones").press(.escape)
        #expect(d.state.filter.text == "quinzaine")
        d.type("/").press(.ctrl("c"))
        #expect(d.state.mode == .normal && !d.state.quitting)
    }

    @Test("a paste longer than a search stops at its limit, says so, and keeps what fits")
    func pastedParagraph() throws {
        let d = Driver(library: Archives.fixtures)
        let paragraph = String(repeating: "drones ", count: 100)  // 700 characters
        d.type("/" + paragraph)
        guard case .prompt(let p) = d.state.mode else { Issue.record("no prompt"); return }
        #expect(p.text == String(paragraph.prefix(Reducer.maximumTyped)))
        #expect(d.state.filter.text == p.text)
        #expect(d.text.contains("A search is at most 200 characters."))
        // Erasing makes room again; Enter keeps the search.
        d.press(.backspace).type("x")
        guard case .prompt(let q) = d.state.mode else { Issue.record("no prompt"); return }
        #expect(q.text.count == Reducer.maximumTyped && q.text.hasSuffix("x"))
        d.press(.enter)
        #expect(d.state.mode == .normal && d.state.filter.text == q.text)
        // The front picker has the same limit.
        d.type("f" + paragraph)
        guard case .picker(let f) = d.state.mode else { Issue.record("no picker"); return }
        #expect(f.text.count == Reducer.maximumTyped)
    }

    @Test("a stale result (an older filter generation) is dropped")
    func staleResults() throws {
        let d = Driver(library: Archives.fixtures)
        let before = d.state.weeks.keys
        d.send(.weeksLoaded(generation: d.state.generation - 1, []))
        #expect(d.state.weeks.keys == before)
        d.send(.eventCountLoaded(generation: -5, 3))
        #expect(d.state.events.total == nil)
    }

    @Test("events: every sentence, paged from the store; Enter opens the reader at the sentence")
    func events() throws {
        let d = Driver(library: Archives.fixtures)
        d.type("e")
        #expect(d.state.view == .events)
        let total = try #require(d.state.events.total)
        #expect(try total == Archives.fixtures.eventCount(BrowseFilter()))
        #expect(d.state.events.rows.count == min(total, EventsState.pageSize))
        d.type("G")
        #expect(d.state.events.rows[total - 1] != nil)
        d.type("g").type("jjj").press(.enter)
        let hit = try #require(d.state.events.rows[3])
        let r = try #require(d.state.reader)
        #expect(r.range == hit.range && r.language == hit.language)
        let topEvent = r.week!.events[r.layout.lines[r.top].event!]
        #expect(topEvent.paragraph <= hit.event.paragraph)
    }

    @Test("n and N jump between matches in the reader and wrap around")
    func matches() throws {
        let d = Driver(library: Archives.fixtures, width: 60, height: 12)
        d.type("/drones").press(.enter)
        d.press(.enter)
        let r = try #require(d.state.reader)
        #expect(r.layout.matchLines.count >= 2)
        let first = d.state.reader!.top
        d.type("n")
        #expect(d.state.reader!.top >= first)
        d.type("N").type("N")
        #expect(d.state.message != nil || d.state.reader!.top <= first)
    }

    @Test("tallies: French first, L switches, Enter lists the sentences of the figures")
    func tallies() throws {
        let d = Driver(library: Archives.fixtures)
        d.type("t")
        #expect(d.state.tallies.language == .fr)
        let rows = try #require(d.state.tallies.rows)
        #expect(rows.allSatisfy { $0.language == .fr })
        d.press(.enter)
        #expect(d.state.view == .figures)
        #expect(d.text.contains("143"))
        d.type("q").type("L")
        #expect(d.state.tallies.language == .en)
        #expect(d.state.tallies.rows?.allSatisfy { $0.language == .en } == true)
    }

    @Test("Tab cycles weeks, events, tallies; ? opens and closes the help")
    func views() {
        let d = Driver(library: Archives.sample)
        d.press(.tab)
        #expect(d.state.view == .events)
        d.press(.tab)
        #expect(d.state.view == .tallies)
        d.press(.tab)
        #expect(d.state.view == .weeks)
        d.type("?")
        #expect(d.state.view == .help)
        d.type("?")
        #expect(d.state.view == .weeks)
        d.type("?").type("q")
        #expect(d.state.view == .weeks && !d.state.quitting)
    }

    @Test("Ctrl-C quits outside a prompt; Q quits from anywhere; Ctrl-L and Ctrl-Z are effects")
    func quitting() {
        let d = Driver(library: Archives.sample)
        d.press(.ctrl("l"), .ctrl("z"))
        #expect(d.performed.contains(.redraw) && d.performed.contains(.suspend))
        d.press(.enter).type("Q")
        #expect(d.state.quitting)
        let e = Driver(library: Archives.sample)
        e.press(.ctrl("c"))
        #expect(e.state.quitting)
    }

    @Test("resize keeps the cursor visible and re-wraps the reader at the same sentence")
    func resize() throws {
        let d = Driver(library: Archives.fixtures, width: 100, height: 30)
        d.type("G")
        d.resize(40, 12)
        #expect(d.state.weeks.position.cursor - d.state.weeks.position.top < d.state.bodyRows(.weeks))
        d.type("g").press(.enter).type("jjjj")
        let r = d.state.reader!
        let event = r.layout.lines[r.top].event!
        d.resize(200, 60)
        #expect(d.state.reader!.layout.width == 200)
        #expect(d.state.reader!.layout.lines[d.state.reader!.top].event == event || d.state.reader!.top == 0)
    }

    @Test("a failure reaches the status line and goes at the next key")
    func failure() {
        let d = Driver(library: Archives.sample)
        d.send(.failed("The database is locked."))
        #expect(d.text.contains("The database is locked."))
        d.type("j")
        #expect(d.state.message == nil)
    }

    @Test("a week removed meanwhile: the reader says so instead of hanging on “Loading”")
    func readerMissing() {
        let d = Driver(library: Archives.sample)
        d.press(.enter)
        let range = d.state.reader!.range
        d.send(.readerLoaded(range, .fr, nil))
        #expect(d.state.reader?.missing == true)
        #expect(d.text.contains("This week is not stored."))
        #expect(d.state.message?.contains("no longer stored") == true)
        // A result for another week than the one asked for is ignored.
        d.send(.readerLoaded(DayRange(first: 1, last: 5), .fr, nil))
        #expect(d.state.reader?.range == range)
    }

    @Test("a debounced search that is no longer the latest does nothing")
    func staleDebounce() {
        let d = Driver(library: Archives.sample)
        let before = d.performed.count
        d.send(.searchDue(generation: d.state.generation - 1))
        #expect(d.performed.count == before)
    }

    @Test("events past the loaded pages are asked for as the cursor moves, and far pages are dropped")
    func eventPaging() throws {
        let d = Driver(library: Archives.fixtures)
        d.type("e")
        var s = d.state
        s.events.total = 100_000
        let fx = Reducer.reduce(&s, .key(.char("G")))
        #expect(fx.contains { if case .loadEvents(_, _, let o, _) = $0 { o == 99_800 } else { false } })
        // Rows far from the cursor are forgotten once many are held.
        let hit = try #require(s.events.rows[0])
        for i in 0..<2000 { s.events.rows[50_000 + i] = hit }
        _ = Reducer.reduce(&s, .key(.char("g")))
        #expect(s.events.rows.count <= 8 * EventsState.pageSize)
        #expect(s.events.rows[50_000] == nil && s.events.rows[0] != nil)
    }

    @Test("too small: q quits at once, other keys do nothing to the hidden view")
    func tooSmallKeys() {
        let d = Driver(library: Archives.fixtures)
        d.press(.enter)
        d.resize(39, 9)
        d.type("j")
        #expect(d.state.reader?.top == 0 && d.state.view == .reader)
        d.type("q")
        #expect(d.state.quitting)
    }

    @Test("n and N count the matches: match i of n in the status line")
    func matchCounter() throws {
        let d = Driver(library: Archives.fixtures, width: 60, height: 12)
        d.type("/drones").press(.enter).press(.enter)
        let n = try #require(d.state.reader).layout.matchLines.count
        #expect(d.state.reader?.currentMatch == 0)
        d.type("n")
        #expect(d.state.reader?.currentMatch == 1)
        #expect(d.screen.line(11).contains("match 2/\(n)"))
        d.type("N").type("N")
        #expect(d.state.reader?.currentMatch == n - 1)
        #expect(d.state.message == "Search wrapped to the bottom.")
    }

    @Test("the figures view: L for the other language, [ and ] for the neighbouring weeks")
    func figuresKeys() throws {
        let d = Driver(library: Archives.fixtures)
        d.type("t").press(.enter)
        #expect(d.state.figures?.row.language == .fr && d.state.figures?.loaded == true)
        let first = try #require(d.state.figures).row.range
        d.type("L")
        #expect(d.state.figures?.row.language == .en && d.state.figures?.row.range == first)
        #expect(d.text.contains("launched 143 Shahed drones"))
        d.type("[")
        #expect(d.state.figures?.row.range != first)
        #expect(d.state.tallies.position.cursor == 1)
        d.type("]").type("]")
        #expect(d.state.message == "This is the newest week.")
    }

    @Test("every command of the key table does something in some view")
    func keyTableCovers() {
        let bound = Set(KeyTable.bindings.compactMap(\.command))
        #expect(bound == Set(Command.allCases))
    }
}
