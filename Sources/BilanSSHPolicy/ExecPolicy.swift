/// Which commands an SSH reader may run (an exec request, or `$SSH_ORIGINAL_COMMAND` under
/// `bilan ssh-entry`), and the arguments that run them.
///
/// Only the read-only commands, each with an allow-list of its own options: an option that is not
/// listed (`--db`, or anything a later version adds that names a file) is refused, so a reader can
/// never point `bilan` at another file. Words are never given to a shell.
public enum ExecPolicy {
    /// The commands, and for each its options: `true` when the option takes a value.
    public static let commands: [String: [String: Bool]] = [
        "weeks": ["--json": false],
        "show": ["--lang": true, "--json": false],
        "search": ["--front": true, "--week": true, "--lang": true, "--limit": true, "--sort": true, "--json": false],
        "fronts": ["--all": false, "--json": false],
        "tally": ["--lang": true, "--json": false, "--csv": false],
    ]
    static let everywhere: [String: Bool] = ["--help": false, "-h": false]

    /// Longest command line accepted, in bytes, and most words.
    public static let maxCommandBytes = 4096
    public static let maxWords = 64

    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    static var allowedList: String { commands.keys.sorted().joined(separator: ", ") }

    /// The words of an allowed command, checked; or why not.
    public static func check(_ command: String) -> Result<[String], Refusal> {
        guard command.utf8.count <= maxCommandBytes else {
            return .failure(Refusal("the command is longer than \(maxCommandBytes) bytes"))
        }
        let words: [String]
        do {
            words = try ShellWords.split(command)
        } catch {
            return .failure(Refusal(error.description))
        }
        return check(words: words)
    }

    public static func check(words: [String]) -> Result<[String], Refusal> {
        guard let name = words.first else {
            return .failure(Refusal("no command given; try one of \(allowedList), or connect with ssh -t for the browser"))
        }
        guard let options = commands[name] else {
            return .failure(Refusal("“\(printable(name))” is not available here; the commands are \(allowedList) (read-only)"))
        }
        guard words.count <= maxWords else { return .failure(Refusal("more than \(maxWords) words")) }
        // --db is refused wherever it appears: even after `--` or where an option's value should be
        // (ArgumentParser would read `--lang --db x` as a missing value, then --db).
        if words.contains(where: { $0 == "--db" || $0.hasPrefix("--db=") }) {
            return .failure(Refusal("--db is not available here: the server chooses the archive"))
        }
        var i = 1
        var positionalOnly = false
        while i < words.count {
            let word = words[i]
            i += 1
            if word.contains("\0") { return .failure(Refusal("a word contains a NUL byte")) }
            if positionalOnly { continue }
            if word == "--" {
                positionalOnly = true
                continue
            }
            if word.hasPrefix("--") {
                let flag = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
                guard let takesValue = options[flag] ?? everywhere[flag] else {
                    return .failure(Refusal("option \(printable(flag)) is not available for `\(name)` here"))
                }
                if takesValue && !word.contains("=") {
                    guard i < words.count, !words[i].hasPrefix("--") else { return .failure(Refusal("option \(flag) needs a value")) }
                    i += 1
                }
                if !takesValue && word.contains("=") {
                    return .failure(Refusal("option \(printable(flag)) takes no value"))
                }
                continue
            }
            // Single-dash words: only -h; `search` also takes -word (an exclusion).
            if word.hasPrefix("-") && word.count > 1 && word != "-h" && name != "search" {
                return .failure(Refusal("option \(printable(word)) is not available for `\(name)` here"))
            }
        }
        return .success(words)
    }

    /// The arguments after the program name: the command, then `--db ARCHIVE` before anything the
    /// reader wrote (so that a `--` among the reader's words cannot turn it into a search word).
    public static func arguments(for words: [String], archive: String) -> [String] {
        [words[0], "--db", archive] + words.dropFirst()
    }

    static func printable(_ s: String) -> String {
        let cleaned = String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
        return cleaned.count > 40 ? String(cleaned.prefix(40)) + "…" : cleaned
    }
}
