import BilanCore
import BilanStore
import BilanTestSupport
import Foundation

@testable import BilanTUI

/// Drives the reducer as the runtime does, but synchronously: every effect is performed at once
/// against a real in-memory store, so a test reads like a person at the keyboard.
final class Driver {
    var state: BrowserState
    let library: any Library
    /// Effects asked for, in order (tests check what the reducer requested).
    var performed: [Effect] = []

    init(library: any Library, width: Int = 80, height: Int = 24, ascii: Bool = false, canFetch: Bool = false) {
        self.library = library
        self.state = BrowserState(width: width, height: height, ascii: ascii)
        self.state.canFetch = canFetch
        send(.start)
    }

    func send(_ action: Action) {
        let fx = Reducer.reduce(&state, action)
        for e in fx { perform(e) }
    }

    func perform(_ e: Effect) {
        performed.append(e)
        do {
            switch e {
            case .loadWeeks(let f, let g): send(.weeksLoaded(generation: g, try library.weekKeys(f)))
            case .loadWeekDetails(let r): send(.weekDetailsLoaded(try library.weekDetails(r)))
            case .countEvents(let f, let g): send(.eventCountLoaded(generation: g, try library.eventCount(f)))
            case .loadEvents(let f, let g, let o, let l):
                send(.eventsLoaded(generation: g, offset: o, try library.events(f, offset: o, limit: l)))
            case .loadReader(let r, let l): send(.readerLoaded(r, l, try library.readerWeek(r, language: l)))
            case .loadTallies(let l):
                let langs = try library.languages()
                let chosen = l ?? langs.first ?? .fr
                send(.talliesLoaded(chosen, try library.tallies(language: chosen), languages: langs))
            case .loadPicker: send(.pickerLoaded(try library.pickerEntries()))
            case .loadFigures(let r, let l): send(.figuresLoaded(r, l, try library.weekTally(r, language: l)))
            case .debounce(let g, _): send(.searchDue(generation: g))
            case .cancelQueries, .redraw, .suspend, .quit, .startFetch: break
            }
        } catch {
            send(.failed("\(error)"))
        }
    }

    /// Presses keys: each character of `keys` is one key press.
    @discardableResult
    func type(_ keys: String) -> Driver {
        for c in keys { press(.char(c)) }
        return self
    }

    @discardableResult
    func press(_ keys: Key...) -> Driver {
        for k in keys { send(.key(k)) }
        return self
    }

    func resize(_ w: Int, _ h: Int) {
        send(.resize(width: w, height: h))
    }

    var screen: ScreenBuffer { Renderer.render(state) }
    var text: String { screen.text }

    /// The rows of the screen whose text contains `s`.
    func rows(containing s: String) -> [Int] {
        let b = screen
        return (0..<b.height).filter { b.line($0).contains(s) }
    }
}

/// Archives the tests browse, built once.
enum Archives {
    /// The bundled sample alone.
    static let sample: Store = {
        let store = try! Store()
        _ = try! store.loadSampleIfEmpty(parser: TestSupport.parser)
        return store
    }()

    /// The sample and every fixture week (both languages, several ranges).
    static let fixtures: Store = {
        let store = try! Store()
        // Imported as a file: a real import would otherwise replace the bundled sample.
        _ = try! store.importText(TestSupport.sampleText, source: "seeds/sample.txt", parser: TestSupport.parser)
        let dir = TestSupport.fixture("weeks")
        for name in (try! FileManager.default.contentsOfDirectory(atPath: dir.path)).sorted() {
            let text = try! String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            _ = try? store.importText(text, source: name, parser: TestSupport.parser)
        }
        // A French and an English week of the same range, for L.
        for name in ["fr-1090-1094.txt", "en-1090-1094.txt"] {
            _ = try! store.importText(TestSupport.fixtureText("browse/" + name), source: name, parser: TestSupport.parser)
        }
        return store
    }()
}
