import Foundation
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reaps every child of the server on a thread of its own (waitpid blocks; the event loops never
/// call it) and hands each exit status to whoever watches that pid.
final class ChildReaper: @unchecked Sendable {
    static let shared = ChildReaper()

    private let condition = NSCondition()
    private var live = 0
    private var watchers: [pid_t: EventLoopPromise<Int32>] = [:]
    private var unclaimed: [pid_t: Int32] = [:]
    private var thread: Thread?

    /// Runs `start` (which forks and returns the pid, or -1) counting the child as live, so that the
    /// reaper waits for it.
    func spawn(_ start: () -> pid_t) -> pid_t {
        condition.lock()
        live += 1
        if thread == nil {
            let t = Thread { [unowned self] in self.run() }
            t.name = "bilan-reaper"
            t.start()
            thread = t
        }
        condition.unlock()
        let pid = start()
        condition.lock()
        if pid <= 0 { live -= 1 }
        condition.broadcast()
        condition.unlock()
        return pid
    }

    /// The raw wait status of `pid`, delivered on `loop`.
    func exitStatus(of pid: pid_t, on loop: EventLoop) -> EventLoopFuture<Int32> {
        let promise = loop.makePromise(of: Int32.self)
        condition.lock()
        if let status = unclaimed.removeValue(forKey: pid) {
            condition.unlock()
            promise.succeed(status)
        } else {
            watchers[pid] = promise
            condition.unlock()
        }
        return promise.futureResult
    }

    /// Children not reaped yet.
    var liveCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return live
    }

    private func run() {
        while true {
            condition.lock()
            while live == 0 { condition.wait() }
            condition.unlock()
            var status: Int32 = 0
            let pid = waitpid(-1, &status, 0)
            if pid < 0 {
                // ECHILD: counted but not forked yet; EINTR: retry.
                condition.lock()
                _ = condition.wait(until: Date().addingTimeInterval(0.02))
                condition.unlock()
                continue
            }
            condition.lock()
            live -= 1
            let watcher = watchers.removeValue(forKey: pid)
            if watcher == nil { unclaimed[pid] = status }
            condition.unlock()
            watcher?.succeed(status)
        }
    }

    /// The exit status a shell would show: the code, or 128 + the signal number.
    static func shellStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
