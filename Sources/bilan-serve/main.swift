import BilanSSH
import BilanSSHPolicy
import Foundation

// bilan-serve: the SSH server behind `bilan serve`, which prepares the archive, resolves the
// defaults and starts this program with every option spelled out (--db, --bilan, --host-key, …).
// It is a program of its own so that `bilan` does not link SwiftNIO and BoringSSL: each `bilan`
// process would pay for them at start (README, "Serving over SSH").
do {
    let options = try ServeOptions.parse(Array(CommandLine.arguments.dropFirst()))
    exit(SSHServer.run(options))
} catch {
    FileHandle.standardError.write(Data("bilan serve: \(error.description)\n".utf8))
    exit(2)
}
