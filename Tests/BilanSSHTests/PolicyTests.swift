import BilanSSHPolicy
import Testing

@Suite struct ShellWordsTests {
    @Test(arguments: [
        ("weeks", ["weeks"]),
        ("  search   drones  ", ["search", "drones"]),
        (#"search "Chasiv Yar""#, ["search", "Chasiv Yar"]),
        ("search 'Chasiv Yar' --json", ["search", "Chasiv Yar", "--json"]),
        (#"search Chasiv\ Yar"#, ["search", "Chasiv Yar"]),
        (#"search "a \"b\" \\ \$HOME \` c""#, ["search", #"a "b" \ $HOME ` c"#]),
        (#"search "keep \n and \x""#, ["search", #"keep \n and \x"#]),
        ("search 'no \\ escapes \" here'", ["search", #"no \ escapes " here"#]),
        ("search $HOME * ~ ?", ["search", "$HOME", "*", "~", "?"]),
        ("search ''", ["search", ""]),
        ("search a''b \"\"c", ["search", "ab", "c"]),
        ("search one\\\ntwo", ["search", "onetwo"]),
        ("show\tlatest\n--json", ["show", "latest", "--json"]),
        ("", []),
    ])
    func splits(_ line: String, _ words: [String]) throws {
        #expect(try ShellWords.split(line) == words)
    }

    @Test func refusesUnclosedQuotesAndOperators() throws {
        #expect(throws: ShellWords.SplitError.unclosedQuote("'")) { try ShellWords.split("search 'Chasiv") }
        #expect(throws: ShellWords.SplitError.unclosedQuote("\"")) { try ShellWords.split("search \"Chasiv") }
        #expect(throws: ShellWords.SplitError.trailingBackslash) { try ShellWords.split("search a\\") }
        for op in ["|", ";", "&", ">", "<", "(", ")", "`"] {
            #expect(throws: ShellWords.SplitError.shellOperator(Character(op))) { try ShellWords.split("tally \(op) x") }
            // Quoted, it is an ordinary character.
            #expect(try ShellWords.split("search '\(op)'") == ["search", op])
        }
        #expect(throws: ShellWords.SplitError.shellOperator("`")) { try ShellWords.split("search `id`") }
    }
}

@Suite struct ExecPolicyTests {
    func allowed(_ command: String) -> [String]? {
        if case .success(let words) = ExecPolicy.check(command) { return words }
        return nil
    }

    func refusal(_ command: String) -> String? {
        if case .failure(let r) = ExecPolicy.check(command) { return r.description }
        return nil
    }

    @Test(arguments: [
        "weeks", "weeks --json", "show latest", "show 971-975 --lang fr --json", "show --lang=en 973",
        #"search "Chasiv Yar""#, "search drones -capitale --limit 5 --sort date --json",
        "search --front Kursk --front 'Donetsk Oblast' --week latest", "fronts --all --json", "tally",
        "tally --lang en --csv", "tally --json", "weeks --help", "search -h", "search -- --weird",
    ])
    func allowsReadOnlyCommands(_ command: String) {
        #expect(allowed(command) != nil, "\(refusal(command) ?? "")")
    }

    @Test(arguments: [
        ("import /etc/passwd", "not available"), ("serve", "not available"), ("sh -c id", "not available"),
        ("remove latest", "not available"), ("reindex", "not available"), ("fetch", "not available"),
        ("ssh-entry", "not available"), ("browse", "not available"), ("/bin/sh", "not available"), ("frobnicate", "not available"),
        ("", "no command"), ("weeks --db /etc/passwd", "--db"), ("weeks --db=/etc/passwd", "--db"),
        ("search -- --db /x", "--db"), ("show --lang --db x", "--db"), ("search drones --db x", "--db"),
        ("tally --output /tmp/x", "--output"), ("weeks --csv", "--csv"), ("fronts --json=1", "takes no value"),
        ("show -x latest", "-x"), ("search --limit", "needs a value"), ("tally --json | sh", "shell operator"),
        ("weeks; rm -rf /", "shell operator"), ("weeks > /tmp/x", "shell operator"), ("search $(id)", "shell operator"),
        ("show 'latest", "unclosed"),
    ])
    func refuses(_ command: String, _ reason: String) {
        let why = refusal(command)
        #expect(why != nil, "`\(command)` must be refused")
        #expect(why?.contains(reason) == true, "`\(command)`: \(why ?? "")")
    }

    @Test func refusesHugeCommands() {
        #expect(refusal("search " + String(repeating: "a", count: 5000))?.contains("longer") == true)
        #expect(refusal("search" + String(repeating: " a", count: 70))?.contains("words") == true)
    }

    @Test func dbComesBeforeTheReadersWords() {
        let words = allowed("search -- drones")!
        #expect(ExecPolicy.arguments(for: words, archive: "/srv/a.sqlite") == ["search", "--db", "/srv/a.sqlite", "--", "drones"])
    }
}

@Suite struct ChildEnvironmentTests {
    @Test func term() {
        #expect(ChildEnvironment.term("xterm-256color") == "xterm-256color")
        #expect(ChildEnvironment.term("screen.xterm+new_1") == "screen.xterm+new_1")
        for bad in ["", "../../etc/x", "xterm;rm", "x\u{1b}", String(repeating: "a", count: 65), "xtérm", "a b"] {
            #expect(ChildEnvironment.term(bad) == "xterm-256color", "\(bad)")
        }
    }

    @Test func clamp() {
        #expect(ChildEnvironment.clamp(columns: 80, rows: 24) == (80, 24))
        #expect(ChildEnvironment.clamp(columns: 0, rows: 0) == (80, 24))
        #expect(ChildEnvironment.clamp(columns: 100_000, rows: 100_000) == (500, 300))
        #expect(ChildEnvironment.clamp(columns: 1, rows: 1) == (10, 5))
    }

    @Test func locale() {
        #expect(!ChildEnvironment.wantsASCII([:]))
        #expect(!ChildEnvironment.wantsASCII(["LANG": "fr_FR.UTF-8"]))
        #expect(!ChildEnvironment.wantsASCII(["LANG": "C", "LC_ALL": "en_US.utf8"]))
        #expect(ChildEnvironment.wantsASCII(["LANG": "C"]))
        #expect(ChildEnvironment.wantsASCII(["LANG": "fr_FR.UTF-8", "LC_CTYPE": "POSIX"]))
        #expect(ChildEnvironment.wantsASCII(["LANG": "en_US.UTF-8", "LC_ALL": "fr_FR.ISO-8859-1"]))
        #expect(!ChildEnvironment.wantsASCII(["LANG": "C", "LC_ALL": ""]) == false)
        #expect(ChildEnvironment.acceptsEnvironment(name: "LANG", value: "C.UTF-8"))
        #expect(ChildEnvironment.acceptsEnvironment(name: "LC_CTYPE", value: "fr_FR.UTF-8"))
        #expect(!ChildEnvironment.acceptsEnvironment(name: "LD_PRELOAD", value: "/tmp/x.so"))
        #expect(!ChildEnvironment.acceptsEnvironment(name: "PATH", value: "/tmp"))
        #expect(!ChildEnvironment.acceptsEnvironment(name: "LC_ALL", value: "a\nb"))
        #expect(!ChildEnvironment.acceptsEnvironment(name: "LC_x", value: "C"))
    }

    @Test func browserArgumentsAndEnvironment() {
        #expect(ChildEnvironment.browserArguments(bilan: "/b", archive: "/a", ascii: true) == ["/b", "browse", "--read-only", "--db", "/a", "--ascii"])
        let env = ChildEnvironment.variables(term: "vt100")
        #expect(env.contains("TERM=vt100") && env.contains("LANG=C.UTF-8") && env.contains("HOME=/nonexistent"))
        #expect(!env.contains { $0.hasPrefix("BILAN_DB=") || $0.hasPrefix("SSH_") })
        // What a reader runs never pages (a pager can run a shell) and never writes the archive.
        #expect(env.contains("BILAN_RESTRICTED=1") && env.contains("PAGER=cat") && env.contains("LESSSECURE=1"))
    }
}

@Suite struct SourceAddressTests {
    @Test func ipv6CountsByItsSlash64AndMappedIPv4AsIPv4() {
        #expect(Admission.source(of: "127.0.0.1") == "127.0.0.1")
        #expect(Admission.source(of: "2001:DB8:1:2:3:4:5:6") == "2001:db8:1:2::/64")
        #expect(Admission.source(of: "2001:db8:1:2::9") == "2001:db8:1:2::/64")
        #expect(Admission.source(of: "2001:db8:0001:0002:ffff::1%eth0") == "2001:db8:1:2::/64")
        #expect(Admission.source(of: "::1") == "0:0:0:0::/64")
        #expect(Admission.source(of: "::ffff:10.0.0.1") == "10.0.0.1")
        #expect(Admission.source(of: "not an address") == "not an address")
    }

    @Test func oneSlash64SharesThePerAddressLimits() {
        var a = Admission(limits: .init(maxSessions: 64, maxPerAddress: 1, ratePerSecond: 100))
        for i in 1...4 { #expect(a.connect("2001:db8:1:2::\(i)", now: 0) == .admitted) }
        #expect(a.connect("2001:db8:1:2::99", now: 0) != .admitted)
        #expect(a.connect("2001:db8:1:3::1", now: 0) == .admitted)
        #expect(a.startSession("2001:db8:1:2::1") == .admitted)
        #expect(a.startSession("2001:db8:1:2::2") != .admitted)
        a.endSession("2001:db8:1:2::1")
        #expect(a.startSession("2001:db8:1:2::2") == .admitted)
        a.disconnect("2001:db8:1:2::1")
        #expect(a.connections(from: "2001:db8:1:2::77") == 3)
    }
}

@Suite struct DurationAndOptionsTests {
    @Test func durations() {
        #expect(DurationText.seconds("30m") == 1800)
        #expect(DurationText.seconds("90s") == 90)
        // Past a year is refused rather than overflowing a timer.
        #expect(DurationText.seconds("1e300") == nil)
        #expect(DurationText.seconds("400d") == nil)
        #expect(DurationText.seconds("365d") == 31_536_000.0)
        #expect(DurationText.seconds("1h") == 3600)
        #expect(DurationText.seconds("1h30m") == 5400)
        #expect(DurationText.seconds("500ms") == 0.5)
        #expect(DurationText.seconds("45") == 45)
        #expect(DurationText.seconds("0") == 0)
        for bad in ["", "m", "10x", "-5", "1h-", "h1", "1.2.3s"] { #expect(DurationText.seconds(bad) == nil, "\(bad)") }
        #expect(DurationText.format(1800) == "30m")
        #expect(DurationText.format(5400) == "1h30m")
        #expect(DurationText.format(90) == "1m30s")
    }

    @Test func serveOptions() throws {
        let o = try ServeOptions.parse([
            "--listen", "0.0.0.0:2200", "--max-sessions", "3", "--max-per-ip", "2", "--idle-timeout", "90s", "--db", "/a",
            "--bilan", "/b",
        ])
        #expect(o.host == "0.0.0.0" && o.port == 2200 && o.maxSessions == 3 && o.maxPerAddress == 2 && o.idleTimeout == 90)
        let d = try ServeOptions.parse([])
        #expect(d.host == "127.0.0.1" && d.port == 2222 && d.maxSessions == 64 && d.maxPerAddress == 8 && d.idleTimeout == 1800)
        #expect(try ServeOptions.parseListen("[::1]:22") == ("::1", 22))
        #expect(try ServeOptions.parseListen(":0") == ("127.0.0.1", 0))
        #expect(throws: ServeOptions.OptionError.self) { try ServeOptions.parse(["--listen", "host:99999"]) }
        #expect(throws: ServeOptions.OptionError.self) { try ServeOptions.parse(["--max-sessions", "0"]) }
        #expect(throws: ServeOptions.OptionError.self) { try ServeOptions.parse(["--idle-timeout", "soon"]) }
        #expect(throws: ServeOptions.OptionError.self) { try ServeOptions.parse(["--frobnicate"]) }
    }
}

@Suite struct AdmissionTests {
    @Test func sessionLimits() {
        var a = Admission(limits: .init(maxSessions: 3, maxPerAddress: 2, ratePerSecond: 100))
        #expect(a.startSession("10.0.0.1") == .admitted)
        #expect(a.startSession("10.0.0.1") == .admitted)
        guard case .refused(let why) = a.startSession("10.0.0.1") else { Issue.record("3rd from one address"); return }
        #expect(why.contains("2 sessions"))
        #expect(a.startSession("10.0.0.2") == .admitted)
        guard case .refused(let full) = a.startSession("10.0.0.3") else { Issue.record("over the total"); return }
        #expect(full.contains("full"))
        a.endSession("10.0.0.1")
        #expect(a.startSession("10.0.0.3") == .admitted)
        #expect(a.sessionCount == 3)
        a.endSession("10.0.0.9")  // unknown: no effect
        #expect(a.sessionCount == 3)
    }

    @Test func connectionRatePerAddress() {
        var a = Admission(limits: .init(maxSessions: 64, maxPerAddress: 8, ratePerSecond: 3))
        for i in 0..<3 { #expect(a.connect("1.2.3.4", now: 100 + Double(i) * 0.1) == .admitted) }
        guard case .refused(let why) = a.connect("1.2.3.4", now: 100.35) else { Issue.record("4th in a second"); return }
        #expect(why.contains("too many new connections"))
        #expect(a.connect("5.6.7.8", now: 100.4) == .admitted)  // other addresses are not affected
        #expect(a.connect("1.2.3.4", now: 101.5) == .admitted)  // a second later
    }

    @Test func connectionCaps() {
        var a = Admission(limits: .init(maxSessions: 4, maxPerAddress: 2, ratePerSecond: 1000))
        #expect(a.limits.connectionCapPerAddress == 4 && a.limits.connectionCap == 16)
        for i in 0..<4 { #expect(a.connect("1.1.1.1", now: Double(i)) == .admitted) }
        #expect(a.connect("1.1.1.1", now: 5) != .admitted)
        a.disconnect("1.1.1.1")
        #expect(a.connect("1.1.1.1", now: 6) == .admitted)
        for i in 0..<12 { #expect(a.connect("2.2.2.\(i % 4)", now: 7) == .admitted) }
        #expect(a.connect("3.3.3.3", now: 8) != .admitted)  // 16 open in all
    }
}
