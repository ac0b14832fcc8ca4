import BilanCore
import Foundation

/// The runtime: feeds keys and effect results to the reducer, performs effects on a worker queue,
/// and draws each new state. Runs on the main thread.
public final class Browser {
    let library: any Library
    let terminal: any TerminalBackend
    public private(set) var state: BrowserState
    let inbox = Inbox()
    let worker = DispatchQueue(label: "bilan.browser.queries", qos: .userInitiated)

    let fetcher: (any BackgroundFetcher)?

    /// `fetcher`: what `R` runs; nil when it cannot run, `noFetchReason` then saying why.
    public init(
        library: any Library, terminal: any TerminalBackend, fetcher: (any BackgroundFetcher)? = nil, noFetchReason: String? = nil
    ) {
        self.library = library
        self.terminal = terminal
        self.fetcher = fetcher
        let size = terminal.size
        self.state = BrowserState(width: size.width, height: size.height, ascii: terminal.ascii)
        self.state.canFetch = fetcher != nil
        if let noFetchReason { self.state.noFetchReason = noFetchReason }
    }

    /// The most events handled between two frames.
    static let eventsPerFrame = 512

    /// Runs until the reader quits (returns 0) or the terminal goes away (returns 1).
    public func run() -> Int32 {
        dispatch(.start)
        terminal.draw(Renderer.render(state))
        while !state.quitting {
            // Every event already waiting is handled before the next frame (up to a bound, so a
            // frame still comes): a pasted paragraph is one redraw, not one per character.
            var event = terminal.nextEvent(timeoutMS: -1)
            for handled in 1... {
                switch event {
                case .key(let k): dispatch(.key(k))
                case .resize(let w, let h): dispatch(.resize(width: w, height: h))
                case .hangup:
                    if state.fetch != nil { fetcher?.stop() }
                    return 1
                case .wake, .timeout: break
                }
                if state.quitting || handled == Browser.eventsPerFrame { break }
                event = terminal.nextEvent(timeoutMS: 0)
                if case .timeout = event { break }
            }
            for a in inbox.drain() { dispatch(a) }
            if !state.quitting { terminal.draw(Renderer.render(state)) }
        }
        // Quitting during a fetch stops it: the week under way is dropped, finished ones are kept.
        if state.fetch != nil { fetcher?.stop() }
        return 0
    }

    /// Runs the reducer on an action and performs the effects it asks for.
    func dispatch(_ action: Action) {
        let effects = Reducer.reduce(&state, action)
        inbox.setGeneration(state.generation)
        for e in effects { perform(e) }
    }

    func perform(_ effect: Effect) {
        let lib = library
        switch effect {
        case .loadWeeks(let f, let g):
            query(generation: g) { .weeksLoaded(generation: g, try lib.weekKeys(f)) }
        case .loadWeekDetails(let ranges):
            query { .weekDetailsLoaded(try lib.weekDetails(ranges)) }
        case .countEvents(let f, let g):
            query(generation: g) { .eventCountLoaded(generation: g, try lib.eventCount(f)) }
        case .loadEvents(let f, let g, let offset, let limit):
            query(generation: g) { .eventsLoaded(generation: g, offset: offset, try lib.events(f, offset: offset, limit: limit)) }
        case .loadReader(let range, let language):
            query { .readerLoaded(range, language, try lib.readerWeek(range, language: language)) }
        case .loadTallies(let language):
            query {
                let languages = try lib.languages()
                let chosen = language ?? languages.first ?? .fr
                return .talliesLoaded(chosen, try lib.tallies(language: chosen), languages: languages)
            }
        case .loadPicker:
            query { .pickerLoaded(try lib.pickerEntries()) }
        case .loadFigures(let range, let language):
            query { .figuresLoaded(range, language, try lib.weekTally(range, language: language)) }
        case .debounce(let g, let ms):
            let inbox = self.inbox, wake = terminal.waker
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(ms)) {
                inbox.post(.searchDue(generation: g))
                wake()
            }
        case .cancelQueries:
            inbox.interruptIfStale(lib)
        case .startFetch:
            let inbox = self.inbox, wake = terminal.waker
            guard let fetcher else {
                dispatch(.fetchEnded(1))
                return
            }
            do {
                try fetcher.start(
                    line: { line in
                        inbox.post(.fetchLine(line))
                        wake()
                    },
                    ended: { status in
                        inbox.post(.fetchEnded(status))
                        wake()
                    })
            } catch {
                dispatch(.fetchLine("bilan: \(error)"))
                dispatch(.fetchEnded(1))
            }
        case .redraw:
            terminal.invalidate()
        case .suspend:
            if !terminal.suspend() {
                dispatch(.failed("Suspending needs a shell with job control."))
            }
        case .quit:
            break
        }
    }

    /// Runs a read on the worker queue and posts its result. A read for an older filter generation
    /// is skipped, or interrupted when already running.
    func query(generation: Int? = nil, _ body: @escaping @Sendable () throws -> Action) {
        let inbox = self.inbox, wake = terminal.waker
        worker.async {
            guard inbox.begin(generation) else { return }
            let result: Action?
            do {
                result = try body()
            } catch {
                result = inbox.isStale(generation) ? nil : .failed("\(error)")
            }
            inbox.end()
            if let result {
                inbox.post(result)
                wake()
            }
        }
    }
}

/// Results waiting for the main thread, and which generation of the filter is current.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []
    private var generation = 0
    /// The generation of the read running on the worker, if it carries one.
    private var running: Int?

    func post(_ a: Action) {
        lock.lock()
        actions.append(a)
        lock.unlock()
    }

    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let out = actions
        actions = []
        return out
    }

    func setGeneration(_ g: Int) {
        lock.lock()
        generation = g
        lock.unlock()
    }

    func isStale(_ g: Int?) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return g.map { $0 < generation } ?? false
    }

    /// Whether a read may start (not stale); records it as running.
    func begin(_ g: Int?) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let g, g < generation { return false }
        running = g
        return true
    }

    func end() {
        lock.lock()
        running = nil
        lock.unlock()
    }

    /// Interrupts the read running on the worker when it belongs to an older generation.
    func interruptIfStale(_ library: any Library) {
        lock.lock()
        defer { lock.unlock() }
        if let r = running, r < generation { library.interrupt() }
    }
}
