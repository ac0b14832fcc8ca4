/// What a cell means, which the terminal backend turns into colours or, without colours, into
/// bold, underline and reverse.
public enum Style: UInt8, Sendable, Hashable, CaseIterable {
    case normal
    /// The title line at the top of a view.
    case title
    /// The status line at the bottom.
    case status
    /// Column headings and week headers in lists.
    case heading
    /// The row under the cursor.
    case selected
    /// A place name in the reader.
    case place
    /// A drone figure in the reader.
    case figure
    /// A search match.
    case match
    /// Secondary text: dates, counts, hints.
    case dim
    /// Tally bars and the sparkline.
    case bar
    /// Marked entries in the front picker, and errors in the status line.
    case accent
}
