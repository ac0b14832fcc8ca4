import BilanCore
import BilanStore
import BilanTUI
import Foundation

// libFuzzer target: the browser's input handling. The bytes become a sequence of keys and window
// sizes fed to the reducer, every effect performed at once against the sample in memory (as the
// runtime would, in order), and every state rendered. Invariants: no crash or hang; the screen is the
// window's size; no cell holds a control character.
nonisolated(unsafe) let library: Store = {
    let s = try! Store()
    _ = try! s.loadSampleIfEmpty(parser: SummaryParser())
    return s
}()

let keys: [Key] = [
    .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab, .backTab, .delete,
    .ctrl("c"), .ctrl("l"), .ctrl("u"), .ctrl("n"), .ctrl("p"), .ctrl("f"), .ctrl("b"),
] + "jkgGqQ/nNfFwetLR?[] bxkoursélidSQ\"-".map { Key.char($0) }

func perform(_ state: inout BrowserState, _ effects: [Effect], depth: Int = 0) {
    guard depth < 8 else { return }
    for e in effects {
        let action: Action?
        do {
            switch e {
            case .loadWeeks(let f, let g): action = .weeksLoaded(generation: g, try library.weekKeys(f))
            case .loadWeekDetails(let r): action = .weekDetailsLoaded(try library.weekDetails(r))
            case .countEvents(let f, let g): action = .eventCountLoaded(generation: g, try library.eventCount(f))
            case .loadEvents(let f, let g, let o, let l):
                action = .eventsLoaded(generation: g, offset: o, try library.events(f, offset: o, limit: l))
            case .loadReader(let r, let l): action = .readerLoaded(r, l, try library.readerWeek(r, language: l))
            case .loadTallies(let l):
                let langs = try library.languages()
                let chosen = l ?? langs.first ?? .fr
                action = .talliesLoaded(chosen, try library.tallies(language: chosen), languages: langs)
            case .loadPicker: action = .pickerLoaded(try library.pickerEntries())
            case .loadFigures(let r, let l): action = .figuresLoaded(r, l, try library.weekTally(r, language: l))
            case .debounce(let g, _): action = .searchDue(generation: g)
            case .startFetch: action = .fetchEnded(0)
            case .cancelQueries, .redraw, .suspend, .quit: action = nil
            }
        } catch {
            action = .failed("\(error)")
        }
        if let action { perform(&state, Reducer.reduce(&state, action), depth: depth + 1) }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: min(size, 400))
    var state = BrowserState(width: 80, height: 24, ascii: bytes.first.map { $0 & 1 == 1 } ?? false)
    state.canFetch = true
    perform(&state, Reducer.reduce(&state, .start))
    var i = 0
    while i < bytes.count && !state.quitting {
        let b = bytes[i]
        i += 1
        if b >= 0xF0, i + 1 < bytes.count {
            // A resize: 1…255 columns, 1…255 rows.
            let w = max(1, Int(bytes[i])), h = max(1, Int(bytes[i + 1]))
            i += 2
            perform(&state, Reducer.reduce(&state, .resize(width: w, height: h)))
        } else if b >= 0xE8 {
            // A line of the background fetch's report.
            let lines = ["fetching 3 pages", "added  971-975 en  https://x/en/971-975 (15 events)", "failed 5-9 fr  u: HTTP 500",
                         "1 added, 0 updated, 0 unchanged, 0 not published, 0 forbidden, 1 failed, 0 already stored"]
            perform(&state, Reducer.reduce(&state, .fetchLine(lines[Int(b) % lines.count])))
        } else {
            perform(&state, Reducer.reduce(&state, .key(keys[Int(b) % keys.count])))
        }
        let screen = Renderer.render(state)
        precondition(screen.width == state.width && screen.height == state.height, "screen \(screen.width)×\(screen.height)")
        for cell in screen.cells {
            for u in cell.character.unicodeScalars where u.value < 0x20 || (0x7F...0x9F).contains(u.value) {
                fatalError("a control character in a cell: U+\(String(u.value, radix: 16))")
            }
        }
    }
    return 0
}
