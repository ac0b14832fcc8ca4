#!/usr/bin/env python3
"""End-to-end tests of `bilan browse` on a pseudo-terminal.

Each test starts the browser in its own process, on its own pty, with its own temporary database,
feeds everything the program writes to a pyte screen, and polls that screen (`wait_for`) instead of
sleeping. See PITFALLS.md §2: the child gets a clean signal mask and default signal dispositions, a
new session with the pty as controlling terminal, and its window size before exec.

    python3 browser_e2e.py PATH-TO-BILAN [NAME-FILTER,...]     (run.sh sets up the venv)

The output ends with `e2e: N passed, M failed`; the exit status is 1 when a test failed.
"""

import errno
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import traceback

import pyte

TIMEOUT = 10.0  # CI is loaded: generous, and only ever reached when something is wrong
FIRST_IMPORT_TIMEOUT = 60.0  # a brand-new database imports the sample first (seconds in a debug build)
POLL = 0.02

# What ncurses sends on endwin for xterm-256color (infocmp: rmcup=\E[?1049l\E[23;0;0t,
# cnorm=\E[?12l\E[?25h): the exit from the alternate screen and the cursor shown again.
RMCUP = b"\x1b[?1049l"
SMCUP = b"\x1b[?1049h"
CNORM = b"\x1b[?25h"
CIVIS = b"\x1b[?25l"

KEY_ENTER = b"\r"
KEY_CTRL_C = b"\x03"

BILAN = None
TEMPLATE_DB = None  # a database with the sample already imported, copied for each test


class TestFailure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise TestFailure(message)


class Screen(pyte.Screen):
    """pyte 0.8.2 plus REP (CSI n b: repeat the last character), which ncurses uses for
    xterm-256color in single-byte locales (LANG=C): without it, pyte shows garbage."""

    last_char = " "

    def draw(self, data):
        if data:
            self.last_char = data[-1]
        super().draw(data)

    def repeat_last(self, count=1, *args, **kwargs):
        super().draw(self.last_char * max(1, count or 1))


class ByteStream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, b="repeat_last")


class App:
    """The browser on a pty, its output fed to a pyte screen."""

    def __init__(self, args=(), rows=24, cols=80, env=None, db=None, term="xterm-256color", lang="C.UTF-8", fresh=False):
        self.tmp = tempfile.mkdtemp(prefix="bilan-e2e-")
        self.db = db or os.path.join(self.tmp, "bilan.sqlite")
        if db is None and TEMPLATE_DB and not fresh:
            copy_db(TEMPLATE_DB, self.db)
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.tmp,
            "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
            "BILAN_DB": self.db,
        }
        if term is not None:
            environment["TERM"] = term
        if lang is not None:
            environment["LANG"] = lang
        environment.update(env or {})
        environment = {k: v for k, v in environment.items() if v is not None}
        self.rows, self.cols = rows, cols
        self.screen = Screen(cols, rows)
        self.stream = ByteStream(self.screen)
        self.raw = bytearray()
        self.status = None  # the raw wait status once reaped
        self.eof = False
        argv = [BILAN] + list(args)
        winsize = struct.pack("HHHH", rows, cols, 0, 0)

        pid, fd = pty.fork()  # child: setsid, the pty as controlling terminal and fds 0-2
        if pid == 0:
            try:
                signal.pthread_sigmask(signal.SIG_SETMASK, [])
                for s in (signal.SIGINT, signal.SIGPIPE, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT,
                          signal.SIGWINCH, signal.SIGTSTP, signal.SIGTTOU, signal.SIGTTIN):
                    signal.signal(s, signal.SIG_DFL)
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                os.execve(argv[0], argv, environment)
            except BaseException:
                os._exit(127)
            os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, winsize)  # again from this side: harmless if it raced

    # -- output -------------------------------------------------------------------------------

    def pump(self, timeout=0.0):
        """Reads what is available (waiting up to `timeout` for the first bytes); returns the count."""
        if self.eof:
            return 0
        total = 0
        wait = timeout
        while True:
            r, _, _ = select.select([self.fd], [], [], wait)
            if not r:
                return total
            try:
                data = os.read(self.fd, 65536)
            except OSError as e:
                if e.errno == errno.EIO:  # the child side closed: everything was read
                    self.eof = True
                    return total
                raise
            if not data:
                self.eof = True
                return total
            self.raw += data
            self.stream.feed(data)
            total += len(data)
            wait = 0

    def display(self):
        return list(self.screen.display)

    def text(self):
        return "\n".join(self.display())

    def line(self, y):
        return self.screen.display[y]

    def bottom(self):
        return self.screen.display[self.screen.lines - 1]

    def dump(self):
        width = self.screen.columns
        lines = ["    +" + "-" * width + "+"]
        lines += ["%3d |%s|" % (i, l) for i, l in enumerate(self.display())]
        lines.append("    +" + "-" * width + "+")
        return "\n".join(lines)

    def wait_for(self, predicate, timeout=TIMEOUT, what=None):
        """Polls the screen until `predicate(self)` holds; fails with a screen dump on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            self.pump(POLL)
            try:
                if predicate(self):
                    return
            except (IndexError, KeyError):
                pass
            if time.monotonic() > deadline:
                raise TestFailure("timed out after %.0f s waiting for %s\n%s" % (timeout, what or predicate, self.dump()))
            if self.eof and self.poll_exit() is not None:
                if predicate(self):
                    return
                raise TestFailure("the browser exited (%s) while waiting for %s\n%s" % (self.describe_status(), what or predicate, self.dump()))

    def wait_text(self, needle, timeout=TIMEOUT):
        self.wait_for(lambda a: needle in a.text(), timeout, repr(needle))

    def wait_quiet(self, quiet=0.15, timeout=TIMEOUT):
        """Waits until nothing arrives for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pump(quiet) == 0:
                return
        raise TestFailure("the output never went quiet\n" + self.dump())

    # -- input --------------------------------------------------------------------------------

    def send(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        os.write(self.fd, data)

    def type(self, text, wait=None):
        """Types `text` one key at a time; `wait(app, typed_so_far)` is polled after each key."""
        for i, ch in enumerate(text):
            self.send(ch)
            if wait:
                typed = text[: i + 1]
                self.wait_for(lambda a: wait(a, typed), what="the screen after typing %r" % typed)

    def resize(self, rows, cols):
        self.pump(0)
        self.screen.resize(rows, cols)
        self.rows, self.cols = rows, cols
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    # -- process ------------------------------------------------------------------------------

    def poll_exit(self):
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = status
        return self.status

    def wait_exit(self, timeout=TIMEOUT):
        """Reads until the child exits and its output is drained; returns the raw wait status."""
        deadline = time.monotonic() + timeout
        while True:
            self.pump(POLL)
            if self.poll_exit() is not None:
                # drain what is left in the pty
                end = time.monotonic() + 1.0
                while not self.eof and time.monotonic() < end and self.pump(0.05):
                    pass
                return self.status
            if time.monotonic() > deadline:
                raise TestFailure("the browser did not exit within %.1f s\n%s" % (timeout, self.dump()))

    def exit_code(self):
        check(self.status is not None, "not exited")
        check(os.WIFEXITED(self.status), "the browser did not exit normally: %s" % self.describe_status())
        return os.WEXITSTATUS(self.status)

    def describe_status(self):
        s = self.status
        if s is None:
            return "running"
        if os.WIFEXITED(s):
            return "exit %d" % os.WEXITSTATUS(s)
        if os.WIFSIGNALED(s):
            return "killed by signal %d" % os.WTERMSIG(s)
        return "status 0x%x" % s

    def cpu_ticks(self):
        try:
            with open("/proc/%d/stat" % self.pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])  # utime + stime
        except (OSError, IndexError, ValueError):
            return None

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.status = -1
        if self.fd >= 0:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = -1
        shutil.rmtree(self.tmp, ignore_errors=True)


def copy_db(src, dst):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(src + suffix):
            shutil.copyfile(src + suffix, dst + suffix)


def terminal_restored(app):
    """The exit sequence: rmcup after the last smcup and the cursor shown after it was last hidden,
    both within the last bytes written."""
    raw = bytes(app.raw)
    tail = raw[-256:]
    check(RMCUP in tail, "no rmcup (%r) in the last bytes: %r" % (RMCUP, tail[-120:]))
    check(CNORM in tail, "no cursor-show (%r) in the last bytes: %r" % (CNORM, tail[-120:]))
    check(raw.rfind(RMCUP) > raw.rfind(SMCUP), "the alternate screen was entered again after rmcup")
    check(raw.rfind(CNORM) > raw.rfind(CIVIS), "the cursor was hidden again after it was shown")


# -- predicates -----------------------------------------------------------------------------------

WEEK_ROW = re.compile(r"971.975")


def weeks_shown(app):
    return ("[Weeks]" in app.line(0) and "bilan" in app.line(0) and any(WEEK_ROW.search(l) for l in app.display()[1:-1])
            and app.bottom().lstrip().startswith("Weeks"))


def status_counter(app):
    m = re.search(r"(\d+)/(\d+)", app.bottom())
    return (int(m.group(1)), int(m.group(2))) if m else None


def row_reverse(app, y, columns=12):
    """Whether the row's first cells are drawn in reverse: the cursor bar. (Places and figures keep
    their own look on the selected row, so only the start of the row is checked.)"""
    row = app.screen.buffer[y]
    return all(row[x].reverse for x in range(min(columns, app.screen.columns)))


def reverse_rows(app):
    return [y for y in range(1, app.screen.lines - 1) if row_reverse(app, y)]


def start_weeks(app, timeout=TIMEOUT):
    app.wait_for(weeks_shown, timeout, "the weeks view with the 971-975 row")


# -- tests ----------------------------------------------------------------------------------------


def test_walkthrough():
    """The issue's walkthrough at 80x24, from a brand-new database (the sample is imported)."""
    app = App(fresh=True)
    try:
        start_weeks(app, FIRST_IMPORT_TIMEOUT)
        check(status_counter(app) is not None, "no shown/total counter on the status line:\n" + app.dump())
        check(app.bottom().rstrip().endswith("q quit") and "? help" in app.bottom(), "status line without the key hints:\n" + app.dump())
        cursor_rows = [y for y in range(1, app.rows - 1) if WEEK_ROW.search(app.line(y))]
        check(any(row_reverse(app, y) for y in cursor_rows), "the selected week is not drawn in reverse:\n" + app.dump())
        check("21–25 Oct 2024" in app.text(), "the dates of the week are missing (UTF-8 en dash):\n" + app.dump())

        # f: the front picker; typing narrows the list, Enter applies
        app.send("f")
        app.wait_for(lambda a: a.bottom().startswith("front: "), what="the front picker prompt")
        before = app.text()
        app.type("kours")
        app.wait_for(lambda a: a.bottom().startswith("front: kours"), what="'front: kours' on the prompt")
        app.wait_for(lambda a: "Kursk" in a.text() and "Selydove" not in "\n".join(a.display()[2:-1]),
                     what="the picker narrowed to Kursk")
        check(before != app.text(), "typing did not change the picker")
        app.send(KEY_ENTER)
        app.wait_for(lambda a: "front: Kursk" in a.bottom() and a.bottom().lstrip().startswith("Weeks"),
                     what="the front filter on the status line")

        # e: events with sentences, filtered by the front
        app.send("e")
        app.wait_for(lambda a: "[Events]" in a.line(0) and a.bottom().lstrip().startswith("Events"), what="the events view")
        app.wait_for(lambda a: "front: Kursk" in a.bottom(), what="the front filter kept in events")
        filtered = status_counter(app)
        check(filtered is not None and filtered[1] >= 1, "no events counter:\n" + app.dump())
        app.wait_text("nord-coréens")  # the sentences load after the rows

        # F clears the filter: more events
        app.send("F")
        app.wait_for(lambda a: "front:" not in a.bottom() and status_counter(a) is not None
                     and status_counter(a)[1] > filtered[1], what="more events once F cleared the filter")
        all_events = status_counter(app)[1]
        # the cursor bar: one reverse row, moved by j
        app.wait_for(lambda a: len(reverse_rows(a)) == 1, what="one reverse row (the cursor) in events")
        first = reverse_rows(app)[0]
        app.send("j")
        app.wait_for(lambda a: reverse_rows(a) == [first + 1] and status_counter(a)[0] == 2,
                     what="the cursor one row down and 2/N after j")
        app.send("k")
        app.wait_for(lambda a: reverse_rows(a) == [first] and status_counter(a)[0] == 1, what="the cursor back after k")

        # / search, the list updating as you type
        app.send("/")
        app.wait_for(lambda a: a.bottom().startswith("/"), what="the search prompt")
        def body(a):
            return "\n".join(a.display()[1:-1])

        unfiltered = body(app)
        # 2 letters start a search: the list changes while the prompt is still open
        app.type("qu")
        app.wait_for(lambda a: a.bottom().startswith("/qu") and body(a) != unfiltered,
                     what="the list to change after typing 'qu' (search as you type)")
        after_two = body(app)
        app.type("inzaine")
        app.wait_for(lambda a: a.bottom().startswith("/quinzaine") and body(a) != after_two
                     and "En fin de semaine" in a.text() and sum(1 for l in a.display()[2:-1] if WEEK_ROW.search(l)) == 1,
                     what="the one sentence with 'quinzaine' while the prompt is open")
        check(app.bottom().startswith("/quinzaine"), "the prompt closed by itself:\n" + app.dump())
        app.send(KEY_ENTER)
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Events") and "quinzaine" in a.bottom()
                     and status_counter(a) == (1, 1), what="the search kept on the status line after Enter, 1/1")
        check(status_counter(app)[1] < all_events, "search did not narrow")

        # Enter: the reader, at the match
        app.send(KEY_ENTER)
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Reader") and "quinzaine" in "\n".join(a.display()[1:-1]),
                     what="the reader showing the match")
        def match_highlighted(a):
            for y in range(1, a.rows - 1):
                x = a.line(y).find("quinzaine")
                if x >= 0:
                    c = a.screen.buffer[y][x]
                    return c.reverse or c.bg != "default"
            return False
        app.wait_for(match_highlighted, what="'quinzaine' highlighted (reverse or a background) in the reader")

        # t: tallies (>=100), Enter: the figures
        app.send("t")
        app.wait_for(lambda a: "[Tallies]" in a.line(0) and a.bottom().lstrip().startswith("Tallies"), what="the tallies view")
        app.wait_text("≥100")
        app.send(KEY_ENTER)
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Figures"), what="the drone figures")
        app.wait_text("plus d’une centaine de drones")

        # ?: help
        app.send("?")
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Help") and "quit" in a.text(), what="the help")
        app.send("q")
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Figures"), what="back to the figures from help")

        # resize to 40x12: redrawn at 40 columns
        app.resize(12, 40)
        # (at 40 columns the status line keeps the position and drops the key hints)
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Figures") and "line 1/" in a.bottom()
                     and "bilan" in a.line(0), what="a redraw at 40x12")
        # the quoted sentence, on one line at 80 columns, is wrapped again to fit 40
        sentence = "Au début de la semaine, plus d’une centaine de drones russes ont attaqué"
        app.wait_for(lambda a: sentence in " ".join(a.text().split()), what="the figures' sentence rewrapped at 40 columns")
        app.wait_quiet()
        check(all(len(l) == 40 for l in app.display()), "pyte screen not 40 wide")
        check(app.line(0).startswith(" bilan") and "Figures" in app.bottom() and "line 1/" in app.bottom(),
              "title or status line garbled at 40x12:\n" + app.dump())

        # back to 80x24
        app.resize(24, 80)
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Figures") and len(a.bottom().rstrip()) > 40
                     and a.bottom().rstrip().endswith("q back"), what="a redraw at 80x24")
        app.wait_text("plus d’une centaine de drones")

        # Q quits, status 0, the terminal given back
        quit_cleanly(app)
    finally:
        app.close()


def ascii_only(app):
    bad = sorted({ch for ch in app.text() if ord(ch) > 126})
    check(not bad, "non-ASCII characters on screen: %r\n%s" % (bad, app.dump()))


def check_ascii_screens(app):
    start_weeks(app)
    app.wait_quiet()
    ascii_only(app)
    check("21-25 Oct 2024" in app.text(), "no '21-25 Oct 2024':\n" + app.dump())
    check("^>=100" in app.text(), "no '^>=100' for the drones launched:\n" + app.dump())
    # readable: the columns line up under their headings, nothing left over from earlier frames
    check(re.match(r"^ Weeks \| 1/1 +\? help  q quit *$", app.bottom()), "status line:\n" + app.dump())
    row = next(l for l in app.display() if l.startswith(" 971-975"))
    for heading, expected in (("dates", "21-25 Oct 2024"), ("lang", "FR"), ("drones", "^>=100")):
        col = app.line(1).find(heading)
        check(col > 0 and row[col:].startswith(expected), "%r is not under %r:\n%s" % (expected, heading, app.dump()))
    # the reader (curly quotes, accents) and the tallies (bars) in ASCII too
    app.send(KEY_ENTER)
    app.wait_for(lambda a: a.bottom().lstrip().startswith("Reader"), what="the reader")
    app.wait_quiet()
    ascii_only(app)
    check("Bilan de la semaine. Jours 971-975 de resistance" in app.text(), "title not transliterated:\n" + app.dump())
    app.send("t")
    app.wait_for(lambda a: a.bottom().lstrip().startswith("Tallies"), what="the tallies")
    app.wait_quiet()
    ascii_only(app)
    check(">=100" in app.text() and "#" in app.text(), "tallies without >=100 or # bars:\n" + app.dump())
    app.send("Q")
    app.wait_exit()
    check(app.exit_code() == 0, "exit status %s" % app.describe_status())


def test_lang_c():
    """LANG=C, LC_ALL unset: pure ASCII, readable."""
    app = App(lang="C", env={"LC_ALL": None, "LC_CTYPE": None})
    try:
        check_ascii_screens(app)
    finally:
        app.close()


def test_ascii_flag():
    """--ascii under a UTF-8 locale: the same ASCII screens."""
    app = App(args=["browse", "--ascii"])
    try:
        check_ascii_screens(app)
    finally:
        app.close()


COLOUR_SGR = re.compile(rb"\x1b\[([0-9;]*)m")


def colour_params(raw):
    """The SGR parameters that set a colour (3x/4x/9x/10x, 38;5/48;5)."""
    found = []
    for m in COLOUR_SGR.finditer(raw):
        params = m.group(1).split(b";") if m.group(1) else []
        i = 0
        while i < len(params):
            p = params[i]
            if p in (b"38", b"48"):
                found.append(m.group(0))
                break
            if p and (p[:1] in (b"3", b"4") and len(p) == 2 and p != b"39" and p != b"49"
                      or p[:1] == b"9" and len(p) == 2 or p[:2] == b"10" and len(p) == 3):
                found.append(m.group(0))
                break
            i += 1
    return found


def test_no_color():
    """NO_COLOR=1: no colour SGR at all; reverse and bold still used."""
    app = App(env={"NO_COLOR": "1"})
    try:
        start_weeks(app)
        app.send("e")
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Events"), what="the events view")
        app.send("t")
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Tallies"), what="the tallies view")
        app.wait_quiet()
        raw = bytes(app.raw)
        colours = colour_params(raw)
        check(not colours, "colour sequences with NO_COLOR=1: %r" % sorted(set(colours))[:10])
        check(b"\x1b[7m" in raw or re.search(rb"\x1b\[[0-9;]*;7[;m]", raw) or re.search(rb"\x1b\[7;", raw),
              "no reverse video in the output")
        check(b"\x1b[1m" in raw or re.search(rb"\x1b\[[0-9;]*;1[;m]", raw) or re.search(rb"\x1b\[1;", raw),
              "no bold in the output")
        coloured = [(y, x) for y in range(app.rows) for x, c in app.screen.buffer[y].items()
                    if c.fg != "default" or c.bg != "default"]
        check(not coloured, "pyte saw coloured cells at %r" % coloured[:5])
        app.send("Q")
        app.wait_exit()
        check(app.exit_code() == 0, "exit status %s" % app.describe_status())
    finally:
        app.close()


def test_colour_by_default():
    """Without NO_COLOR (the control for the test above): colours are used on xterm-256color."""
    app = App()
    try:
        start_weeks(app)
        app.wait_quiet()
        check(colour_params(bytes(app.raw)), "no colour sequences at all without NO_COLOR")
        app.send("Q")
        app.wait_exit()
        check(app.exit_code() == 0, "exit status %s" % app.describe_status())
    finally:
        app.close()


def test_term_kitty():
    """TERM=xterm-kitty (no terminfo on Debian): falls back and starts."""
    app = App(term="xterm-kitty")
    try:
        start_weeks(app)
        app.send("Q")
        app.wait_exit()
        check(app.exit_code() == 0, "exit status %s" % app.describe_status())
        terminal_restored(app)
    finally:
        app.close()


def stop_by_signal(sig):
    app = App()
    try:
        start_weeks(app)
        app.wait_quiet()
        t0 = time.monotonic()
        os.kill(app.pid, sig)
        app.wait_exit(timeout=3.0)
        took = time.monotonic() - t0
        check(took < 3.0, "took %.1f s to exit" % took)
        terminal_restored(app)
        return "%s after %.0f ms" % (app.describe_status(), took * 1000)
    finally:
        app.close()


def test_sigterm():
    """SIGTERM: exits promptly, terminal restored."""
    return stop_by_signal(signal.SIGTERM)


def test_sighup():
    """SIGHUP: exits promptly, terminal restored."""
    return stop_by_signal(signal.SIGHUP)


def test_hangup_close_master():
    """The master closed (the terminal hung up): the child exits within 3 s without spinning."""
    app = App()
    try:
        start_weeks(app)
        app.wait_quiet()
        os.close(app.fd)
        app.fd, app.eof = -1, True
        t0 = time.monotonic()
        ticks0 = app.cpu_ticks()
        while time.monotonic() - t0 < 3.0:
            if app.poll_exit() is not None:
                break
            time.sleep(POLL)
        if app.status is None:
            ticks1 = app.cpu_ticks()
            spin = "" if ticks0 is None or ticks1 is None else " (used %.2f s of CPU in 3 s)" % ((ticks1 - ticks0) / os.sysconf("SC_CLK_TCK"))
            raise TestFailure("still running 3 s after the hangup" + spin)
        return "%s after %.0f ms" % (app.describe_status(), (time.monotonic() - t0) * 1000)
    finally:
        app.close()


def test_ctrl_c():
    """Ctrl-C in the search prompt cancels it; again, it quits with status 0."""
    app = App()
    try:
        start_weeks(app)
        app.send("/")
        app.wait_for(lambda a: a.bottom().startswith("/"), what="the search prompt")
        app.type("dro")
        app.wait_for(lambda a: a.bottom().startswith("/dro"), what="'/dro' on the prompt")
        app.send(KEY_CTRL_C)
        app.wait_for(lambda a: a.bottom().lstrip().startswith("Weeks") and "/dro" not in a.bottom(),
                     what="the prompt cancelled, the weeks status line back")
        app.wait_quiet()
        check(app.poll_exit() is None, "the browser exited on the first Ctrl-C (%s)" % app.describe_status())
        check(weeks_shown(app), "weeks not shown after cancelling:\n" + app.dump())
        app.send(KEY_CTRL_C)
        app.wait_exit()
        check(app.exit_code() == 0, "exit status %s after the second Ctrl-C" % app.describe_status())
        terminal_restored(app)
    finally:
        app.close()


def test_not_a_terminal():
    """stdout not a terminal: exit 2 and one line on stderr naming the script commands."""
    tmp = tempfile.mkdtemp(prefix="bilan-e2e-")
    try:
        db = os.path.join(tmp, "bilan.sqlite")
        if TEMPLATE_DB:
            copy_db(TEMPLATE_DB, db)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "TERM": "xterm-256color", "LANG": "C.UTF-8", "BILAN_DB": db}
        with open(os.path.join(tmp, "out"), "wb") as out:
            p = subprocess.run([BILAN, "browse"], stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE,
                               env=env, timeout=TIMEOUT, start_new_session=True)
        err = p.stderr.decode("utf-8", "replace")
        check(p.returncode == 2, "exit status %d, stderr %r" % (p.returncode, err))
        lines = err.strip("\n").split("\n")
        check(len(lines) == 1 and lines[0], "expected one line on stderr, got %r" % err)
        check("bilan weeks" in err and "bilan search" in err, "stderr does not name bilan weeks / bilan search: %r" % err)
        check(os.path.getsize(os.path.join(tmp, "out")) == 0, "something was written to stdout")
        check(b"\x1b" not in p.stderr, "escape codes on stderr")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_too_small():
    """Below 40x10: 'Window too small'; enlarged again: the weeks come back."""
    app = App()
    try:
        start_weeks(app)
        app.resize(8, 30)
        app.wait_text("Window too small")
        app.resize(9, 80)
        app.wait_quiet()
        app.wait_text("Window too small")
        app.resize(24, 39)
        app.wait_quiet()
        app.wait_text("Window too small")
        app.resize(24, 80)
        app.wait_for(lambda a: weeks_shown(a) and "Window too small" not in a.text(), what="the weeks back at 80x24")
        app.send("Q")
        app.wait_exit()
        check(app.exit_code() == 0, "exit status %s" % app.describe_status())
    finally:
        app.close()


def test_starts_too_small():
    """Started at 30x8: 'Window too small' at once; enlarged to 40x10: the weeks."""
    app = App(rows=8, cols=30)
    try:
        app.wait_text("Window too small")
        app.resize(10, 40)
        app.wait_for(weeks_shown, what="the weeks at 40x10")
        app.send("Q")
        app.wait_exit()
        check(app.exit_code() == 0, "exit status %s" % app.describe_status())
    finally:
        app.close()


def quit_cleanly(app):
    """Q quits with status 0 and gives the terminal back."""
    app.send("Q")
    app.wait_exit()
    check(app.exit_code() == 0, "exit status %s" % app.describe_status())
    terminal_restored(app)


def kyiv_day_today():
    """Today's invasion day number in Kyiv (day 1 = 2022-02-24)."""
    import datetime
    import zoneinfo
    try:
        today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Kyiv")).date()
    except Exception:
        today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2)).date()
    return (today - datetime.date(2022, 2, 24)).days + 1


def sample_as_week(first, html):
    """The bundled sample retitled as week first..first+4, as text or as a minimal article page."""
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    seeds = os.path.join(root, "seeds")
    name = sorted(n for n in os.listdir(seeds) if n.endswith(".txt"))[0]
    with open(os.path.join(seeds, name), encoding="utf-8") as f:
        text = f.read().replace("Jours 971-975", "Jours %d-%d" % (first, first + 4), 1)
    if not html:
        return text
    lines = text.split("\n")
    paragraphs = [p for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
    body = "".join("<p>%s</p>" % p.replace("&", "&amp;").replace("<", "&lt;") for p in paragraphs)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>'
            '<nav><a href="/">Accueil</a></nav><article><h1>%s</h1><div class="entry-content">%s</div></article>'
            '<footer>UCMC</footer></body></html>') % (lines[0], lines[0], body)


def test_fetch_key():
    """R fetches the newest weeks from a local site (127.0.0.1) in the background, shows progress,
    then lists the new week; the archive's newest week is last week but one."""
    import http.server
    import threading
    monday = 5 + (kyiv_day_today() - 5) // 7 * 7
    stored, published = monday - 14, monday - 7
    tmp = tempfile.mkdtemp(prefix="bilan-e2e-site-")
    site = os.path.join(tmp, "site")
    os.makedirs(os.path.join(site, "fr"))
    with open(os.path.join(site, "fr", "%d-%d" % (published, published + 4)), "w", encoding="utf-8") as f:
        f.write(sample_as_week(published, html=True))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=site, **k)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    db = os.path.join(tmp, "bilan.sqlite")
    text = os.path.join(tmp, "stored.txt")
    with open(text, "w", encoding="utf-8") as f:
        f.write(sample_as_week(stored, html=False))
    env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "LANG": "C.UTF-8", "BILAN_DB": db}
    p = subprocess.run([BILAN, "import", text], stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=FIRST_IMPORT_TIMEOUT)
    check(p.returncode == 0, "import: %r" % p.stderr)
    app = App(db=db, cols=100, env={"BILAN_BASE_URL": "http://127.0.0.1:%d" % server.server_address[1]})
    try:
        app.wait_text("%d" % stored)
        app.send("R")
        app.wait_for(lambda a: "Fetching" in a.bottom(), what="the fetch's progress in the status line")
        # 5 pages (3 weeks in 2 languages, 1 stored) at one request a second.
        app.wait_for(lambda a: "Fetched:" in a.bottom(), timeout=60, what="the fetch's end")
        check("1 added" in app.bottom() and "1 already stored" in app.bottom(), "status: %r" % app.bottom())
        app.wait_for(lambda a: any(("%d" % published) in l for l in a.display()[1:-1]), what="the fetched week listed")
        quit_cleanly(app)
    finally:
        app.close()
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)


def test_eight_browsers_while_importing():
    """Eight browsers keep reading (moving, events, tallies, search) while an import writes 150 weeks
    into their database: none ever shows a locked or busy database or an error, and a browser
    started afterwards lists the new weeks (150: the real import replaces the bundled sample)."""
    tmp = tempfile.mkdtemp(prefix="bilan-e2e-readers-")
    db = os.path.join(tmp, "bilan.sqlite")
    copy_db(TEMPLATE_DB, db)
    folder = os.path.join(tmp, "weeks")
    os.makedirs(folder)
    for k in range(150):
        first = 978 + 7 * k
        with open(os.path.join(folder, "%d.txt" % first), "w", encoding="utf-8") as f:
            f.write(sample_as_week(first, html=False))
    apps = []
    importer = None
    bad = ("locked", "busy", "error", "cannot")
    try:
        for _ in range(8):
            apps.append(App(db=db))
        for app in apps:
            start_weeks(app, timeout=FIRST_IMPORT_TIMEOUT)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "LANG": "C.UTF-8", "BILAN_DB": db}
        importer = subprocess.Popen([BILAN, "import", folder], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, env=env)
        keys = ["j", "k", "e", "j", "t", "w", " ", "b", "/kours", "\x1b", "e", "w"]
        rounds = during = 0
        while importer.poll() is None or rounds < 2:
            for key in keys:
                if importer.poll() is None:
                    during += 1
                for app in apps:
                    app.send(key.encode())
                for app in apps:
                    app.wait_quiet(0.05, timeout=TIMEOUT)
                    text = app.text().lower()
                    check(not any(word in text for word in bad), "a reader saw: %r" % app.bottom())
            rounds += 1
        check(importer.returncode == 0, "import: %r" % importer.stderr.read())
        check(during >= 4, "the import ended after %d keys" % during)
        fresh = App(db=db)
        apps.append(fresh)
        fresh.wait_for(lambda a: status_counter(a) is not None and status_counter(a)[1] == 150, what="the 150 new week ranges")
        for app in apps:
            quit_cleanly(app)
        return "%d keys in each of 8 browsers while the import ran" % during
    finally:
        if importer and importer.poll() is None:
            importer.kill()
        for app in apps:
            app.close()
        shutil.rmtree(tmp, ignore_errors=True)


TESTS = [
    test_walkthrough,
    test_fetch_key,
    test_eight_browsers_while_importing,
    test_lang_c,
    test_ascii_flag,
    test_no_color,
    test_colour_by_default,
    test_term_kitty,
    test_sigterm,
    test_sighup,
    test_hangup_close_master,
    test_ctrl_c,
    test_not_a_terminal,
    test_too_small,
    test_starts_too_small,
]


def make_template(tmp):
    """Imports the sample once (via `bilan weeks` on a new database) for the tests to copy."""
    db = os.path.join(tmp, "template.sqlite")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "LANG": "C.UTF-8", "BILAN_DB": db}
    p = subprocess.run([BILAN, "weeks"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, timeout=FIRST_IMPORT_TIMEOUT)
    if p.returncode != 0 or not os.path.exists(db):
        print("e2e: could not prepare a database (bilan weeks: exit %d): %s" % (p.returncode, p.stderr.decode(errors="replace")))
        return None
    return db


def main():
    global BILAN, TEMPLATE_DB
    if len(sys.argv) < 2:
        print("usage: browser_e2e.py PATH-TO-BILAN [NAME,...]", file=sys.stderr)
        print("e2e: 0 passed, 1 failed")
        return 2
    BILAN = os.path.abspath(sys.argv[1])
    words = (sys.argv[2] if len(sys.argv) > 2 else os.environ.get("E2E_ONLY", "")).split(",")
    words = [w for w in words if w]
    tests = [t for t in TESTS if not words or any(w in t.__name__ for w in words)]
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    tmp = tempfile.mkdtemp(prefix="bilan-e2e-template-")
    passed = failed = 0
    try:
        TEMPLATE_DB = make_template(tmp)
        for test in tests:
            name = test.__name__[len("test_"):]
            t0 = time.monotonic()
            try:
                note = test()
            except TestFailure as e:
                failed += 1
                print("FAIL %s (%.1f s): %s\n  %s" % (name, time.monotonic() - t0, test.__doc__.strip(), str(e).replace("\n", "\n  ")))
            except Exception:
                failed += 1
                print("FAIL %s (%.1f s): %s\n  %s" % (name, time.monotonic() - t0, test.__doc__.strip(),
                                                      traceback.format_exc().replace("\n", "\n  ")))
            else:
                passed += 1
                print("ok   %s (%.1f s)%s" % (name, time.monotonic() - t0, ": " + note if note else ""))
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("e2e: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
