#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe the event loop polls next to standard input, so other threads and signal handlers can wake it.
///
/// Both ends are non-blocking and close on exec. Writers put one byte in: `wakeByte` from `wake()`,
/// a signal number from a signal handler. The pipe closes when the last owner (the terminal or a
/// waker closure that outlived it) lets go, so a late wake never writes into a reused descriptor.
final class SelfPipe: Sendable {
    /// The byte `wake()` writes; signal handlers write their signal number (always below 65).
    static let wakeByte: UInt8 = 0x77

    /// The end `nextEvent` polls and drains.
    let readFD: Int32
    /// The end wakers and signal handlers write to.
    let writeFD: Int32

    /// Opens the pipe; nil when the process is out of descriptors.
    init?() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// Makes a pending poll on `readFD` return; safe from any thread.
    func wake() {
        var byte = Self.wakeByte
        // A full pipe already holds a wake-up: dropping this byte loses nothing.
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe; returns whether `wake()` was called since the last drain.
    func drain() -> Bool {
        var woken = false
        var bytes = [UInt8](repeating: 0, count: 64)
        while true {
            let n = bytes.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
            if n <= 0 { return woken }
            if bytes[0..<n].contains(Self.wakeByte) { woken = true }
        }
    }
}
