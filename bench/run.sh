#!/usr/bin/env bash
# `npm run bench`: HTTP and sign-in benchmarks (bench/run.ts, results in docs/benchmarks.md).
#
#   npm run bench                   # the server on the embedded PGlite
#   npm run bench -- --pg           # also on a private PostgreSQL 15 cluster (scripts/pg-cluster.sh)
#   DATABASE_URL=postgres://… npm run bench   # also on that PostgreSQL
#
# Traffic goes to 127.0.0.1 only; every load run is bounded (BENCH_DURATION s, default 10).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$PATH" # Node 24 from the `node` dev dependency

cluster=0
for arg in "$@"; do
  case $arg in
    --pg) cluster=1 ;;
    *)
      echo "usage: npm run bench [-- --pg]" >&2
      exit 2
      ;;
  esac
done

if [[ $cluster == 1 && -z ${DATABASE_URL:-} ]]; then
  export PG_CLUSTER_STATE=$PWD/.tmp/bench-pg-cluster.env PG_CLUSTER_DB=tinhso_bench PG_CLUSTER_PORT=55532
  trap 'bash scripts/pg-cluster.sh stop' EXIT
  trap 'exit 130' INT TERM
  eval "$(bash scripts/pg-cluster.sh start)"
  export DATABASE_URL=$TEST_DATABASE_URL
fi

node bench/run.ts
node bench/audited-writes.ts
