import ArgumentParser
import BilanSSHPolicy
import Foundation

struct SSHEntryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh-entry", abstract: "For OpenSSH's forced command: the read-only browser, or one allowed command.",
        discussion: """
            Put it in a dedicated user's authorized_keys (restrict,pty,command="bilan ssh-entry --db PATH" ssh-ed25519 …) \
            or in a Match User block (ForceCommand bilan ssh-entry --db PATH). With a terminal and no command it runs \
            bilan browse --read-only; with a command ($SSH_ORIGINAL_COMMAND) it runs it when it is one of weeks, show, \
            search, fronts, tally with their own options (never --db), split like a shell would but with no \
            expansion and no shell, within 30 seconds. Anything else is refused with exit status 1.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Time a command may run.", valueName: "seconds")) var timeLimit = 30

    func run() throws {
        guard let bilan = executablePath() else {
            Output.error("cannot find the path of the running bilan (/proc/self/exe)")
            throw ExitCode(1)
        }
        let archive = global.database.path
        let env = ProcessInfo.processInfo.environment
        var args: [String]
        if let command = env["SSH_ORIGINAL_COMMAND"], !command.trimmingCharacters(in: .whitespaces).isEmpty {
            switch ExecPolicy.check(command) {
            case .failure(let refusal):
                Output.error(refusal.description)
                throw ExitCode(1)
            case .success(let words):
                args = ExecPolicy.arguments(for: words, archive: archive)
                // The alarm survives execv: SIGALRM ends a command that runs too long.
                if timeLimit > 0 { alarm(UInt32(timeLimit)) }
            }
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                Output.error("this account shows the bilan browser: connect with ssh -t, or give a command (weeks, show, search, fronts, tally)")
                throw ExitCode(1)
            }
            args = ["browse", "--read-only", "--db", archive]
            if ChildEnvironment.wantsASCII(env) { args.append("--ascii") }
        }
        signal(SIGALRM, SIG_DFL)
        // What the reader runs may never page (less can run a shell) nor write the archive; the
        // terminal name sshd passes on is cleaned as `serve` cleans it.
        setenv(ChildEnvironment.restricted, "1", 1)
        setenv("PAGER", "cat", 1)
        setenv("LESSSECURE", "1", 1)
        setenv("SHELL", "/bin/false", 1)
        if let term = env["TERM"] { setenv("TERM", ChildEnvironment.term(term), 1) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([bilan] + args).map { strdup($0) } + [nil]
        execv(bilan, argv)
        Output.error("cannot run \(bilan): \(String(cString: strerror(errno)))")
        throw ExitCode(1)
    }
}
