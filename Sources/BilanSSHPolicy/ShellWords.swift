/// Splits a command line into words the way a POSIX shell quotes, without running a shell and
/// without expanding anything.
///
/// `'…'` keeps everything literally; `"…"` keeps everything but `\\`, `\"`, `\$` and `` \` `` (and
/// drops backslash-newline); outside quotes a backslash keeps the next character (and drops
/// backslash-newline). Spaces, tabs and newlines separate words. `$`, `*`, `?`, `~` and `#` are
/// ordinary characters. Unquoted shell operators (`|`, `&`, `;`, `<`, `>`, `(`, `)`, `` ` ``) are
/// refused rather than taken literally: a reader who types `tally --json | jq` means a pipe, and
/// pipes run on the reader's side (`ssh … tally --json | jq`).
public enum ShellWords {
    public enum SplitError: Error, Equatable, CustomStringConvertible {
        case unclosedQuote(Character)
        case trailingBackslash
        case shellOperator(Character)

        public var description: String {
            switch self {
            case .unclosedQuote(let q): return "the command has an unclosed \(q == "'" ? "single" : "double") quote"
            case .trailingBackslash: return "the command ends with a lone backslash"
            case .shellOperator(let c):
                return "“\(c)” is a shell operator and no shell runs here: quote it, or pipe and redirect on your side (ssh … tally --json | jq)"
            }
        }
    }

    static let operators: Set<Character> = ["|", "&", ";", "<", ">", "(", ")", "`"]

    public static func split(_ line: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false  // distinguishes an empty quoted word ('') from no word
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            switch c {
            case " ", "\t", "\n":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "\\":
                guard let next = chars.popFirst() else { throw .trailingBackslash }
                if next != "\n" {
                    word.append(next)
                    inWord = true
                }
            case "'":
                inWord = true
                var closed = false
                while let d = chars.popFirst() {
                    if d == "'" {
                        closed = true
                        break
                    }
                    word.append(d)
                }
                if !closed { throw .unclosedQuote("'") }
            case "\"":
                inWord = true
                var closed = false
                while let d = chars.popFirst() {
                    if d == "\"" {
                        closed = true
                        break
                    }
                    if d == "\\", let e = chars.first, ["\\", "\"", "$", "`", "\n"].contains(e) {
                        chars.removeFirst()
                        if e != "\n" { word.append(e) }
                        continue
                    }
                    word.append(d)
                }
                if !closed { throw .unclosedQuote("\"") }
            default:
                if operators.contains(c) { throw .shellOperator(c) }
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
