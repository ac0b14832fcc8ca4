import ArgumentParser
import BilanCore
import BilanStore
import Foundation

/// Writing to the terminal: errors as one sentence on stderr, text made safe, tables aligned.
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("bilan: " + safe(message) + "\n").utf8))
    }

    static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((safe(line) + "\n").utf8))
    }

    /// Text from files never reaches the terminal with control characters.
    static func safe(_ s: String) -> String {
        TextHygiene.clean(s).replacingOccurrences(of: "\t", with: " ")
    }

    /// Runs a command body, turning known errors into one sentence and an exit code.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as StoreError {
            error(e.description)
            if case .unknownPlace = e { throw ExitCode(2) }
            if case .onlyExclusions = e { throw ExitCode(2) }
            throw ExitCode(1)
        } catch let e as ParseError {
            error(e.description)
            throw ExitCode(1)
        }
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Run for a remote reader (`bilan serve`, `bilan ssh-entry`): no pager, no writes.
    static var restricted: Bool { ProcessInfo.processInfo.environment["BILAN_RESTRICTED"] == "1" }

    static func terminalSize() -> (rows: Int, cols: Int)? {
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0 else { return nil }
        return (Int(ws.ws_row), Int(ws.ws_col))
    }

    /// Prints `text`, through $PAGER when stdout is a terminal and the text is taller than it.
    static func page(_ text: String) {
        guard isTerminal, !restricted, let size = terminalSize(), text.split(separator: "\n", omittingEmptySubsequences: false).count >= size.rows
        else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        let env = ProcessInfo.processInfo.environment
        let pager = env["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
        // posix_spawn, not Foundation's Process: the pager must stay in our session to read keys
        // from the terminal (Process starts children in a new session, and less then quits at once).
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            print(text)
            return
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = (["/bin/sh", "-c", pager] as [String]).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ) == 0 else {
            close(fds[0])
            close(fds[1])
            print(text)
            return
        }
        close(fds[0])
        // A reader who quits the pager early closes the pipe: that is not an error. Ctrl-C belongs to
        // the pager while it runs.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        signal(SIGINT, SIG_DFL)
    }

    /// Left-aligned columns separated by two spaces, by display width.
    static func table(_ rows: [[String]]) -> String {
        guard let n = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: n)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }

    /// Wraps a paragraph at `width` columns (by characters; the summaries' scripts are one column wide).
    static func wrap(_ text: String, width: Int) -> String {
        guard width > 20 else { return text }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// "1 event", "15 events".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
