#define _GNU_SOURCE
#include "bilan_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Everything between fork and execve is async-signal-safe: the parent has other threads (NIO's
   event loops) whose locks may be held at the moment of the fork. */
static void child_reset_and_exec(const char *const argv[], const char *const envp[]) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    int sigs[] = {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT, SIGCHLD, SIGWINCH, SIGALRM};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &dfl, NULL);
    /* No server descriptor (listening socket, other readers' connections and ptys) reaches the child. */
    if (close_range(3, ~0U, 0) != 0) {
        for (int fd = 3; fd < 65536; fd++) close(fd);
    }
    execve(argv[0], (char *const *)argv, (char *const *)envp);
    _exit(127);
}

pid_t bilan_spawn_pty(const char *const argv[], const char *const envp[], unsigned short rows,
                      unsigned short cols, int *master) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = rows;
    ws.ws_col = cols;
    int fd = -1;
    pid_t pid = forkpty(&fd, NULL, NULL, &ws);
    if (pid < 0) return -1;
    if (pid == 0) child_reset_and_exec(argv, envp);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    *master = fd;
    return pid;
}

pid_t bilan_spawn_pipes(const char *const argv[], const char *const envp[], int *out, int *err) {
    int o[2], e[2];
    if (pipe2(o, O_CLOEXEC) != 0) return -1;
    if (pipe2(e, O_CLOEXEC) != 0) {
        int saved = errno;
        close(o[0]); close(o[1]);
        errno = saved;
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(o[0]); close(o[1]); close(e[0]); close(e[1]);
        errno = saved;
        return -1;
    }
    if (pid == 0) {
        setpgid(0, 0);
        int null = open("/dev/null", O_RDONLY);
        if (null < 0 || dup2(null, 0) < 0 || dup2(o[1], 1) < 0 || dup2(e[1], 2) < 0) _exit(127);
        child_reset_and_exec(argv, envp);
    }
    setpgid(pid, pid);  /* both sides, so that kill(-pid) works whichever runs first */
    close(o[1]);
    close(e[1]);
    *out = o[0];
    *err = e[0];
    return pid;
}

int bilan_set_winsize(int master, unsigned short rows, unsigned short cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = rows;
    ws.ws_col = cols;
    return ioctl(master, TIOCSWINSZ, &ws);
}
