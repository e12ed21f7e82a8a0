#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for Dyad's store tests and benchmark.
#
#   eval "$(scripts/postgres.sh)"    # start (installing PostgreSQL if missing); prints
#                                    #   export DYAD_TEST_PG=postgresql://postgres@127.0.0.1:PORT/dyad
#   scripts/postgres.sh stop         # stop it (the data folder stays until removed)
#
# Idempotent: a second start finds the running cluster and prints the same line.
# The cluster lives in $DYAD_PG_DIR (default: $TMPDIR/dyad-pg), listens on 127.0.0.1 on a
# free port, trusts local connections and runs with fsync off: it is for tests only.
set -euo pipefail

DIR="${DYAD_PG_DIR:-${TMPDIR:-/tmp}/dyad-pg}"
DB="${DYAD_PG_DB:-dyad}"
ACTION="${1:-start}"

log() { echo "postgres.sh: $*" >&2; }
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
is_root() { [ "$(id -u)" = 0 ]; }
# initdb and postgres refuse to run as root: as root, the cluster belongs to 'postgres'.
as_owner() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

BIN="$(find_bin || true)"

if [ "$ACTION" = stop ]; then
    if [ -n "$BIN" ] && [ -f "$DIR/data/PG_VERSION" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2 || true
    else
        log "no cluster at $DIR"
    fi
    exit 0
fi
if [ "$ACTION" != start ]; then
    log "usage: $0 [start|stop]"
    exit 2
fi

if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    if ! is_root; then
        log "PostgreSQL is not installed; run as root, or: sudo apt-get install -y postgresql"
        exit 1
    fi
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN="$(find_bin)"
fi

if is_root && ! id postgres >/dev/null 2>&1; then
    useradd --system --create-home --home-dir /var/lib/postgresql postgres
fi
mkdir -p "$DIR"
if is_root; then chown postgres "$DIR"; fi

if [ ! -f "$DIR/data/PG_VERSION" ]; then
    log "creating a cluster in $DIR/data"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-locale >&2
fi

if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    PORT="$(cat "$DIR/port" 2>/dev/null || echo 54329)"
    while port_busy "$PORT"; do PORT=$((PORT + 1)); done
    echo "$PORT" > "$DIR/port"
    log "starting on 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >&2
fi
PORT="$(cat "$DIR/port")"

if [ -z "$("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi
echo "export DYAD_TEST_PG=postgresql://postgres@127.0.0.1:$PORT/$DB"
