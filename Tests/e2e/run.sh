#!/usr/bin/env bash
# End-to-end tests of the browser on a pseudo-terminal (pty + pyte).
#
#   Tests/e2e/run.sh [PATH-TO-BILAN]        (default .build/debug/bilan; build it first)
#   E2E_ONLY=resize,sigterm Tests/e2e/run.sh  runs only the tests whose names contain a word
#
# Creates .build/e2e-venv on first use and installs pyte 0.8.2 into it. The last line of the
# output is `e2e: N passed, M failed`; the exit status is non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bilan="${1:-$root/.build/debug/bilan}"
venv="$root/.build/e2e-venv"

fail() {
    echo "e2e: $*"
    echo "e2e: 0 passed, 1 failed"
    exit 1
}

[ -x "$bilan" ] || fail "no bilan binary at $bilan (run swift build first)"

if [ ! -x "$venv/bin/python" ]; then
    mkdir -p "$root/.build"
    python3 -m venv "$venv" || fail "python3 -m venv failed (apt-get install python3-venv)"
fi
if ! "$venv/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(0 if m.version("pyte") == "0.8.2" else 1)' 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pyte==0.8.2 || fail "pip install pyte==0.8.2 failed"
fi

exec "$venv/bin/python" "$here/browser_e2e.py" "$bilan"
