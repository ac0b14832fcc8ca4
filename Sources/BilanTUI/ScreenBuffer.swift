/// One cell of the screen: a grapheme cluster and its style. A wide character fills its cell and
/// the next one, which holds a `continuation` cell.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style
    /// Columns the character takes: 1 or 2; 0 for the right half of a wide character.
    public var width: UInt8

    public init(_ character: Character, style: Style = .normal, width: UInt8 = 1) {
        self.character = character
        self.style = style
        self.width = width
    }

    public static let blank = Cell(" ")
    static let continuation = Cell(" ", width: 0)
}

/// A frame: what the screen should show, cell by cell. Views draw into it; the terminal backend
/// shows it; tests read it as text.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Text is transliterated to ASCII as it is written (non-UTF-8 terminals, `--ascii`).
    public let ascii: Bool
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should rest (a prompt), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX < 0 ? nil : (cursorX, cursorY) }
        set {
            cursorX = newValue?.x ?? -1
            cursorY = newValue?.y ?? -1
        }
    }
    private var cursorX = -1
    private var cursorY = -1

    public init(width: Int, height: Int, ascii: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.ascii = ascii
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y), clipped at `x + maxWidth` (default: the right edge); returns the
    /// column after the last cell written. Control characters never reach a cell.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil)
        -> Int
    {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var col = max(0, x)
        for c in text {
            if ascii && !c.isASCII {
                for a in Ascii.transliterate(c) {
                    guard col < limit else { return col }
                    cells[y * width + col] = Cell(a, style: style)
                    col += 1
                }
                continue
            }
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if col + w > limit { return col }
            cells[y * width + col] = Cell(c, style: style, width: UInt8(w))
            if w == 2 { cells[y * width + col + 1] = Cell(" ", style: style, width: 0) }
            col += w
        }
        return col
    }

    /// Fills `count` cells from (x, y) with a character (spaces by default) in a style.
    public mutating func fill(x: Int, y: Int, count: Int, style: Style = .normal, with c: Character = " ") {
        guard y >= 0, y < height else { return }
        var col = max(0, x)
        while col < min(width, x + count) {
            cells[y * width + col] = Cell(c, style: style)
            col += 1
        }
    }

    /// Changes the style of cells without changing their text (the cursor row, a highlight).
    public mutating func restyle(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<max(max(0, x), min(width, x + count)) {
            cells[y * width + col].style = style
        }
    }

    /// The text of one row, trailing spaces kept (tests compare whole rows).
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where self[x, y].width != 0 { s.append(self[x, y].character) }
        return s
    }

    /// Every row, trailing spaces removed, joined by newlines: what a person would read.
    public var text: String {
        (0..<height).map { line($0).replacingTrailingSpaces() }.joined(separator: "\n")
    }

    /// The styles of a row, one per column.
    public func styles(_ y: Int) -> [Style] {
        (0..<width).map { self[$0, y].style }
    }

    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cursorX == b.cursorX && a.cursorY == b.cursorY
            && a.cells == b.cells
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = self[...]
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension ScreenBuffer {
    /// Columns `text` takes in this buffer (after transliteration in ASCII mode).
    public func columns(_ text: some StringProtocol) -> Int {
        ascii ? Ascii.transliterate(String(text)).count : DisplayWidth.of(String(text))
    }

    /// Writes `text` in at most `width` columns, ending with "…" when it had to be cut; the rest of
    /// the field is filled with spaces in the same style. Returns the column after the field.
    @discardableResult
    public mutating func field(_ text: some StringProtocol, x: Int, y: Int, width: Int, style: Style = .normal) -> Int {
        guard width > 0 else { return x }
        let w = columns(text)
        if w <= width {
            let end = put(text, x: x, y: y, style: style, maxWidth: width)
            fill(x: end, y: y, count: x + width - end, style: style)
        } else {
            let end = put(text, x: x, y: y, style: style, maxWidth: width - 1)
            // ASCII cuts with "." rather than "~", which reads as "about" next to a number.
            // In ASCII "~": a "." would read as a full stop.
            let after = put(ascii ? "~" : "…", x: end, y: y, style: style, maxWidth: 1)
            fill(x: after, y: y, count: x + width - after, style: style)
        }
        return x + width
    }

    /// Writes `text` so that it ends at column `right` (exclusive); returns where it starts.
    @discardableResult
    public mutating func putRight(_ text: String, right: Int, y: Int, style: Style = .normal) -> Int {
        let w = columns(text)
        let x = max(0, right - w)
        put(text, x: x, y: y, style: style, maxWidth: right - x)
        return x
    }
}
