#!/usr/bin/env bash
# A Neo4j 5.26 Community server (Bolt, HTTP with Neo4j Browser, APOC core) without Docker,
# built from Maven Central by tools/neo4j (Java 17 and Maven needed).
#
#   bash scripts/neo4j.sh start     # builds once, starts in the background, waits until it answers
#   bash scripts/neo4j.sh status    # running or not, with its addresses
#   bash scripts/neo4j.sh stop      # stops the server this script started (its PID file), nothing else
#   bash scripts/neo4j.sh build     # only the build (CI does it before starting)
#
# Settings (environment, else .env for NEO4J_PASSWORD):
#   NEO4J_PASSWORD   the neo4j user's password, 8+ characters (required; no forced change)
#   VLKG_NEO4J_HOME  server folder: conf, data, logs, PID file (default .neo4j/, git-ignored)
#   NEO4J_BOLT_PORT  7687     NEO4J_HTTP_PORT  7474     (always on 127.0.0.1)
#   NEO4J_HEAP       1g       NEO4J_PAGECACHE  512m     NEO4J_START_TIMEOUT  180 (seconds)
#   (an ingest is one transaction held in the heap: 1g takes VLKG_NEO4J_WHOLE_LOAD_ARTICLES=10000,
#   the default; 50000 needs about 4g, see docs/benchmarks.md)
# Data stays in VLKG_NEO4J_HOME across restarts; delete that folder to start empty.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TOOL="$ROOT/tools/neo4j"
JAR="$TOOL/target/vlkg-neo4j.jar"
HOME_DIR="${VLKG_NEO4J_HOME:-$ROOT/.neo4j}"
PIDFILE="$HOME_DIR/neo4j.pid"
OUT="$HOME_DIR/neo4j.out"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
HEAP="${NEO4J_HEAP:-1g}"
TIMEOUT="${NEO4J_START_TIMEOUT:-180}"

# The JVM flags Neo4j's own neo4j.conf passes (server.jvm.additional), with a fixed heap.
JVM_FLAGS=(
    "-Xms$HEAP" "-Xmx$HEAP"
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+AlwaysPreTouch
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
    -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true
    -XX:FlightRecorderOptions=stackdepth=256 -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED
    -Dlog4j2.disable.jmx=true -Dlog4j.layout.jsonTemplate.maxStringLength=32768
)

password() {
    if [ -z "${NEO4J_PASSWORD:-}" ] && [ -f "$ROOT/.env" ]; then
        NEO4J_PASSWORD="$(sed -n 's/^[[:space:]]*NEO4J_PASSWORD[[:space:]]*=[[:space:]]*//p' "$ROOT/.env" | tail -n 1)"
        NEO4J_PASSWORD="${NEO4J_PASSWORD%\"}" && NEO4J_PASSWORD="${NEO4J_PASSWORD#\"}"
    fi
    [ "${#NEO4J_PASSWORD}" -ge 8 ] || die "set NEO4J_PASSWORD (8+ characters) in the environment or .env"
    export NEO4J_PASSWORD
}

build() {
    command -v java > /dev/null || die "java is not installed (Neo4j 5.26 needs Java 17)"
    command -v mvn > /dev/null || die "mvn is not installed (tools/neo4j is a Maven project)"
    local newest
    newest="$(find "$TOOL/pom.xml" "$TOOL/src" -newer "$JAR" -type f 2> /dev/null | head -n 1 || true)"
    if [ -f "$JAR" ] && [ -d "$TOOL/target/lib" ] && [ -z "$newest" ]; then
        return 0
    fi
    log "building tools/neo4j (Neo4j, Browser and APOC jars come from Maven Central once, then ~/.m2)"
    # Offline first, so a machine that has built once needs no network; online otherwise.
    mvn -B -q -o -f "$TOOL/pom.xml" package > /dev/null 2>&1 \
        || mvn -B -q -f "$TOOL/pom.xml" package \
        || die "could not build tools/neo4j (mvn package failed)"
}

pid_alive() {
    # Our server only: the PID is alive and is the launcher for this home folder.
    local pid="$1"
    [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null \
        && tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q "vlkg.neo4j.Launcher $HOME_DIR "
}

running_pid() {
    local pid=""
    [ -f "$PIDFILE" ] && pid="$(cat "$PIDFILE")"
    if pid_alive "$pid"; then
        echo "$pid"
        return 0
    fi
    return 1
}

port_busy() {
    (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

start() {
    local pid
    if pid="$(running_pid)"; then
        log "Neo4j is already running (PID $pid): $(head -n 1 "$HOME_DIR/ready" 2> /dev/null || echo starting)"
        return 0
    fi
    password
    build
    for port in "$BOLT_PORT" "$HTTP_PORT"; do
        port_busy "$port" && die "port $port on 127.0.0.1 is in use (set NEO4J_BOLT_PORT / NEO4J_HTTP_PORT)"
    done
    mkdir -p "$HOME_DIR"
    rm -f "$HOME_DIR/ready"
    log "starting Neo4j in $HOME_DIR (Bolt 127.0.0.1:$BOLT_PORT, HTTP 127.0.0.1:$HTTP_PORT, heap $HEAP)"
    NEO4J_BOLT_PORT="$BOLT_PORT" NEO4J_HTTP_PORT="$HTTP_PORT" NEO4J_HOST=127.0.0.1 \
        nohup java "${JVM_FLAGS[@]}" -cp "$TOOL/target/lib/*:$JAR" vlkg.neo4j.Launcher \
        "$HOME_DIR" "$TOOL/target/plugins" > "$OUT" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$PIDFILE"
    local waited=0
    # The launcher writes `ready` once Bolt answers and the password is set.
    while [ ! -f "$HOME_DIR/ready" ]; do
        if ! kill -0 "$pid" 2> /dev/null; then
            rm -f "$PIDFILE"
            tail -n 20 "$OUT" >&2
            die "Neo4j stopped during start-up (log: $OUT)"
        fi
        if [ "$waited" -ge "$TIMEOUT" ]; then
            stop
            die "Neo4j did not answer within ${TIMEOUT}s (log: $OUT)"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    port_busy "$BOLT_PORT" || die "Neo4j said it was ready but Bolt 127.0.0.1:$BOLT_PORT does not answer"
    log "Neo4j is up (PID $pid, ${waited}s): bolt://127.0.0.1:$BOLT_PORT, Browser http://127.0.0.1:$HTTP_PORT/browser/"
}

stop() {
    local pid waited=0
    if ! pid="$(running_pid)"; then
        rm -f "$PIDFILE"
        log "Neo4j is not running (no live server from $PIDFILE)"
        return 0
    fi
    kill -TERM "$pid"
    while kill -0 "$pid" 2> /dev/null; do
        if [ "$waited" -ge 120 ]; then
            log "Neo4j (PID $pid) did not stop within 120s; killing it"
            kill -KILL "$pid" 2> /dev/null || true
            break
        fi
        sleep 1
        waited=$((waited + 1))
    done
    rm -f "$PIDFILE" "$HOME_DIR/ready"
    log "Neo4j stopped (PID $pid)"
}

status() {
    local pid
    if pid="$(running_pid)"; then
        echo "running (PID $pid): $(tr '\n' ' ' < "$HOME_DIR/ready" 2> /dev/null || echo starting)"
        return 0
    fi
    echo "not running ($HOME_DIR)"
    return 3
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    restart) stop && start ;;
    build) build ;;
    *) die "usage: bash scripts/neo4j.sh start|stop|status|restart|build" ;;
esac
