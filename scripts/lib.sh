# Shared by scripts/test.sh, scripts/quickstart.sh and .ci/run: find Python (3.11 by
# default; any 3.11+ that PYTHON names, or python3 when no python3.11 is on PATH) and make
# sure .venv exists with vlkg installed (editable). Source it; do not run it.
#
#   ensure_venv runtime   # vlkg and its dependencies
#   ensure_venv dev       # plus the test and lint tools ('.[dev]')
#
# Versions come from constraints.txt (exact; pyproject.toml holds the ranges). An install is
# recorded in .venv/.vlkg-install (a hash of pyproject.toml, constraints.txt and the extras),
# so a second call returns at once unless one of them changed.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VLKG_VENV:-$ROOT/.venv}"
STAMP="$VENV/.vlkg-install"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The Pythons vlkg supports (pyproject.toml's requires-python); CI tests 3.11 and a newer one.
PY_SUPPORTED='import sys; sys.exit(sys.version_info[:2] < (3, 11))'

find_python() {
    # PYTHON if set (and 3.11+), else python3.11, the default, else python3 or python if 3.11+.
    local candidate
    if [ -n "${PYTHON:-}" ]; then
        candidate="$(command -v "$PYTHON")" && "$candidate" -c "$PY_SUPPORTED" 2> /dev/null \
            && { echo "$candidate"; return 0; }
        return 1
    fi
    for candidate in python3.11 python3 python; do
        command -v "$candidate" > /dev/null 2>&1 || continue
        if "$candidate" -c "$PY_SUPPORTED" 2> /dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

install_hash() {
    # $1: what was installed ("runtime" or "dev"); cksum is POSIX, so this works anywhere.
    { cat "$ROOT/pyproject.toml" "$ROOT/constraints.txt"; printf '\n%s\n' "$1"; } | cksum | cut -d' ' -f1,2
}

ensure_venv() {
    local want="${1:-runtime}" python spec have=""
    if [ ! -x "$VENV/bin/python" ]; then
        python="$(find_python)" || die "Python 3.11+ not found (set PYTHON=/path/to/python3.11)"
        log "creating $VENV with $python"
        "$python" -m venv "$VENV" || die "could not create $VENV (on Debian: apt-get install python3.11-venv)"
        rm -f "$STAMP"
    fi
    "$VENV/bin/python" -c "$PY_SUPPORTED" \
        || die "$VENV is older than Python 3.11; remove it and run again"
    [ -f "$STAMP" ] && have="$(cat "$STAMP")"
    if [ "$have" = "$(install_hash dev)" ] || { [ "$want" = runtime ] && [ "$have" = "$(install_hash runtime)" ]; }; then
        return 0
    fi
    if [ "$want" = dev ]; then spec=".[dev]"; else spec="."; fi
    log "installing vlkg into $VENV (pip install -e '$spec' -c constraints.txt)"
    (cd "$ROOT" && "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q \
        -c constraints.txt -e "$spec") || die "pip install -e '$spec' failed"
    install_hash "$want" > "$STAMP"
}
