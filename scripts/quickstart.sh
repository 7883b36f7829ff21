#!/usr/bin/env bash
# Installs vlkg into .venv (skipped when up to date), loads the bundled sample articles
# into the embedded store, then serves the API (http://127.0.0.1:8000/docs by default).
#
#   bash scripts/quickstart.sh [--host HOST] [--port PORT]
#
# HOST and PORT may also come from VLKG_HOST and VLKG_PORT. Settings such as VLKG_STORE
# and VLKG_DATA_DIR are read from the environment and .env as usual.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

host="${VLKG_HOST:-127.0.0.1}"
port="${VLKG_PORT:-8000}"
while [ $# -gt 0 ]; do
    case "$1" in
        --host) [ $# -ge 2 ] || die "--host needs a value"; host="$2"; shift 2 ;;
        --host=*) host="${1#*=}"; shift ;;
        --port) [ $# -ge 2 ] || die "--port needs a value"; port="$2"; shift 2 ;;
        --port=*) port="${1#*=}"; shift ;;
        -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (usage: bash scripts/quickstart.sh [--host HOST] [--port PORT])" ;;
    esac
done

ensure_venv runtime
cd "$ROOT"
log "loading samples/ into the store"
"$VENV/bin/vlkg" ingest samples/
log "serving on http://$host:$port (API docs at /docs; Ctrl-C stops)"
exec "$VENV/bin/vlkg" serve --host "$host" --port "$port"
