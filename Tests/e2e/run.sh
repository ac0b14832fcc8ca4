#!/usr/bin/env bash
# End-to-end tests of the browser on a pseudo-terminal (pty + pyte).
#
#   Tests/e2e/run.sh [PATH-TO-BILAN]        (default .build/debug/bilan; build it first)
#   E2E_ONLY=resize,sigterm Tests/e2e/run.sh  runs only the tests whose names contain a word
#
# Creates .build/e2e-venv on first use and installs pyte 0.8.2 (and paramiko) into it (venv.sh). The last line of the
# output is `e2e: N passed, M failed`; the exit status is non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bilan="${1:-$root/.build/debug/bilan}"

fail() {
    echo "e2e: $*"
    echo "e2e: 0 passed, 1 failed"
    exit 1
}

[ -x "$bilan" ] || fail "no bilan binary at $bilan (run swift build first)"

. "$here/venv.sh"

exec "$e2e_python" "$here/browser_e2e.py" "$bilan"
