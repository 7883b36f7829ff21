#!/usr/bin/env bash
# Rewrites constraints.txt: the exact versions of everything `.[dev]` installs, resolved
# afresh within pyproject.toml's ranges in a throw-away venv. Run after changing a range.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
python="$(find_python)" || die "Python 3.11+ not found (set PYTHON=/path/to/python3.11; 3.11 is what constraints.txt is locked for)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$python" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --disable-pip-version-check --no-input -q "$ROOT[dev]"
{
    echo "# Exact versions that scripts/ and CI install from (pip install -c constraints.txt)."
    echo "# pyproject.toml gives the compatible ranges; regenerate this with scripts/lock.sh."
    "$tmp/venv/bin/python" -m pip freeze --exclude-editable | grep -v '^vlkg[ =@]'
} > "$ROOT/constraints.txt"
log "wrote $ROOT/constraints.txt"
