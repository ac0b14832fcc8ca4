import Foundation
import BilanCore

extension Reducer {
    // MARK: Search prompt

    /// The longest search or place name the prompts take, in characters. Each key re-reads what is
    /// typed, so a paragraph pasted by mistake (or sent over SSH on purpose) would otherwise cost
    /// time growing with the square of its length.
    static let maximumTyped = 200
    static let tooLong = "A search is at most \(maximumTyped) characters."

    /// Adds a typed character to a prompt's text, unless the text is at `maximumTyped` (then the
    /// status line says so); returns whether it was added.
    static func append(_ c: Character, to text: inout String, _ s: inout BrowserState) -> Bool {
        guard text.unicodeScalars.count < maximumTyped else {
            s.message = tooLong
            return false
        }
        text.append(c)
        return true
    }

    /// Typing in the prompt filters as you type: from 2 characters, after a short pause, and a newer
    /// keystroke cancels the search still running.
    static func promptKey(_ s: inout BrowserState, _ p: inout PromptState, _ key: Key) -> [Effect] {
        switch KeyTable.command(for: key, in: .prompt) {
        case .accept:
            s.mode = .normal
            var f = s.filter
            f.text = p.text.isEmpty ? p.previous : p.text
            let fx = setFilter(&s, f) + ensureLoaded(&s)
            if s.view == .reader { jumpToFirstMatch(&s) }
            return fx
        case .cancel:
            s.mode = .normal
            var f = s.filter
            f.text = p.previous
            return setFilter(&s, f)
        case .eraseCharacter:
            if p.text.isEmpty {
                // Backspace on an empty prompt closes it, as in less and vi.
                s.mode = .normal
                var f = s.filter
                f.text = p.previous
                return setFilter(&s, f)
            }
            p.text.removeLast()
        case .eraseQuery:
            p.text = ""
        default:
            guard case .char(let c) = key, append(c, to: &p.text, &s) else { return [] }
        }
        return typed(&s, p)
    }

    /// The live filter while the prompt is open: what is typed once it has 2 characters, else the
    /// search from before the prompt.
    static func typed(_ s: inout BrowserState, _ p: PromptState) -> [Effect] {
        let live = p.text.count >= 2 ? p.text : p.previous
        guard live != s.filter.text else { return [] }
        s.filter.text = live
        bumpGeneration(&s)
        if s.view == .reader {
            // One week: re-marked at once, no store involved.
            return ensureLoaded(&s)
        }
        return [.cancelQueries, .debounce(generation: s.generation, milliseconds: debounceMS)]
    }

    /// After a search is kept in the reader, show its first match at or below the top.
    static func jumpToFirstMatch(_ s: inout BrowserState) {
        guard var r = s.reader, s.filter.query != nil else { return }
        if let i = r.layout.matchLines.firstIndex(where: { $0 >= r.top }) ?? (r.layout.matchLines.isEmpty ? nil : 0) {
            r.currentMatch = i
            r.top = clampReaderTop(r.layout.matchLines[i] - 2, r, s)
            s.reader = r
        } else {
            s.message = "No match in this week."
        }
    }

    // MARK: Front picker

    static func pickerKey(_ s: inout BrowserState, _ p: inout PickerState, _ key: Key) -> [Effect] {
        let rows = s.bodyRows(.weeks)
        switch KeyTable.command(for: key, in: .picker) {
        case .up: p.position.move(by: -1, count: p.shown.count, rows: rows)
        case .down: p.position.move(by: 1, count: p.shown.count, rows: rows)
        case .pageUp: p.position.move(by: -rows, count: p.shown.count, rows: rows)
        case .pageDown: p.position.move(by: rows, count: p.shown.count, rows: rows)
        case .mark:
            if let e = current(p) {
                if p.marked.contains(e.place.id) { p.marked.remove(e.place.id) } else { p.marked.insert(e.place.id) }
                p.marking = true
                p.position.move(by: 1, count: p.shown.count, rows: rows)
            }
        case .accept:
            guard let entries = p.entries else { return [] }
            var ids = p.marked
            if !p.marking, let e = current(p) { ids.insert(e.place.id) }
            s.mode = .normal
            // Keep the order the fronts were picked in where possible: old ones first.
            var fronts = s.filter.fronts.filter { ids.contains($0.id) }
            for e in entries where ids.contains(e.place.id) && !fronts.contains(where: { $0.id == e.place.id }) {
                fronts.append(e.place)
            }
            var f = s.filter
            f.fronts = fronts
            return setFilter(&s, f)
        case .cancel:
            s.mode = .normal
        case .eraseCharacter:
            if !p.text.isEmpty {
                p.text.removeLast()
                narrow(&p, rows: rows)
            }
        case .eraseQuery:
            p.text = ""
            narrow(&p, rows: rows)
        default:
            guard case .char(let c) = key, append(c, to: &p.text, &s) else { return [] }
            narrow(&p, rows: rows)
        }
        return []
    }

    static func current(_ p: PickerState) -> PickerEntry? {
        guard let entries = p.entries, p.shown.indices.contains(p.position.cursor) else { return nil }
        return entries[p.shown[p.position.cursor]]
    }

    /// The entries whose spellings start with what was typed, or have a word that does
    /// ("kours" → Kursk, "tchassiv" → Chasiv Yar, "yar" → Chasiv Yar).
    static func narrow(_ p: inout PickerState, rows: Int) {
        guard let entries = p.entries else { return }
        let typed = Folding.fold(p.text.trimmingCharacters(in: .whitespaces))
        if typed.isEmpty {
            p.shown = Array(entries.indices)
        } else {
            let inWord = " " + typed
            p.shown = entries.indices.filter { i in
                entries[i].keys.contains { $0.hasPrefix(typed) || $0.contains(inWord) || $0.contains("-" + typed) }
            }
        }
        p.position = ListPosition()
        p.position.clamp(count: p.shown.count, rows: rows)
    }
}
