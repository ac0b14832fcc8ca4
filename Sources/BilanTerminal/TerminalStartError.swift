import Foundation

/// Why the curses terminal could not start, as one sentence for the user.
///
/// Written like the CLI's other errors: lower case, no final full stop, meant to follow "bilan: ".
public struct TerminalStartError: Error, CustomStringConvertible, LocalizedError, Sendable {
    /// The sentence, e.g. "the browser needs a terminal: standard input and output must both be one".
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    public var errorDescription: String? { description }
}
