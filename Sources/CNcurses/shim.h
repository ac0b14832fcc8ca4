#ifndef BILAN_CNCURSES_SHIM_H
#define BILAN_CNCURSES_SHIM_H
// ncursesw for Swift: the wide-character API, and wrappers for what Swift cannot import (C globals
// that are not concurrency-safe, function-like macros, attribute constants, sigaction's union).
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <signal.h>
#include <curses.h>

// glibc hides these without _XOPEN_SOURCE; term.h defines macros `lines`/`columns`, so only prototypes.
extern int wcwidth(wchar_t c);
extern int setupterm(const char *term, int filedes, int *errret);
extern struct term *set_curterm(struct term *nterm);
extern int del_curterm(struct term *oterm);

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }

/// The C streams newterm reads and writes (Swift 6 refuses the `stdin`/`stdout` globals).
static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }

/// Whether terminfo knows `name`: -1 no (usable) entry or no database, 0 an entry that cannot move the
/// cursor (dumb, hardcopy), 1 usable. The entry is loaded and freed again; newterm loads its own copy.
static inline int shim_terminfo_usable(const char *name, int fd) {
    int err = 0;
    // errret: 1 hardcopy; 0 not found or generic; -1 no terminfo database.
    if (setupterm(name, fd, &err) != OK) return err == 1 ? 0 : -1;
    char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (char *)-1;
    struct term *probe = set_curterm(NULL);
    if (probe != NULL) del_curterm(probe);
    return usable;
}

/// A terminfo string capability of the current terminal, or NULL when absent or cancelled.
static inline const char *shim_tigetstr(const char *cap) {
    char *s = tigetstr(cap);
    return (s == (char *)-1) ? NULL : s;
}

/// Installs `handler` for `sig` with `flags` (SA_RESTART, SA_ONSTACK) and every signal in `blocked`
/// masked while it runs; the previous action goes to `old`.
static inline int shim_catch_signal(int sig, void (*handler)(int), const sigset_t *blocked, int flags,
                                    struct sigaction *old) {
    struct sigaction sa;
    sa.sa_handler = handler;
    sa.sa_mask = *blocked;
    sa.sa_flags = flags;
    return sigaction(sig, &sa, old);
}

/// Sets the default action for `sig`, keeping the previous one in `old` (may be NULL).
static inline int shim_default_signal(int sig, struct sigaction *old) {
    struct sigaction sa;
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(sig, &sa, old);
}

/// Whether the action currently installed for `sig` ignores it.
static inline int shim_signal_ignored(int sig) {
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) != 0) return 0;
    return !(sa.sa_flags & SA_SIGINFO) && sa.sa_handler == SIG_IGN;
}

#endif
