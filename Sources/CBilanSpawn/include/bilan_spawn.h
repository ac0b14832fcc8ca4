#ifndef BILAN_SPAWN_H
#define BILAN_SPAWN_H

#include <sys/types.h>
#include <sys/ioctl.h>

/// Starts `argv[0]` (an absolute path) with `envp` on a new pseudo-terminal of `rows`×`cols`.
/// The child is a session leader (its pid is its process group) with the pty as its controlling
/// terminal, a cleared signal mask, default dispositions and no descriptor above 2.
/// Returns the child's pid and the master in `*master` (close-on-exec), or -1 with errno set.
pid_t bilan_spawn_pty(const char *const argv[], const char *const envp[], unsigned short rows,
                      unsigned short cols, int *master);

/// Starts `argv[0]` with `envp`, stdin from /dev/null, stdout and stderr on two new pipes whose
/// read ends come back in `*out` and `*err` (close-on-exec). The child leads its own process group.
/// Returns the pid, or -1 with errno set.
pid_t bilan_spawn_pipes(const char *const argv[], const char *const envp[], int *out, int *err);

/// Sets the window size of a pty master; 0 or -1 with errno.
int bilan_set_winsize(int master, unsigned short rows, unsigned short cols);

#endif
