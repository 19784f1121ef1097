#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite: `scripts/pg_cluster.sh run CMD...` starts one,
# runs CMD with MISTRUST_TEST_PG_URL set to it, then stops it and deletes it (also on failure or ^C).
#
# As root it installs Debian's `postgresql` when missing (apt-get update first) and runs the server
# as the unprivileged user `nobody` (Postgres refuses to run as root). Not root, it uses the Postgres
# it finds. Without one it exits 75 with the reason, so `make test` can skip the Postgres run,
# except under CI=true, where that is a failure (CI must never pass by skipping).
set -euo pipefail

say() { echo "pg_cluster: $*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return
  fi
}

unavailable() {
  if [ "${CI:-}" = "true" ]; then say "FAILED: $1 (CI=true: the Postgres run may not be skipped)"; exit 1; fi
  say "skipped: $1"; exit 75
}

BIN=$(find_bin)
if [ -z "$BIN" ]; then
  if [ "$(id -u)" = "0" ]; then
    say "installing Debian's postgresql"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
      || unavailable "apt-get could not install postgresql"
    BIN=$(find_bin)
  fi
  [ -n "$BIN" ] || unavailable "no PostgreSQL server binaries (initdb, pg_ctl) and not root to install them"
fi

[ "${1:-}" = "run" ] || { echo "usage: $0 run COMMAND [ARG...]" >&2; exit 2; }
shift

DIR=$(mktemp -d /tmp/mistrust-pg.XXXXXX)
AS=()
if [ "$(id -u)" = "0" ]; then
  chown nobody "$DIR"
  AS=(runuser -u nobody --)
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT INT TERM

"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U mistrust --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; unavailable "initdb failed"; }
# throwaway data: durability off, enough connections for a pool per test workspace
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
      -c full_page_writes=off -c max_connections=400" >/dev/null \
  || { cat "$DIR/server.log" >&2; unavailable "the server did not start"; }

export MISTRUST_TEST_PG_URL="postgresql://mistrust@127.0.0.1:$PORT/postgres"
say "cluster at $MISTRUST_TEST_PG_URL (data in $DIR, removed at the end)"
"$@"
