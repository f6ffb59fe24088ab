#!/usr/bin/env bash
# `npm run bench`: HTTP and sign-in benchmarks (bench/run.ts, results in docs/benchmarks.md).
#
#   npm run bench                   # the server on the embedded PGlite
#   npm run bench -- --pg           # also on a private PostgreSQL 15 cluster (scripts/pg-cluster.sh)
#   DATABASE_URL=postgres://… npm run bench   # also on that PostgreSQL
#   npm run bench -- --pg --one-stop [--dossiers=N …]   # only the one-stop benchmarks (bench/one-stop.ts)
#   npm run bench -- [--pg] --exchange   # only remote signing and the two-server exchange (about 1 min
#                                        # each; bench/remote-signing.ts, bench/exchange.ts)
#
# Traffic goes to 127.0.0.1 only; every load run is bounded (BENCH_DURATION s, default 10).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$PATH" # Node 24 from the `node` dev dependency

cluster=0
one_stop=0
exchange=0
one_stop_args=()
for arg in "$@"; do
  case $arg in
    --pg) cluster=1 ;;
    --one-stop) one_stop=1 ;;
    --exchange) exchange=1 ;;
    --dossiers=* | --clients=* | --seconds=* | --samples=* | --pglite | --reuse-seeded) one_stop_args+=("$arg") ;;
    *)
      echo "usage: npm run bench [-- --pg] [--exchange] [--one-stop [--dossiers=N] [--clients=N] [--seconds=S] [--samples=N] [--pglite] [--reuse-seeded]]" >&2
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

if [[ $exchange == 1 ]]; then
  node bench/remote-signing.ts
  DATABASE_URL= node bench/exchange.ts
  if [[ -n ${DATABASE_URL:-} ]]; then node bench/exchange.ts; fi
  exit
fi
if [[ $one_stop == 1 ]]; then
  node bench/one-stop.ts "${one_stop_args[@]}"
  exit
fi
node bench/run.ts
node bench/audited-writes.ts
