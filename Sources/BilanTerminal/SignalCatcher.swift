import CNcurses

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signals the curses terminal catches, and what its handlers do.
///
/// - SIGTERM, SIGHUP, SIGINT, SIGQUIT ask the program to stop: the handler counts the signal and
///   wakes the event loop, which reports `.hangup`; the app then calls `close()`. If a second such
///   signal arrives before that, the handler restores the terminal itself (shell modes and the
///   terminal's exit sequence) and lets the signal kill the process.
/// - SIGWINCH: counted and the loop woken; `nextEvent` reads the new size and resizes curses.
/// - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP: the terminal is restored, then the previous
///   action (Swift's backtracer, or the default) runs, so a crash report lands on a sane terminal.
///
/// Handlers only touch `SignalMemory` and call async-signal-safe functions (write, tcsetattr,
/// sigaction, raise). The catcher installs them before `newterm`, so ncurses keeps its hands off
/// SIGINT, SIGTERM and SIGWINCH; it leaves SIGTSTP to ncurses.
final class SignalCatcher {
    /// Signals that mean "stop now".
    static let stopSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    /// Signals that end the process abnormally.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    private let memory = SignalMemory.shared
    private var saved: [(signal: Int32, action: sigaction)] = []
    private var seenWindowChanges: sig_atomic_t = 0

    /// Installs the handlers; the self-pipe's write end is what they wake.
    ///
    /// - Parameters:
    ///   - pipe: the event loop's self-pipe.
    ///   - ttyFD: the terminal's descriptor, for the emergency restore.
    ///   - shellModes: the terminal modes before curses started.
    init(pipe: SelfPipe, ttyFD: Int32, shellModes: termios) {
        memory.armed.pointee = 0
        memory.stops.pointee = 0
        memory.wakeFD.pointee = pipe.writeFD
        memory.ttyFD.pointee = ttyFD
        memory.shellModes.pointee = shellModes
        seenWindowChanges = memory.counts[Int(SIGWINCH)]

        var loopSignals = sigset_t()
        sigemptyset(&loopSignals)
        for s in Self.stopSignals + [SIGWINCH] { sigaddset(&loopSignals, s) }
        var nothing = sigset_t()
        sigemptyset(&nothing)

        for s in Self.stopSignals {
            // Respect a stop signal someone deliberately ignores (nohup, background jobs), except SIGTERM.
            if s != SIGTERM && shim_signal_ignored(s) != 0 { continue }
            install(s, handleStopSignal, blocked: &loopSignals, flags: SA_RESTART)
        }
        install(SIGWINCH, handleWindowChange, blocked: &loopSignals, flags: SA_RESTART)
        for s in Self.crashSignals {
            install(s, handleCrash, blocked: &nothing, flags: SA_ONSTACK)
        }

        // Threads spawned by test runners or Dispatch may have passed on a mask that blocks these.
        var unblock = loopSignals
        sigaddset(&unblock, SIGTSTP)
        sigaddset(&unblock, SIGCONT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    private func install(
        _ signal: Int32, _ handler: @convention(c) (Int32) -> Void, blocked: inout sigset_t, flags: Int32
    ) {
        var old = sigaction()
        guard shim_catch_signal(signal, handler, &blocked, flags, &old) == 0 else { return }
        saved.append((signal, old))
        memory.previous[Int(signal)] = old
    }

    /// Turns the emergency restore on: from now on a crash or a second stop signal writes `exitBytes`
    /// to the terminal and restores its shell modes.
    func arm(exitBytes: [UInt8]) {
        let count = min(exitBytes.count, SignalMemory.exitCapacity)
        for i in 0..<count { memory.exitBytes[i] = exitBytes[i] }
        memory.exitCount.pointee = count
        memory.armed.pointee = 1
    }

    /// Turns the emergency restore off (the terminal was restored the normal way).
    func disarm() {
        memory.armed.pointee = 0
    }

    /// Puts back the actions that were in place before `init`.
    func restore() {
        disarm()
        for (signal, action) in saved.reversed() {
            var old = action
            sigaction(signal, &old, nil)
        }
        saved = []
        memory.wakeFD.pointee = -1
    }

    /// Whether a stop signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) arrived since `init`.
    var stopRequested: Bool { memory.stops.pointee != 0 }

    /// Whether SIGWINCH arrived since the last call.
    func takeWindowChange() -> Bool {
        let count = memory.counts[Int(SIGWINCH)]
        guard count != seenWindowChanges else { return false }
        seenWindowChanges = count
        return true
    }
}

/// Memory the signal handlers reach without locks or allocation: allocated once per process (before
/// any handler is installed), never freed.
struct SignalMemory: @unchecked Sendable {
    static let shared = SignalMemory()
    /// Room for the terminal's exit sequence.
    static let exitCapacity = 256
    private static let slots = 65

    /// How many times each signal arrived, by signal number.
    let counts = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slots)
    /// Stop signals since the catcher was installed.
    let stops = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    /// 1 while a terminal is open that the emergency restore must give back.
    let armed = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    /// The self-pipe's write end, or -1.
    let wakeFD = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    /// The terminal's descriptor.
    let ttyFD = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    /// Terminal modes from before curses.
    let shellModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    /// The bytes that leave full-screen mode (attributes off, cursor on, keypad off, main screen).
    let exitBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: exitCapacity)
    let exitCount = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    /// The actions that were installed before ours, by signal number.
    let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: slots)

    private init() {
        counts.initialize(repeating: 0, count: Self.slots)
        stops.initialize(to: 0)
        armed.initialize(to: 0)
        wakeFD.initialize(to: -1)
        ttyFD.initialize(to: -1)
        shellModes.initialize(to: termios())
        exitBytes.initialize(repeating: 0, count: Self.exitCapacity)
        exitCount.initialize(to: 0)
        previous.initialize(repeating: sigaction(), count: Self.slots)
    }

    /// Wakes the event loop with the signal number as the byte.
    func wake(_ signal: Int32) {
        let fd = wakeFD.pointee
        guard fd >= 0 else { return }
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(fd, &byte, 1)
    }

    /// Gives the terminal back without curses: exit sequence, then shell modes. Runs at most once.
    func emergencyRestore() {
        guard armed.pointee != 0 else { return }
        armed.pointee = 0
        let fd = ttyFD.pointee
        _ = write(fd, exitBytes, exitCount.pointee)
        _ = tcsetattr(fd, TCSANOW, shellModes)
    }
}

/// SIGTERM, SIGHUP, SIGINT, SIGQUIT: ask the loop to stop; the second one restores and dies.
private func handleStopSignal(_ signal: Int32) {
    let memory = SignalMemory.shared
    memory.counts[Int(signal)] &+= 1
    memory.stops.pointee &+= 1
    if memory.stops.pointee >= 2 {
        memory.emergencyRestore()
        _ = shim_default_signal(signal, nil)
        raise(signal)  // pending until this handler returns, then fatal
        return
    }
    memory.wake(signal)
}

/// SIGWINCH: count it and wake the loop.
private func handleWindowChange(_ signal: Int32) {
    let memory = SignalMemory.shared
    memory.counts[Int(signal)] &+= 1
    memory.wake(signal)
}

/// A crash: restore the terminal, then hand the signal to the action that was there before ours.
private func handleCrash(_ signal: Int32) {
    let memory = SignalMemory.shared
    memory.emergencyRestore()
    sigaction(signal, memory.previous + Int(signal), nil)
    // Delivered to the previous action as soon as this handler returns (abort() would otherwise
    // skip it); a fault would repeat anyway.
    raise(signal)
}
