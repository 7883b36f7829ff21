#!/usr/bin/env bash
# Runs the test suite: makes sure .venv has vlkg and the dev tools (fast when it does),
# then `python -m pytest -q`. Extra arguments go to pytest (e.g. -k partners, -x).
# Neo4j tests run too when NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) are set.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_venv dev
cd "$ROOT"
status=0
"$VENV/bin/python" -m pytest -q "$@" < /dev/null || status=$?
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
    exit 1
fi
exit "$status"
