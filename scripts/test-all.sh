#!/usr/bin/env bash
# Every test suite of TinhSo, in order, from a machine with nothing running:
#
#   0. system packages (PostgreSQL 15, Chromium, fonts, poppler, clamd) if missing   scripts/ensure-system-packages.sh
#   1. static checks (typecheck, lint, format, dependency rules)      npm run check        -> check.json
#   2. unit + API tests on the embedded PGlite                         vitest, TEST_DB=pglite
#   3. the same on a private PostgreSQL 15 cluster                     vitest, TEST_DB=postgres
#   4. end-to-end tests in Chromium                                    npm run build:web + playwright
#
# Each suite writes a JSON report into .tmp/results/. A failing suite does not stop the others.
# The last line of output is `N passed, N failed` over all suites (scripts/summarize-results.mjs);
# the exit code is non-zero if anything failed. The PostgreSQL cluster and the web server are
# stopped whatever happens (trap). See docs/testing.md.
#
# Environment: TEST_ALL_SKIP (space-separated suite ids to skip: check pglite postgres e2e),
# TEST_ALL_SUITE_TIMEOUT (seconds per suite, default 1200).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# Node 24 comes from the `node` dev dependency; make sure it wins even when this script is run
# directly (`bash scripts/test-all.sh`) rather than through `npm run test:all`.
export PATH="$ROOT/node_modules/.bin:$PATH"

RESULTS=$ROOT/.tmp/results
SUITES=$RESULTS/suites.tsv
SUITE_TIMEOUT=${TEST_ALL_SUITE_TIMEOUT:-1200}
SKIP=" ${TEST_ALL_SKIP:-} "
# A state file of our own, so that a developer's own cluster (default state file) is left alone.
export PG_CLUSTER_STATE=$ROOT/.tmp/test-all-pg-cluster.env
export CLAMD_STATE=$ROOT/.tmp/test-all-clamd.env
E2E_PID_FILE=$ROOT/.tmp/e2e-server.pid

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
: >"$SUITES"

say() { printf '\n\033[1m=== %s ===\033[0m\n' "$*"; }

current_pid=""
cluster_started=0
clamd_started=0
cleanup_done=0

stop_e2e_server() {
  [[ -f $E2E_PID_FILE ]] || return 0
  local pid
  pid=$(cat "$E2E_PID_FILE" 2>/dev/null || true)
  rm -f "$E2E_PID_FILE"
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && grep -qs node "/proc/$pid/comm"; then
    echo "test-all: stopping the e2e server left running (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

cleanup() {
  [[ $cleanup_done == 1 ]] && return 0
  cleanup_done=1
  if [[ -n $current_pid ]]; then
    # `timeout` runs each suite in a process group of its own: stop the whole group.
    kill -TERM -- "-$current_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$current_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$current_pid" 2>/dev/null || true
    current_pid=""
  fi
  stop_e2e_server
  if [[ $clamd_started == 1 ]]; then
    bash scripts/clamd.sh stop || true
    clamd_started=0
  fi
  if [[ $cluster_started == 1 ]]; then
    bash scripts/pg-cluster.sh stop || true
    cluster_started=0
  fi
}
on_signal() {
  echo "test-all: interrupted, cleaning up" >&2
  cleanup
  exit 130
}
trap cleanup EXIT
trap on_signal INT TERM HUP

now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# record ID LABEL KIND REPORT EXIT SECONDS [NOTE]
record() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "${7:-}" >>"$SUITES"
}

# run_timed CMD...: runs CMD under `timeout` (in its own process group), returns its exit code.
run_timed() {
  timeout --kill-after=30 "$SUITE_TIMEOUT" "$@" </dev/null &
  current_pid=$!
  wait "$current_pid"
  local rc=$?
  current_pid=""
  if [[ $rc == 124 ]]; then
    echo "test-all: timed out after $SUITE_TIMEOUT s: $*" >&2
  fi
  return "$rc"
}

skipped() { [[ $SKIP == *" $1 "* ]]; }

t_all=$(now)

# --- 0. system packages ------------------------------------------------------------------------
say "system packages"
if ! bash scripts/ensure-system-packages.sh; then
  echo "test-all: WARNING: system packages are missing; the PostgreSQL and browser suites will fail" >&2
fi

# --- 1. static checks ----------------------------------------------------------------------------
if ! skipped check; then
  say "static checks: npm run check"
  t0=$(now)
  run_timed npm run check
  rc=$?
  secs=$(elapsed "$t0")
  printf '{"suite":"check","command":"npm run check","exitCode":%d,"seconds":%s,"passed":%d,"failed":%d}\n' \
    "$rc" "$secs" "$((rc == 0 ? 1 : 0))" "$((rc == 0 ? 0 : 1))" >"$RESULTS/check.json"
  record check "static checks" check "$RESULTS/check.json" "$rc" "$secs"
fi

# Uploads are scanned by a real clamd in the API tests (files.test.ts also runs the built-in matcher).
if clamd_env=$(bash scripts/clamd.sh start); then
  eval "$clamd_env"
  clamd_started=1
else
  echo "test-all: clamd did not start; the upload tests run with the built-in scanner only" >&2
fi

# --- 2. vitest on PGlite -------------------------------------------------------------------------
if ! skipped pglite; then
  say "unit + API tests on PGlite: vitest run (TEST_DB=pglite)"
  t0=$(now)
  TEST_DB=pglite run_timed npx vitest run --reporter=default --reporter=json \
    --outputFile="$RESULTS/vitest-pglite.json"
  rc=$?
  record pglite "vitest on PGlite" vitest "$RESULTS/vitest-pglite.json" "$rc" "$(elapsed "$t0")"
fi

# --- 3. vitest on PostgreSQL 15 ------------------------------------------------------------------
if ! skipped postgres; then
  say "unit + API tests on PostgreSQL 15: vitest run (TEST_DB=postgres)"
  t0=$(now)
  cluster_env=""
  if cluster_env=$(bash scripts/pg-cluster.sh start); then
    cluster_started=1
    eval "$cluster_env"
    echo "test-all: cluster up in $(elapsed "$t0") s: $TEST_DATABASE_URL"
    t0=$(now)
    TEST_DB=postgres TEST_DATABASE_URL=$TEST_DATABASE_URL run_timed npx vitest run --reporter=default \
      --reporter=json --outputFile="$RESULTS/vitest-postgres.json"
    rc=$?
    record postgres "vitest on PostgreSQL 15" vitest "$RESULTS/vitest-postgres.json" "$rc" "$(elapsed "$t0")"
    bash scripts/pg-cluster.sh stop || true
    cluster_started=0
  else
    record postgres "vitest on PostgreSQL 15" vitest "" 1 "$(elapsed "$t0")" "PostgreSQL cluster did not start"
  fi
fi

# --- 4. Playwright -------------------------------------------------------------------------------
if ! skipped e2e; then
  say "web build: npm run build:web"
  t0=$(now)
  run_timed npm run build:web
  rc=$?
  build_secs=$(elapsed "$t0")
  echo "test-all: build:web exited $rc after $build_secs s"
  if [[ $rc != 0 ]]; then
    record e2e "playwright (chromium)" playwright "" "$rc" "$build_secs" "npm run build:web failed (exit $rc)"
  elif [[ -z ${E2E_BASE_URL:-} ]] && { (exec 3<>/dev/tcp/127.0.0.1/3100) || (exec 3<>/dev/tcp/::1/3100); } 2>/dev/null; then
    echo "test-all: port 3100 is already in use; stop what listens there (ss -ltnp 'sport = 3100')" >&2
    record e2e "playwright (chromium)" playwright "" 1 "$build_secs" "port 3100 already in use"
  else
    say "end-to-end tests: playwright test"
    t0=$(now)
    PLAYWRIGHT_JSON_OUTPUT_FILE="$RESULTS/playwright.json" run_timed npx playwright test --reporter=list,json
    rc=$?
    stop_e2e_server
    record e2e "playwright (chromium)" playwright "$RESULTS/playwright.json" "$rc" "$(elapsed "$t0")"
  fi
fi

# --- summary -------------------------------------------------------------------------------------
cleanup
total_secs=$(elapsed "$t_all")
say "summary (${total_secs} s in all; reports in .tmp/results/)"
node scripts/summarize-results.mjs "$SUITES"
exit $?
