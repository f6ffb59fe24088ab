#!/usr/bin/env bash
# Starts the platform for Playwright (playwright.config.ts, webServer.command): a fresh embedded
# database every run, the demo province seeded, listening on $PORT (3100 from the config).
#
# - deletes $PGLITE_DATA_DIR first, so every run starts from the same seeded state;
# - uses PGlite unless E2E_DATABASE_URL is set (then that PostgreSQL becomes DATABASE_URL);
#   a DATABASE_URL from the caller's shell is ignored on purpose;
# - writes its pid to .tmp/e2e-server.pid so that scripts/test-all.sh can stop a server that
#   Playwright left behind (it normally stops it itself);
# - `exec`s node so that the signal Playwright sends reaches the server directly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${PGLITE_DATA_DIR:=.tmp/e2e-pglite}"
case $PGLITE_DATA_DIR in
  '' | / | . | ..) echo "e2e-server: refusing PGLITE_DATA_DIR='$PGLITE_DATA_DIR'" >&2; exit 1 ;;
esac
rm -rf -- "$PGLITE_DATA_DIR"
mkdir -p .tmp
export PGLITE_DATA_DIR
if [[ -n ${E2E_DATABASE_URL:-} ]]; then
  export DATABASE_URL=$E2E_DATABASE_URL
else
  unset DATABASE_URL
fi
echo $$ >.tmp/e2e-server.pid
exec node apps/cli/src/main.ts demo
