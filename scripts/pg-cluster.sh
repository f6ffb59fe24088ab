#!/usr/bin/env bash
# A private, throwaway PostgreSQL 15 cluster for tests.
#
#   eval "$(bash scripts/pg-cluster.sh start)"   # exports TEST_DATABASE_URL, PG_CLUSTER_DIR, PG_CLUSTER_PORT
#   bash scripts/pg-cluster.sh status
#   bash scripts/pg-cluster.sh stop               # stops the server and deletes its directory
#
# start: makes a temporary directory (owned by `postgres` when run as root, because PostgreSQL
# refuses to run as root), runs initdb there (trust auth, UTF8, C.UTF-8), starts the server with
# `pg_ctl -w` on 127.0.0.1 only, on port $PG_CLUSTER_PORT (default 55432) or the next free one,
# with its Unix socket inside the temporary directory, waits with pg_isready and creates the
# database `tinhso_test`. The `export ...` lines go to stdout, progress messages to stderr.
#
# The cluster is remembered in a state file ($PG_CLUSTER_STATE, default .tmp/pg-cluster.env in the
# repository) so that `stop` finds it; `start` first stops a cluster left over in that file.
#
# Environment: PG_CLUSTER_PORT (first port to try), PG_CLUSTER_STATE (state file),
# PG_CLUSTER_DB (database name, default tinhso_test), PG_BINDIR (default: PostgreSQL 15's bin dir).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state_file=${PG_CLUSTER_STATE:-$repo_root/.tmp/pg-cluster.env}
db_name=${PG_CLUSTER_DB:-tinhso_test}

log() { printf '[pg-cluster] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

find_bindir() {
  if [[ -n ${PG_BINDIR:-} ]]; then
    echo "$PG_BINDIR"
    return
  fi
  if [[ -x /usr/lib/postgresql/15/bin/postgres ]]; then
    echo /usr/lib/postgresql/15/bin
    return
  fi
  local found
  found=$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -n 1 || true)
  [[ -n $found ]] || die "PostgreSQL is not installed (run scripts/ensure-system-packages.sh)"
  log "WARNING: PostgreSQL 15 not found, using $(dirname "$found")"
  dirname "$found"
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# True while $1 is a live (not zombie) postgres process.
postgres_alive() {
  [[ -n $1 ]] && grep -qs postgres "/proc/$1/comm" && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

cmd_stop() {
  local dir="" port="" pid=""
  if [[ -n ${1:-} ]]; then
    dir=$1
  elif [[ -f $state_file ]]; then
    # shellcheck disable=SC1090
    dir=$(. "$state_file" && echo "${PG_CLUSTER_DIR:-}")
    port=$(. "$state_file" && echo "${PG_CLUSTER_PORT:-}")
  fi
  if [[ -z $dir ]]; then
    log "no cluster to stop"
    rm -f "$state_file"
    return 0
  fi
  case $dir in
    */tinhso-pg.*) ;;
    *) die "refusing to delete $dir: not a directory made by this script" ;;
  esac
  if [[ -f $dir/data/postmaster.pid ]]; then
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    local bindir
    bindir=$(find_bindir)
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
      # Only kill the pid if it still is a postgres process (pids get reused).
      if postgres_alive "$pid"; then
        log "pg_ctl stop failed; killing postmaster $pid"
        kill -9 "$pid" 2>/dev/null || true
      fi
    fi
    # Wait until the postmaster has really gone (children included).
    for _ in $(seq 1 50); do
      postgres_alive "$pid" || break
      sleep 0.1
    done
  fi
  rm -rf "$dir"
  rm -f "$state_file"
  log "stopped${port:+ the cluster on port $port} and removed $dir"
}

cmd_start() {
  local bindir dir port started=0 first_port
  bindir=$(find_bindir)
  if [[ -f $state_file ]]; then
    log "found a cluster from an earlier run in $state_file; stopping it first"
    cmd_stop
  fi
  if [[ ${EUID:-$(id -u)} -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    die "user 'postgres' does not exist (install the postgresql package)"
  fi

  local t0=$EPOCHREALTIME
  dir=$(mktemp -d "${TMPDIR:-/tmp}/tinhso-pg.XXXXXX")
  chmod 700 "$dir"
  if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
    chown postgres:postgres "$dir"
  fi
  # If anything below fails, do not leave the directory (or a half-started server) behind.
  trap 'if [[ $started == 0 ]]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; fi' EXIT

  mkdir -p "$(dirname "$state_file")"
  as_owner mkdir "$dir/sock"
  if ! as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi
  cat >>"$dir/data/postgresql.conf" <<EOF

# --- private test cluster (scripts/pg-cluster.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
max_connections = 200
logging_collector = off
EOF
  local t_init=$EPOCHREALTIME

  first_port=${PG_CLUSTER_PORT:-55432}
  for ((port = first_port; port < first_port + 100; port++)); do
    port_in_use "$port" && continue
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -o "-p $port" -w -t 60 start \
      >/dev/null 2>&1; then
      started=1
      break
    fi
    if grep -q 'could not bind\|Address already in use' "$dir/postgres.log" 2>/dev/null; then
      log "port $port was taken meanwhile; trying the next one"
      continue
    fi
    tail -n 20 "$dir/postgres.log" >&2 || true
    started=0
    die "pg_ctl start failed"
  done
  [[ $started == 1 ]] || die "no free port in $first_port..$((first_port + 99))"

  # From here on the server runs: if a later step fails, stop it.
  trap 'if [[ $? -ne 0 ]]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; rm -f "$state_file"; fi' EXIT

  "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30 || die "server not ready on port $port"
  "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db_name" || die "createdb $db_name failed"
  local t_ready=$EPOCHREALTIME

  local url="postgres://postgres@127.0.0.1:$port/$db_name"
  cat >"$state_file" <<EOF
export PG_CLUSTER_DIR='$dir'
export PG_CLUSTER_PORT='$port'
export TEST_DATABASE_URL='$url'
EOF
  cat "$state_file"
  log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') ready at $url (dir $dir)"
  log "$(awk -v a="$t0" -v b="$t_init" -v c="$t_ready" 'BEGIN { printf "initdb %.2f s, start+createdb %.2f s", b - a, c - b }')"
}

cmd_status() {
  if [[ ! -f $state_file ]]; then
    log "no cluster recorded in $state_file"
    return 1
  fi
  # shellcheck disable=SC1090
  . "$state_file"
  local bindir
  bindir=$(find_bindir)
  if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PG_CLUSTER_PORT"; then
    cat "$state_file"
    log "running: $TEST_DATABASE_URL (dir $PG_CLUSTER_DIR)"
  else
    log "recorded in $state_file but not answering on port $PG_CLUSTER_PORT"
    return 1
  fi
}

case ${1:-} in
  start) cmd_start ;;
  stop) cmd_stop "${2:-}" ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop [DIR]|status" >&2
    exit 2
    ;;
esac
