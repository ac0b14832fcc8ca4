import ArgumentParser
import BilanCore
import BilanStore
import Foundation

/// The programs installed next to `bilan` (bilan-serve, bilan-web), which carry the libraries that
/// `bilan` leaves out to start fast.
enum Sibling {
    /// Replaces this process with the sibling `name`, given `arguments`; returns only by throwing.
    static func exec(_ name: String, _ arguments: [String]) throws -> Never {
        guard let own = executablePath() else {
            Output.error("cannot find the path of the running bilan (/proc/self/exe)")
            throw ExitCode(1)
        }
        guard let program = path(name) else {
            Output.error("\((own as NSString).deletingLastPathComponent)/\(name) is missing: it is built and installed next to bilan (swift build builds it)")
            throw ExitCode(1)
        }
        fflush(nil)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, argv)
        Output.error("cannot start \(program): \(String(cString: strerror(errno)))")
        throw ExitCode(1)
    }

    /// The sibling's path, when it is there and executable.
    static func path(_ name: String) -> String? {
        guard let own = executablePath() else { return nil }
        let program = (own as NSString).deletingLastPathComponent + "/" + name
        return FileManager.default.isExecutableFile(atPath: program) ? program : nil
    }

    /// This process's arguments after the program name, to hand the same command over.
    static var sameArguments: [String] { Array(CommandLine.arguments.dropFirst()) }
}

/// The web work (`bilan-web` installs it; `bilan` itself does not link libxml2 nor libcurl).
public struct WebHooks: Sendable {
    /// A saved page's bytes → the summary's text, or a `ParseError` naming the file.
    public var extractPage: Importer.PageExtractor
    /// Fetches the job's pages into the store, telling progress; stops between pages (and aborts the
    /// request under way) once `cancel` is set.
    public var fetch: @Sendable (FetchJob, Store, CancelFlag, @escaping @Sendable (FetchProgress) -> Void) throws -> Void

    public init(
        extractPage: @escaping Importer.PageExtractor,
        fetch: @escaping @Sendable (FetchJob, Store, CancelFlag, @escaping @Sendable (FetchProgress) -> Void) throws -> Void
    ) {
        self.extractPage = extractPage
        self.fetch = fetch
    }

    /// Set by `bilan-web` before it parses its arguments; nil in `bilan`.
    nonisolated(unsafe) public static var installed: WebHooks?
}
