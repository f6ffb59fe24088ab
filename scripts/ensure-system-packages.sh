#!/usr/bin/env bash
# Installs the Debian packages that the test suites need and npm cannot provide:
#   - PostgreSQL 15 (server + contrib: unaccent, pg_trgm, ...) for the "real PostgreSQL" suite;
#   - Chromium for Playwright (`npx playwright install` cannot download browsers here);
#   - fonts-dejavu-core (Vietnamese glyphs for PDFs and for screenshots);
#   - poppler-utils (pdftotext, pdfsig: independent readers of the PDFs we generate and sign);
#   - libnss3-tools (certutil: a temporary NSS database that makes pdfsig trust a test root);
#   - clamav-daemon (clamd scans uploads in the tests, with the project's own EICAR signature file);
#   - xmlsec1 (an independent verifier of the XML-DSig of the edXML packages we sign).
# Idempotent and quick when everything is present: it only calls apt-get for what is missing.
# Needs root (CI runs as root) or sudo; otherwise it says what to install and fails.
set -euo pipefail

log() { printf '[ensure-system-packages] %s\n' "$*"; }

missing=()
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
  missing+=(postgresql postgresql-contrib)
fi
if [[ ! -x /usr/bin/chromium ]]; then
  missing+=(chromium)
fi
if [[ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; then
  missing+=(fonts-dejavu-core)
fi

if ! command -v pdftotext >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi
if [[ ! -x /usr/sbin/clamd ]]; then
  missing+=(clamav-daemon)
fi
if ! command -v certutil >/dev/null 2>&1; then
  missing+=(libnss3-tools)
fi
if ! command -v xmlsec1 >/dev/null 2>&1; then
  missing+=(xmlsec1)
fi

if ((${#missing[@]} == 0)); then
  log "all present: PostgreSQL ($(compgen -G '/usr/lib/postgresql/*/bin/postgres' | tr '\n' ' '| sed 's/ $//')), /usr/bin/chromium, DejaVu fonts, poppler-utils, clamd, xmlsec1"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  log "ERROR: missing ${missing[*]} and apt-get is not available; install them with your system's package manager"
  exit 1
fi

sudo_cmd=()
if [[ ${EUID:-$(id -u)} -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo --preserve-env=DEBIAN_FRONTEND)
  else
    log "ERROR: missing Debian packages and not root, and sudo is not installed."
    log "       Run as root:  apt-get update && apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
apt_opts=(-y -qq -o Dpkg::Use-Pty=0 -o APT::Color=0)
start=$SECONDS
log "missing: ${missing[*]}"
log "running: ${sudo_cmd[*]:+${sudo_cmd[*]} }apt-get update"
"${sudo_cmd[@]}" apt-get -qq update
log "running: ${sudo_cmd[*]:+${sudo_cmd[*]} }apt-get install -y ${missing[*]}"
# dpkg prints one line per unpacked package; keep the log short but show errors.
if ! "${sudo_cmd[@]}" apt-get install "${apt_opts[@]}" "${missing[@]}" >/tmp/ensure-system-packages.$$.log 2>&1; then
  tail -n 40 /tmp/ensure-system-packages.$$.log
  rm -f /tmp/ensure-system-packages.$$.log
  log "ERROR: apt-get install failed"
  exit 1
fi
rm -f /tmp/ensure-system-packages.$$.log
log "installed ${missing[*]} in $((SECONDS - start)) s"

# Check the result rather than trusting the exit code.
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || { log "ERROR: PostgreSQL still missing"; exit 1; }
[[ -x /usr/bin/chromium ]] || { log "ERROR: /usr/bin/chromium still missing"; exit 1; }
