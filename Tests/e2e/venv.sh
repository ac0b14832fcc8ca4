# Sourced by the e2e scripts: makes .build/e2e-venv with the pinned test packages from PyPI
# (pyte for the terminal screen, paramiko for the SSH abuse tests) and sets $e2e_python.
# Expects $root (the checkout) and a `fail` function.
venv="$root/.build/e2e-venv"
if [ ! -x "$venv/bin/python" ]; then
    mkdir -p "$root/.build"
    python3 -m venv "$venv" || fail "python3 -m venv failed (apt-get install python3-venv)"
fi
if ! "$venv/bin/python" - <<'PY' 2>/dev/null; then
import importlib.metadata as m, sys
sys.exit(0 if m.version("pyte") == "0.8.2" and m.version("paramiko") == "3.5.1" else 1)
PY
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pyte==0.8.2 paramiko==3.5.1 \
        || fail "pip install pyte==0.8.2 paramiko==3.5.1 failed"
fi
e2e_python="$venv/bin/python"
