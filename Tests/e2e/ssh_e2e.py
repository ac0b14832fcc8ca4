#!/usr/bin/env python3
"""End-to-end tests of `bilan serve` with the real OpenSSH client, inside tmux.

    Tests/e2e/ssh_e2e.sh [PATH-TO-BILAN]          (default .build/debug/bilan; bilan-serve beside it)
    SSH_E2E_ONLY=exec,limits Tests/e2e/ssh_e2e.sh   only the tests whose names contain a word

Every server binds 127.0.0.1 on a free port (--listen 127.0.0.1:0), every test has its own tmux
socket (-L) and temporary directory, client keys come from ssh-keygen, and everything is bounded
in time. The last line is `ssh-e2e: N passed, M failed`; the exit status is 1 on any failure.
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BILAN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/bilan"))
FIXTURES = os.path.join(ROOT, "Tests/Fixtures/weeks")
ONLY = [w for w in os.environ.get("SSH_E2E_ONLY", "").split(",") if w]
WORK = tempfile.mkdtemp(prefix="bilan-ssh-e2e-")
BASE_DB = os.path.join(WORK, "base.sqlite")


class Failed(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failed(what)


def wait_until(pred, timeout, what, step=0.1):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = pred()
        if v:
            return v
        time.sleep(step)
    raise Failed(f"timed out after {timeout:.0f} s waiting for {what}")


class Server:
    """`bilan serve` on 127.0.0.1, port chosen by the kernel, in a directory of its own."""

    def __init__(self, name, *extra, host_key=None):
        self.dir = os.path.join(WORK, name)
        os.makedirs(self.dir, exist_ok=True)
        self.db = os.path.join(self.dir, "archive.sqlite")
        shutil.copy(BASE_DB, self.db)
        self.host_key = host_key or os.path.join(self.dir, "host_key")
        self.out = open(os.path.join(self.dir, "stdout"), "w+")
        self.err = open(os.path.join(self.dir, "stderr"), "w+")
        args = [BILAN, "serve", "--db", self.db, "--listen", "127.0.0.1:0", "--host-key", self.host_key,
                "--max-new-per-second", "200", *extra]
        self.proc = subprocess.Popen(args, stdout=self.out, stderr=self.err, stdin=subprocess.DEVNULL)
        self.port = int(wait_until(self._port, 60, "the server to listen"))

    def _port(self):
        if self.proc.poll() is not None:
            raise Failed(f"server exited with {self.proc.returncode}: {self.stderr()[-800:]}")
        m = re.search(r"listening on 127\.0\.0\.1:(\d+)", self.stdout())
        return m and m.group(1)

    def stdout(self):
        with open(self.out.name) as f:
            return f.read()

    def stderr(self):
        with open(self.err.name) as f:
            return f.read()

    def children(self):
        """(pid, state) of the server's children."""
        out = []
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[1]) == self.proc.pid:
                out.append((int(pid), fields[0]))
        return out

    def fds(self):
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.out.close()
        self.err.close()


def ssh_args(server, key=None, extra=()):
    args = ["ssh", "-p", str(server.port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", "-o", "BatchMode=yes", "-F", "/dev/null"]
    if key:
        args += ["-i", key, "-o", "IdentitiesOnly=yes", "-o", "PreferredAuthentications=publickey"]
    else:
        args += ["-o", "PubkeyAuthentication=no"]
    return args + list(extra)


def run_ssh(server, command, key=None, extra=(), timeout=30):
    args = ssh_args(server, key, extra) + ["reader@127.0.0.1"] + ([command] if command else [])
    p = subprocess.run(args, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


class Tmux:
    """A tmux server on its own socket, running one ssh -tt client."""

    def __init__(self, name, command, cols=80, rows=24, env=None):
        self.sock = f"bilan-ssh-e2e-{os.getpid()}-{name}"
        self.exit_file = os.path.join(WORK, f"{name}.exit")
        env_prefix = " ".join(f"{k}={v}" for k, v in (env or {}).items())
        shell = f"{env_prefix} {command}; echo $? > {self.exit_file}; sleep 60"
        subprocess.run(["tmux", "-L", self.sock, "-f", "/dev/null", "new-session", "-d", "-x", str(cols), "-y", str(rows),
                        "sh", "-c", shell], check=True, timeout=10)

    def screen(self):
        p = subprocess.run(["tmux", "-L", self.sock, "capture-pane", "-p"], capture_output=True, timeout=10)
        return p.stdout.decode("utf-8", "replace")

    def keys(self, *keys):
        subprocess.run(["tmux", "-L", self.sock, "send-keys", *keys], check=True, timeout=10)

    def resize(self, cols, rows):
        subprocess.run(["tmux", "-L", self.sock, "resize-window", "-x", str(cols), "-y", str(rows)], check=True, timeout=10)

    def wait_for(self, text, timeout=20):
        return wait_until(lambda: text in self.screen(), timeout, f"“{text}” on the screen:\n{self.screen()}")

    def exit_status(self, timeout=15):
        def read():
            try:
                with open(self.exit_file) as f:
                    return f.read().strip() or None
            except OSError:
                return None
        return int(wait_until(read, timeout, "ssh to exit"))

    def close(self):
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True, timeout=10)


def browser_command(server, extra=""):
    return " ".join(ssh_args(server)) + f" {extra} -tt reader@127.0.0.1"


# ---- the tests ----

def test_browser_keys_resize_quit():
    s = Server("browser")
    t = Tmux("browser", browser_command(s))
    try:
        t.wait_for("Weeks │ 1/1")
        check("971–975" in t.screen(), "the weeks view shows the sample week")
        t.keys("e")
        t.wait_for("Events │")
        t.resize(100, 30)

        def redrawn():
            lines = t.screen().rstrip("\n").split("\n")
            return len(lines) == 30 and "q quit" in lines[-1] and lines[-1].rstrip().endswith("quit") and len(lines[-1].rstrip()) > 90
        wait_until(redrawn, 10, "a redraw at 100x30:\n" + t.screen())
        t.keys("Q")
        check(t.exit_status() == 0, "Q ends ssh with status 0")
        wait_until(lambda: not s.children(), 10, "the browser to be reaped")
        check("browser" in s.stderr() and "exit status 0" in s.stderr(), "the log has the session and its exit status")
    finally:
        t.close()
        s.stop()


def test_ascii_for_non_utf8_locale():
    s = Server("ascii")
    t = Tmux("ascii", browser_command(s, "-o SendEnv=LANG -o SendEnv=LC_ALL"), env={"LANG": "C", "LC_ALL": "C"})
    try:
        t.wait_for("1/1")
        check("971-975" in t.screen() and "971–975" not in t.screen(), "ASCII screen for LANG=C:\n" + t.screen())
        t.keys("Q")
        check(t.exit_status() == 0, "exit 0")
    finally:
        t.close()
        s.stop()


def test_exec_commands():
    s = Server("exec")
    try:
        rc, out, err = run_ssh(s, "tally --json")
        check(rc == 0, f"tally --json exit {rc}: {err}")
        data = json.loads(out)
        check(isinstance(data, list) and data and data[0]["week"] == "971-975", "tally JSON")
        rc, out, err = run_ssh(s, 'search "Chasiv Yar" --json')
        check(rc == 0 and json.loads(out), f"quoted search: {rc} {err}")
        rc, out, err = run_ssh(s, "tally --csv")
        check(rc == 0 and out.startswith("week,language"), "tally --csv")
        for command, word in [("sh -c id", "not available"), ("import /etc/passwd", "not available"),
                              ("serve", "not available"), ("frobnicate", "not available"),
                              ("weeks --db /etc/passwd", "--db"), ("weeks --db=/tmp/x", "--db"),
                              ("tally --json | sh", "shell operator"), ("show 'latest", "unclosed")]:
            rc, out, err = run_ssh(s, command)
            check(rc == 1, f"`{command}` exit {rc}, expected 1")
            check(word in err, f"`{command}` says why: {err!r}")
            check(out == "", f"`{command}` prints nothing on stdout")
        rc, out, err = run_ssh(s, None)
        check(rc == 1 and "ssh -t" in err, f"no pty, no command: the hint ({rc} {err!r})")
        check(not s.children(), "no child left")
    finally:
        s.stop()


def test_refused_forwarding_and_subsystems():
    s = Server("forward")
    try:
        rc, _, err = run_ssh(s, None, extra=["-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:9"],
                             timeout=20)
        check(rc != 0, f"ssh -N -R fails (exit {rc})")
        rc, _, err = run_ssh(s, None, extra=["-N", "-o", "ExitOnForwardFailure=yes", "-L", "127.0.0.1:0:127.0.0.1:9"],
                             timeout=20)
        # -L only fails when a connection is forwarded; ask for it directly with -W.
        rc, _, err = run_ssh(s, None, extra=["-W", "127.0.0.1:9"], timeout=20)
        check(rc != 0, f"ssh -W (direct-tcpip) fails (exit {rc})")
        rc, _, err = run_ssh(s, "sftp", extra=["-s"], timeout=20)
        check(rc != 0, f"the sftp subsystem is refused (exit {rc})")
        check("refused remote port forwarding" in s.stderr(), "the log says so")
    finally:
        s.stop()


def keygen(name, kind="ed25519"):
    path = os.path.join(WORK, name)
    args = ["ssh-keygen", "-q", "-t", kind, "-N", "", "-f", path, "-C", name]
    if kind == "rsa":
        args += ["-b", "2048"]
    subprocess.run(args, check=True, timeout=60, capture_output=True)
    return path


def test_authorized_keys():
    good, other, rsa = keygen("good"), keygen("other"), keygen("rsa", "rsa")
    keys = os.path.join(WORK, "authorized_keys")
    with open(keys, "w") as f:
        f.write("# readers\n")
        f.write(open(rsa + ".pub").read())
        f.write('restrict,pty,command="x y" ' + open(good + ".pub").read())
    s = Server("authkeys", "--authorized-keys", keys)
    try:
        check(re.search(r"authorized_keys line 2: ssh-rsa keys are not supported", s.stderr()), "the RSA line is named:\n" + s.stderr())
        rc, out, err = run_ssh(s, "weeks", key=other)
        check(rc == 255 and "Permission denied" in err, f"an unknown key is rejected ({rc} {err!r})")
        rc, out, err = run_ssh(s, "weeks")
        check(rc == 255, f"no key at all is rejected ({rc})")
        rc, out, err = run_ssh(s, "weeks", key=good)
        check(rc == 0 and "971-975" in out, f"a listed key gets in ({rc} {err!r})")
        check("refused key SHA256:" in s.stderr(), "the refusal is logged with the fingerprint")
    finally:
        s.stop()


def test_session_limits():
    s = Server("limits", "--max-sessions", "2", "--max-per-ip", "2")
    tmuxes = []
    try:
        for i in range(2):
            t = Tmux(f"limit{i}", browser_command(s))
            tmuxes.append(t)
            t.wait_for("1/1")
        rc, out, err = run_ssh(s, None, extra=["-tt"])
        check(rc == 1 and "full" in err, f"the 3rd session is refused with a message ({rc} {err!r})")
        rc, out, err = run_ssh(s, "weeks")
        check(rc == 1 and "full" in err, f"a command too ({rc} {err!r})")
        tmuxes[0].keys("Q")
        check(tmuxes[0].exit_status() == 0, "first reader quits")
        rc, out, err = wait_until(lambda: (lambda r: r[0] == 0 and r)(run_ssh(s, "weeks")), 10, "a free slot")
        check("971-975" in out, "a slot is free again")
    finally:
        for t in tmuxes:
            t.close()
        s.stop()


def test_rate_limit_and_per_address_connections():
    s = Server("rate", "--max-new-per-second", "3")
    try:
        results = []
        procs = [subprocess.Popen(ssh_args(s) + ["reader@127.0.0.1", "weeks"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, stdin=subprocess.DEVNULL) for _ in range(8)]
        for p in procs:
            p.wait(30)
            results.append(p.returncode)
        check(results.count(0) >= 1 and any(r != 0 for r in results), f"some refused, some served: {results}")
        check("too many new connections" in s.stderr(), "the refusal is logged")
    finally:
        s.stop()


def test_disconnect_storm():
    n = 50
    s = Server("storm", "--max-sessions", "64", "--max-per-ip", "64")
    clients = []
    try:
        base_fds = s.fds()
        for i in range(n):
            clients.append(subprocess.Popen(ssh_args(s) + ["-tt", "reader@127.0.0.1"], stdin=subprocess.PIPE,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                            env={**os.environ, "TERM": "xterm-256color"}))
            if i % 10 == 9:
                time.sleep(0.3)
        wait_until(lambda: len(s.children()) >= n, 90, f"{n} browsers (have {len(s.children())})", step=0.5)
        for c in clients:
            c.kill()
        for c in clients:
            c.wait(10)
        wait_until(lambda: not s.children(), 20, "every browser reaped (children: %s)" % s.children(), step=0.25)
        wait_until(lambda: s.fds() <= base_fds + 2, 10, f"descriptors back to {base_fds} (now {s.fds()})")
        rc, out, err = run_ssh(s, "weeks")
        check(rc == 0 and "971-975" in out, f"the server still answers ({rc} {err!r})")
    finally:
        for c in clients:
            if c.poll() is None:
                c.kill()
        s.stop()


def test_sigterm_goodbye():
    s = Server("sigterm")
    t = Tmux("sigterm", browser_command(s))
    try:
        t.wait_for("1/1")
        s.proc.send_signal(signal.SIGTERM)
        check(t.exit_status() != 0, "ssh ends")
        t.wait_for("goodbye")
        check(s.proc.wait(15) == 0, "the server exits 0")
        check(not s.children(), "no child left")
    finally:
        t.close()
        s.stop()


def test_new_weeks_seen_and_host_key():
    s = Server("import")
    try:
        rc, out, _ = run_ssh(s, "weeks")
        check(rc == 0 and out.count("\n") >= 1, "weeks before")
        before = out
        fixture = sorted(f for f in os.listdir(FIXTURES) if f.endswith((".txt", ".md")))[0]
        p = subprocess.run([BILAN, "import", "--db", s.db, os.path.join(FIXTURES, fixture)], capture_output=True, timeout=60)
        check(p.returncode == 0, f"import while serving: {p.stderr!r}")
        rc, out, _ = run_ssh(s, "weeks --json")
        check(rc == 0 and json.loads(out) and out != before, "a new session sees the imported week")
        fingerprint = re.search(r"host key (SHA256:\S+)", s.stdout()).group(1)
        check(oct(os.stat(s.host_key).st_mode & 0o777) == "0o600", "host key mode 0600")
        pub = subprocess.run(["ssh-keyscan", "-p", str(s.port), "-t", "ed25519", "127.0.0.1"], capture_output=True,
                             timeout=20).stdout.decode()
        scanned = subprocess.run(["ssh-keygen", "-l", "-f", "-"], input=pub.encode(), capture_output=True,
                                 timeout=20).stdout.decode()
        check(fingerprint in scanned, f"printed fingerprint {fingerprint} matches ssh-keyscan: {scanned!r}")
    finally:
        s.stop()
    # The key is reused by the next start; a key file readable by others is refused.
    s2 = Server("import2", host_key=s.host_key)
    try:
        check(fingerprint in s2.stdout() and "new)" not in s2.stdout(), "the host key is reused")
    finally:
        s2.stop()
    os.chmod(s.host_key, 0o644)
    p = subprocess.run([BILAN, "serve", "--db", s.db, "--listen", "127.0.0.1:0", "--host-key", s.host_key],
                       capture_output=True, timeout=30)
    check(p.returncode != 0 and b"chmod 600" in p.stderr, f"a key readable by others is refused: {p.stderr!r}")


def test_handshake_and_idle_timeouts():
    import socket
    s = Server("timeouts", "--handshake-timeout", "2s", "--idle-timeout", "5s")
    t = Tmux("timeouts", browser_command(s))
    try:
        silent = socket.create_connection(("127.0.0.1", s.port), timeout=10)
        t.wait_for("1/1")
        t0 = time.time()
        silent.settimeout(10)
        data = b""
        while True:  # the server's version line, then EOF once the handshake time is over
            chunk = silent.recv(4096)
            if not chunk:
                break
            data += chunk
        check(data.startswith(b"SSH-2.0-") and time.time() - t0 < 8, "a client that never logs in is closed")
        silent.close()
        time.sleep(1.5)
        t.keys("e")  # a logged-in reader is not hit by the handshake timeout
        t.wait_for("Events │")
        t.wait_for("goodbye", timeout=15)  # 5 s without a key
        check(t.exit_status() != 0, "the idle session ends")
        check("no key pressed for 5s" in s.stderr() or "idle for 5s" in s.stderr(), "logged")
        wait_until(lambda: not s.children(), 10, "the browser reaped")
    finally:
        t.close()
        s.stop()


TESTS = [test_browser_keys_resize_quit, test_ascii_for_non_utf8_locale, test_exec_commands,
         test_refused_forwarding_and_subsystems, test_authorized_keys, test_session_limits,
         test_rate_limit_and_per_address_connections, test_disconnect_storm, test_sigterm_goodbye,
         test_new_weeks_seen_and_host_key, test_handshake_and_idle_timeouts]


HOSTILE = ("Bilan de la semaine. Jours 1006-1010 de \x1b[2Jrésistance\n\n"
           "Les forces russes \x1b]52;c;cm0gLXJmIH4=\x07ont attaqué Pokrovsk\x1b[31m avec 40 drones\x1b[0m mardi.\n"
           "Un \x1b]8;;https://evil.example/\x1b\\lien piégé\x1b]8;;\x1b\\ vers Toretsk\x07 et \u009b2J Koupiansk.\n"
           "La défense a abattu \u202e32\u202c drones près de \u2067Kharkiv\u2069, dit le rapport.\n")


def hostile_bytes(raw):
    """What must never reach a reader's terminal from a summary: OSC 52 / OSC 8, C1 controls, bidi
    controls (the browser's own curses output is made of CSI sequences, which are allowed there)."""
    found = []
    for needle, name in [(b"\x1b]52", "OSC 52"), (b"\x1b]8;", "OSC 8"), (b"\x07", "BEL"), (b"\x1bP", "DCS")]:
        if needle in raw:
            found.append(name)
    if re.search(rb"\xc2[\x80-\x9f]", raw):
        found.append("C1")
    if re.search(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]", raw):
        found.append("bidi")
    return found


def test_escape_injection():
    s = Server("inject")
    try:
        path = os.path.join(s.dir, "hostile.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(HOSTILE)
        p = subprocess.run([BILAN, "import", "--db", s.db, path], capture_output=True, timeout=60)
        check(p.returncode == 0, f"import: {p.stderr!r}")
        for command in ["show 1006", "show 1006 --json", "search lien", "search piégé --json", "weeks", "tally"]:
            args = ssh_args(s) + ["reader@127.0.0.1", command]
            r = subprocess.run(args, capture_output=True, timeout=30, stdin=subprocess.DEVNULL)
            check(r.returncode == 0, f"`{command}` exit {r.returncode}: {r.stderr!r}")
            check(not hostile_bytes(r.stdout) and b"\x1b" not in r.stdout, f"`{command}`: {hostile_bytes(r.stdout)} in {r.stdout[:300]!r}")
        r = subprocess.run(ssh_args(s) + ["reader@127.0.0.1", "show 1006"], capture_output=True, timeout=30, stdin=subprocess.DEVNULL)
        check("Un lien piégé vers Toretsk et Koupiansk." in r.stdout.decode(), f"the words survive: {r.stdout[:400]!r}")
        # The browser over SSH: its raw output stream, recorded by tmux, carries none of them either.
        t = Tmux("inject", browser_command(s), cols=100, rows=30)
        raw = os.path.join(WORK, "inject.raw")
        try:
            subprocess.run(["tmux", "-L", t.sock, "pipe-pane", "-o", f"cat >> {raw}"], check=True, timeout=10)
            t.wait_for("1006")
            t.keys("Enter")
            t.wait_for("lien pi")
            t.keys("e")
            t.wait_for("Toretsk")
            t.keys("Q")
            check(t.exit_status() == 0, "browser exit status")
            with open(raw, "rb") as f:
                stream = f.read()
            check(stream and not hostile_bytes(stream), f"the browser's stream carries {hostile_bytes(stream)}")
        finally:
            t.close()
    finally:
        s.stop()


TESTS.append(test_escape_injection)

# ---- abuse on loopback (issue 6): the server keeps serving others and its memory stays bounded ----

def server_pss_kb(s):
    with open(f"/proc/{s.proc.pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def serves(s, what):
    rc, out, err = run_ssh(s, "weeks")
    check(rc == 0 and "971-975" in out, f"{what}: the server still answers a reader ({rc} {err!r})")


def paramiko_session(s, source="127.0.0.1"):
    import logging
    import paramiko
    import socket
    logging.getLogger("paramiko").setLevel(logging.CRITICAL)
    sock = socket.create_connection(("127.0.0.1", s.port), timeout=10, source_address=(source, 0))
    t = paramiko.Transport(sock)
    t.start_client(timeout=15)
    t.auth_password("reader", "x")
    return t


def recv_until(channel, needle, timeout):
    """Reads a paramiko channel until `needle` shows up; whether it did in time."""
    buf = b""
    deadline = time.time() + timeout
    while needle not in buf and time.time() < deadline:
        if channel.recv_ready():
            buf += channel.recv(65536)
        else:
            time.sleep(0.05)
    return needle in buf


def test_abuse_handshake_flood_and_garbage():
    """300 connections from another loopback address that send a version line and garbage, or
    nothing, or drop at once: refused or closed; a reader from 127.0.0.1 is served throughout."""
    import socket
    s = Server("flood", "--handshake-timeout", "3s", "--max-new-per-second", "20")
    try:
        serves(s, "before")
        base = server_pss_kb(s)
        garbage = os.urandom(64 * 1024)
        socks = []
        t0 = time.time()
        for i in range(300):
            try:
                c = socket.create_connection(("127.0.0.1", s.port), timeout=5, source_address=("127.0.0.2", 0))
            except OSError:
                continue
            kind = i % 3
            try:
                if kind == 0:
                    c.sendall(b"SSH-2.0-flood\r\n" + garbage)
                elif kind == 1:
                    c.sendall(b"\x00\xff" * 512)
            except OSError:
                pass
            if kind == 2:
                socks.append(c)  # held open, silent
            else:
                c.close()
        check(time.time() - t0 < 60, "the flood is bounded in time")
        serves(s, "during the flood")
        # The held connections are closed at the handshake timeout.
        def all_closed():
            closed = 0
            for c in socks:
                c.settimeout(0.05)
                try:
                    if c.recv(4096) == b"":
                        closed += 1
                except socket.timeout:
                    pass
                except OSError:
                    closed += 1
            return closed == len(socks)
        wait_until(lambda: all_closed() or None, 20, "the silent connections closed by the server")
        for c in socks:
            c.close()
        serves(s, "after the flood")
        growth = server_pss_kb(s) - base
        check(growth < 40_000, f"server memory grew by {growth} kB")
        check("refused" in s.stderr() or "closed" in s.stderr(), "the flood is logged")
    finally:
        s.stop()


def test_abuse_slow_loris():
    """Clients that send their version line a byte a second are closed at the handshake timeout."""
    import socket
    s = Server("loris", "--handshake-timeout", "3s")
    socks = []
    try:
        for _ in range(6):
            socks.append(socket.create_connection(("127.0.0.1", s.port), timeout=5, source_address=("127.0.0.3", 0)))
        line = b"SSH-2.0-slowloris-client-with-a-long-name\r\n"
        closed = set()
        t0 = time.time()
        i = 0
        while len(closed) < len(socks) and time.time() - t0 < 15:
            for n, c in enumerate(socks):
                if n in closed:
                    continue
                try:
                    c.send(line[i % len(line):i % len(line) + 1])
                except OSError:
                    closed.add(n)
            i += 1
            time.sleep(1)
        check(len(closed) == len(socks), f"every slow client closed within 15 s ({len(closed)}/{len(socks)})")
        check(time.time() - t0 < 12, "closed near the 3 s handshake timeout")
        serves(s, "after the slow clients")
    finally:
        for c in socks:
            c.close()
        s.stop()


def test_abuse_channels_and_window_changes():
    """A thousand channel-open requests on one connection: 8 are accepted, the rest refused, the
    connection and the server stay up; absurd window-change values are clamped and the browser
    still answers."""
    import paramiko
    s = Server("channels")
    t = None
    try:
        base = server_pss_kb(s)
        t = paramiko_session(s)
        opened = refused = 0
        channels = []
        for _ in range(1000):
            try:
                channels.append(t.open_session(timeout=5))
                opened += 1
            except paramiko.ChannelException:
                refused += 1
            except paramiko.SSHException:
                refused += 1
        check(opened == 8 and refused == 992, f"opened {opened}, refused {refused}")
        check(t.is_active(), "the connection is still up")
        # The first channel gets a browser; then absurd sizes.
        ch = channels[0]
        ch.get_pty(term="xterm-256color", width=80, height=24)
        ch.invoke_shell()
        check(recv_until(ch, b"971", 30), "the browser drew its weeks")
        for w, h in [(100000, 100000), (0, 0), (2**31 - 1, 2**31 - 1), (65535, 1), (1, 65535)]:
            ch.resize_pty(width=w, height=h)
            time.sleep(0.1)
        ch.resize_pty(width=100, height=30)
        ch.send("?")
        check(recv_until(ch, b"this help", 15), "the browser still answers keys after the resizes")
        ch.send("Q")
        serves(s, "after the channel flood")
        growth = server_pss_kb(s) - base
        check(growth < 40_000, f"server memory grew by {growth} kB")
    finally:
        if t is not None:
            t.close()
        s.stop()


TESTS += [test_abuse_handshake_flood_and_garbage, test_abuse_slow_loris, test_abuse_channels_and_window_changes]



def main():
    for tool in ("ssh", "ssh-keygen", "tmux"):
        if not shutil.which(tool):
            print(f"ssh-e2e: {tool} is missing (apt-get install openssh-client tmux)")
            print("ssh-e2e: 0 passed, 1 failed")
            return 1
    serve = os.path.join(os.path.dirname(BILAN), "bilan-serve")
    if not os.access(BILAN, os.X_OK) or not os.access(serve, os.X_OK):
        print(f"ssh-e2e: need {BILAN} and {serve} (swift build)")
        print("ssh-e2e: 0 passed, 1 failed")
        return 1
    subprocess.run([BILAN, "weeks", "--db", BASE_DB], capture_output=True, timeout=120, check=True)
    passed = failed = 0
    for test in TESTS:
        name = test.__name__[5:]
        if ONLY and not any(w in name for w in ONLY):
            continue
        t0 = time.time()
        try:
            test()
            passed += 1
            print(f"ok    {name} ({time.time() - t0:.1f} s)", flush=True)
        except Exception as e:
            failed += 1
            detail = str(e) if isinstance(e, Failed) else traceback.format_exc()
            print(f"FAIL  {name} ({time.time() - t0:.1f} s): {detail}", flush=True)
    if failed == 0:
        shutil.rmtree(WORK, ignore_errors=True)
    else:
        print(f"ssh-e2e: servers' logs kept in {WORK}")
    print(f"ssh-e2e: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
