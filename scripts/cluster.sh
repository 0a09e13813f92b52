#!/usr/bin/env bash
# One writer, N read-only replicas and HAProxy in front, all on 127.0.0.1 (docs/deploy.md).
#
#   bash scripts/cluster.sh start [--replicas N]   set up, publish, start everything, wait until healthy
#   bash scripts/cluster.sh status                 each process: pid, port, healthy or not (exit 3 if not all)
#   bash scripts/cluster.sh stop                   SIGTERM, then SIGKILL after 10 s; only our own processes
#
# Viewers use the load balancer; administrators use the writer's own port (its
# upload page publishes each commit to the replicas). Environment, defaults in brackets:
#   ADOPTION_DB            the writer's database [${XDG_DATA_HOME:-~/.local/share}/kraftsamling-ai/adoption.duckdb]
#   ADOPTION_PUBLISH_DIR   the published snapshots [published/ beside the database]
#   CLUSTER_REPLICAS       number of replicas [2]
#   CLUSTER_LB_PORT        HAProxy, for viewers [8500]
#   CLUSTER_WRITER_PORT    the writer [8510]
#   CLUSTER_REPLICA_PORT   the first replica; the others follow [8511]
#   CLUSTER_RUN_DIR        pid files, logs and the rendered haproxy.cfg [var/cluster]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

RUN_DIR="${CLUSTER_RUN_DIR:-$ROOT/var/cluster}"
HEALTH_WAIT_S=90
STOP_WAIT_S=10

say() { echo "cluster.sh: $*" >&2; }

# Health of a local port, by hand over bash's /dev/tcp (curl may not be installed).
healthy() {
    local port="$1" reply
    reply="$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET /_stcore/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3" 2>/dev/null)" || return 1
    [[ "$reply" == *" 200 "* && "$reply" == *ok ]]
}

# The pid in a pid file, if that process is alive and is what we started (no pid reuse).
live_pid() {
    local file="$1" pid
    [ -f "$file" ] || return 1
    pid="$(cat "$file")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qE 'streamlit|haproxy' || return 1
    echo "$pid"
}

# name:port of every process of the running cluster, load balancer first.
members() {
    [ -f "$RUN_DIR/cluster.env" ] || return 0
    cat "$RUN_DIR/members"
}

# start_streamlit NAME PORT [-u VAR ...] [VAR=VALUE ...]: the environment changes, for env(1).
start_streamlit() {
    local name="$1" port="$2"
    shift 2
    # nohup execs: the pid recorded is the server's own.
    env "$@" STREAMLIT_BROWSER_GATHER_USAGE_STATS=false nohup "$ROOT/.venv/bin/python" -m streamlit run app.py \
        --server.port "$port" --server.address 127.0.0.1 --server.headless true \
        >"$RUN_DIR/$name.log" 2>&1 </dev/null &
    echo $! >"$RUN_DIR/$name.pid"
}

cmd_stop() {
    local any=0 entry name pid waited
    for entry in $(members); do
        name="${entry%%:*}"
        if pid="$(live_pid "$RUN_DIR/$name.pid")"; then
            kill -TERM "$pid" 2>/dev/null || true
            any=1
        fi
    done
    for entry in $(members); do
        name="${entry%%:*}"
        waited=0
        while pid="$(live_pid "$RUN_DIR/$name.pid")" && [ "$waited" -lt $((STOP_WAIT_S * 10)) ]; do
            sleep 0.1
            waited=$((waited + 1))
        done
        if pid="$(live_pid "$RUN_DIR/$name.pid")"; then
            say "$name (pid $pid) did not stop in $STOP_WAIT_S s; SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$RUN_DIR/$name.pid"
    done
    rm -f "$RUN_DIR/cluster.env" "$RUN_DIR/members"
    [ "$any" -eq 1 ] && say "stopped" || say "nothing was running"
}

cmd_status() {
    local bad=0 entry name port pid state
    if [ ! -f "$RUN_DIR/cluster.env" ]; then
        say "not running (no $RUN_DIR/cluster.env)"
        return 3
    fi
    for entry in $(members); do
        name="${entry%%:*}"
        port="${entry##*:}"
        if pid="$(live_pid "$RUN_DIR/$name.pid")"; then
            if healthy "$port"; then state="healthy"; else state="running, not healthy"; bad=1; fi
        else
            pid="-"
            state="not running"
            bad=1
        fi
        printf '%-10s pid %-8s 127.0.0.1:%-6s %s\n' "$name" "$pid" "$port" "$state"
    done
    return $((bad * 3))
}

# Wait until member NAME answers its health check on PORT, at most SECONDS; if its process ends or the
# time runs out, show its log, stop everything started and fail (a half-started cluster serves no one).
wait_healthy() {
    local name="$1" port="$2" seconds="$3" what="$4" waited=0
    until healthy "$port"; do
        if ! live_pid "$RUN_DIR/$name.pid" >/dev/null || [ "$waited" -ge $((seconds * 5)) ]; then
            say "$name $what 127.0.0.1:$port; its log:"
            tail -n 30 "$RUN_DIR/$name.log" >&2 || true
            cmd_stop
            exit 1
        fi
        sleep 0.2
        waited=$((waited + 1))
    done
}

cmd_start() {
    local replicas="${CLUSTER_REPLICAS:-2}"
    while [ $# -gt 0 ]; do
        case "$1" in
            --replicas) replicas="${2:?--replicas needs a number}"; shift 2 ;;
            *) say "unknown argument: $1"; exit 2 ;;
        esac
    done
    [[ "$replicas" =~ ^[1-9][0-9]?$ ]] || { say "--replicas must be 1-99, not $replicas"; exit 2; }
    if [ -f "$RUN_DIR/cluster.env" ]; then
        say "already started (see: bash scripts/cluster.sh status; stop it first)"
        exit 1
    fi
    local lb_port="${CLUSTER_LB_PORT:-8500}" writer_port="${CLUSTER_WRITER_PORT:-8510}"
    local first_port="${CLUSTER_REPLICA_PORT:-8511}"

    bash scripts/setup.sh --haproxy
    local db published
    db="$(.venv/bin/python -c 'from adoption.paths import resolve_db_path; print(resolve_db_path())')"
    published="${ADOPTION_PUBLISH_DIR:-$(dirname "$db")/published}"
    mkdir -p "$RUN_DIR"

    # The writer's database (created with demo data when new), published once
    # so that the replicas have a snapshot from their first request.
    env -u ADOPTION_READ_ONLY -u ADOPTION_PUBLISHED -u ADOPTION_PUBLISH_DIR \
        .venv/bin/python -m adoption init --db "$db" >/dev/null
    env -u ADOPTION_READ_ONLY -u ADOPTION_PUBLISHED \
        .venv/bin/python -m adoption publish --db "$db" --to "$published"

    local members_list="haproxy:$lb_port writer:$writer_port"
    local i
    for ((i = 1; i <= replicas; i++)); do members_list+=" replica$i:$((first_port + i - 1))"; done
    echo "$members_list" | tr ' ' '\n' >"$RUN_DIR/members"
    printf 'ADOPTION_DB=%s\nADOPTION_PUBLISH_DIR=%s\n' "$db" "$published" >"$RUN_DIR/cluster.env"

    start_streamlit writer "$writer_port" -u ADOPTION_PUBLISHED -u ADOPTION_READ_ONLY \
        ADOPTION_DB="$db" ADOPTION_PUBLISH_DIR="$published"
    for ((i = 1; i <= replicas; i++)); do
        start_streamlit "replica$i" "$((first_port + i - 1))" -u ADOPTION_PUBLISH_DIR \
            ADOPTION_PUBLISHED="$published" ADOPTION_READ_ONLY=1
    done

    # HAProxy's configuration with one server line per replica.
    local servers=""
    for ((i = 1; i <= replicas; i++)); do
        servers+="    server replica$i 127.0.0.1:$((first_port + i - 1)) cookie replica$i\n"
    done
    awk -v servers="$servers" '
        /# BEGIN replicas/ { print; printf "%s", servers; skip = 1; next }
        /# END replicas/ { skip = 0 }
        !skip { print }
    ' deploy/haproxy.cfg >"$RUN_DIR/haproxy.cfg"
    ADOPTION_LB_BIND="127.0.0.1:$lb_port" /usr/sbin/haproxy -c -q -f "$RUN_DIR/haproxy.cfg"

    # Everything must answer its health check before HAProxy takes viewers.
    local entry name port
    for entry in $(members); do
        name="${entry%%:*}"
        port="${entry##*:}"
        [ "$name" = haproxy ] && continue
        wait_healthy "$name" "$port" "$HEALTH_WAIT_S" "did not become healthy on"
    done
    ADOPTION_LB_BIND="127.0.0.1:$lb_port" nohup /usr/sbin/haproxy -db -f "$RUN_DIR/haproxy.cfg" \
        >"$RUN_DIR/haproxy.log" 2>&1 </dev/null &
    echo $! >"$RUN_DIR/haproxy.pid"
    wait_healthy haproxy "$lb_port" 10 "did not answer on"
    say "viewers:  http://127.0.0.1:$lb_port  (HAProxy, $replicas read-only replicas)"
    say "writer:   http://127.0.0.1:$writer_port/ladda-upp  (uploads publish to $published)"
    say "logs and pid files: $RUN_DIR"
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
esac
