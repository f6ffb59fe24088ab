#!/usr/bin/env bash
# A private, throwaway clamd (ClamAV daemon) for tests, loading only the project's signature file.
#
#   eval "$(bash scripts/clamd.sh start)"   # exports CLAMD_HOST, CLAMD_PORT, CLAMD_DIR
#   bash scripts/clamd.sh status
#   bash scripts/clamd.sh stop               # stops the daemon and deletes its directory
#
# start: makes a temporary directory holding a config of its own (TCPSocket on 127.0.0.1 only, on
# port $CLAMD_PORT_FIRST (default 53310) or the next free one; no LocalSocket; log, pid and temporary
# files inside the directory, nothing in /var or syslog), a database directory holding only
# signatures/tinhso-test.ndb (Debian's ClamAV ships no database and freshclam has no network here),
# starts Debian's /usr/sbin/clamd, which detaches itself, and waits until it answers PING with PONG.
# The `export ...` lines go to stdout, progress messages to stderr.
#
# The daemon is remembered in a state file ($CLAMD_STATE, default .tmp/clamd.env in the repository)
# so that `stop` finds it; `start` first stops a daemon left over in that file.
#
# Environment: CLAMD_PORT_FIRST (first port to try), CLAMD_STATE (state file), CLAMD_BIN (default
# /usr/sbin/clamd), CLAMD_SIGNATURES (default signatures/tinhso-test.ndb).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state_file=${CLAMD_STATE:-$repo_root/.tmp/clamd.env}
clamd_bin=${CLAMD_BIN:-/usr/sbin/clamd}
signatures=${CLAMD_SIGNATURES:-$repo_root/signatures/tinhso-test.ndb}

log() { printf '[clamd] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Sends a z-command (NUL-terminated) to clamd and prints its NUL-terminated answer.
clamd_say() {
  local port=$1 command=$2 reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'z%s\0' "$command" >&3
  IFS= read -r -d '' -t 5 reply <&3 || true
  exec 3<&- 3>&-
  printf '%s' "$reply"
}

# True while $1 is a live (not zombie) clamd process.
clamd_alive() {
  [[ -n $1 ]] && grep -qs clamd "/proc/$1/comm" && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]
}

stop_dir() {
  local dir=$1 pid=""
  case $dir in
    */tinhso-clamd.*) ;;
    *) die "refusing to delete $dir: not a directory made by this script" ;;
  esac
  [[ -f $dir/clamd.pid ]] && pid=$(head -n 1 "$dir/clamd.pid" 2>/dev/null || true)
  if clamd_alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      clamd_alive "$pid" || break
      sleep 0.1
    done
    if clamd_alive "$pid"; then
      log "clamd $pid did not stop on TERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir"
}

cmd_stop() {
  local dir="" port=""
  if [[ -n ${1:-} ]]; then
    dir=$1
  elif [[ -f $state_file ]]; then
    # shellcheck disable=SC1090
    dir=$(. "$state_file" && echo "${CLAMD_DIR:-}")
    port=$(. "$state_file" && echo "${CLAMD_PORT:-}")
  fi
  if [[ -z $dir ]]; then
    log "no clamd to stop"
    rm -f "$state_file"
    return 0
  fi
  stop_dir "$dir"
  rm -f "$state_file"
  log "stopped${port:+ clamd on port $port} and removed $dir"
}

write_config() {
  local dir=$1 port=$2
  cat >"$dir/clamd.conf" <<EOF
# private test clamd (scripts/clamd.sh)
TCPAddr 127.0.0.1
TCPSocket $port
DatabaseDirectory $dir/db
PidFile $dir/clamd.pid
TemporaryDirectory $dir/tmp
LogFile $dir/clamd.log
LogTime yes
LogSyslog no
Foreground no
# Uploads are at most 10 MiB (files.maxBytes); a little more is allowed so that clamd, not the
# stream limit, answers for a file at the limit.
StreamMaxLength 12M
MaxFileSize 12M
MaxScanSize 48M
SelfCheck 0
EOF
}

cmd_start() {
  local dir port first_port started=0
  [[ -x $clamd_bin ]] || die "$clamd_bin is missing (run scripts/ensure-system-packages.sh)"
  [[ -f $signatures ]] || die "signature file $signatures is missing"
  if [[ -f $state_file ]]; then
    log "found a clamd from an earlier run in $state_file; stopping it first"
    cmd_stop
  fi
  local t0=$EPOCHREALTIME
  dir=$(mktemp -d "${TMPDIR:-/tmp}/tinhso-clamd.XXXXXX")
  chmod 700 "$dir"
  mkdir "$dir/db" "$dir/tmp"
  cp "$signatures" "$dir/db/"
  trap 'if [[ $started == 0 ]]; then stop_dir "$dir"; fi' EXIT
  mkdir -p "$(dirname "$state_file")"

  first_port=${CLAMD_PORT_FIRST:-53310}
  for ((port = first_port; port < first_port + 100; port++)); do
    port_in_use "$port" && continue
    write_config "$dir" "$port"
    : >"$dir/clamd.log"
    if ! "$clamd_bin" --config-file="$dir/clamd.conf" >"$dir/start.log" 2>&1; then
      if grep -qs 'Address already in use' "$dir/clamd.log" "$dir/start.log"; then
        log "port $port was taken meanwhile; trying the next one"
        continue
      fi
      cat "$dir/start.log" >&2
      tail -n 20 "$dir/clamd.log" >&2 || true
      die "clamd did not start"
    fi
    started=1
    break
  done
  [[ $started == 1 ]] || die "no free port in $first_port..$((first_port + 99))"
  # From here on the daemon runs: if a later step fails, stop it.
  trap 'if [[ $? -ne 0 ]]; then stop_dir "$dir"; rm -f "$state_file"; fi' EXIT

  local reply=""
  for _ in $(seq 1 100); do
    reply=$(clamd_say "$port" PING 2>/dev/null || true)
    [[ $reply == PONG ]] && break
    sleep 0.1
  done
  if [[ $reply != PONG ]]; then
    tail -n 20 "$dir/clamd.log" >&2 || true
    die "clamd on port $port does not answer PING"
  fi
  local t_ready=$EPOCHREALTIME

  cat >"$state_file" <<EOF
export CLAMD_DIR='$dir'
export CLAMD_HOST='127.0.0.1'
export CLAMD_PORT='$port'
EOF
  cat "$state_file"
  log "$(clamd_say "$port" VERSION) ready on 127.0.0.1:$port (dir $dir)"
  log "$(awk -v a="$t0" -v b="$t_ready" 'BEGIN { printf "started in %.2f s", b - a }')"
}

cmd_status() {
  if [[ ! -f $state_file ]]; then
    log "no clamd recorded in $state_file"
    return 1
  fi
  # shellcheck disable=SC1090
  . "$state_file"
  if [[ $(clamd_say "$CLAMD_PORT" PING 2>/dev/null || true) == PONG ]]; then
    cat "$state_file"
    log "running on 127.0.0.1:$CLAMD_PORT (dir $CLAMD_DIR)"
  else
    log "recorded in $state_file but not answering on port $CLAMD_PORT"
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
