#ifndef BILAN_CNCURSES_SHIM_H
#define BILAN_CNCURSES_SHIM_H
// ncursesw for Swift: the wide-character API, and wrappers for what Swift cannot import (C globals
// that are not concurrency-safe, function-like macros, attribute constants).
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <curses.h>

// glibc hides these without _XOPEN_SOURCE; term.h defines macros `lines`/`columns`, so only prototypes.
extern int wcwidth(wchar_t c);
extern int setupterm(const char *term, int filedes, int *errret);

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }

#endif
