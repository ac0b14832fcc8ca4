#!/usr/bin/env bash
# End-to-end tests of `bilan serve` with the real OpenSSH client inside tmux (see ssh_e2e.py).
#
#   Tests/e2e/ssh_e2e.sh [PATH-TO-BILAN]     (default .build/debug/bilan; bilan-serve must be beside it)
#   SSH_E2E_ONLY=exec,limits Tests/e2e/ssh_e2e.sh
#
# Needs python3 (paramiko from PyPI into .build/e2e-venv, see venv.sh), ssh, ssh-keygen, ssh-keyscan (openssh-client) and tmux. The last line is
# `ssh-e2e: N passed, M failed`; the exit status is non-zero on any failure. Bounded: every wait
# has a timeout, and the whole run is killed after 10 minutes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bilan="${1:-$root/.build/debug/bilan}"
fail() {
    echo "ssh-e2e: $*"
    echo "ssh-e2e: 0 passed, 1 failed"
    exit 1
}
. "$here/venv.sh"
exec timeout --kill-after=10 600 "$e2e_python" "$here/ssh_e2e.py" "$bilan"
