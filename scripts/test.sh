#!/usr/bin/env bash
# The whole test suite, on a bare machine: installs what the tests need (Debian packages, npm
# dependencies), starts the local PostgreSQL if it is down, then runs typecheck, lint, the unit and
# medium tests on PGlite and on PostgreSQL 15, and the browser tests in Chromium. Ends with one
# line "N passed, N failed" summing every suite; exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS/screenshots"
export SCREENSHOT_DIR="$RESULTS/screenshots"

log() { printf '\n=== %s\n' "$*"; }

# ── system packages ────────────────────────────────────────────────────────────
APT_PACKAGES=(chromium fonts-noto-cjk postgresql-contrib bind9-utils poppler-utils)
# the compliance gate tests run a real nginx (HTTP by Host, TLS by SNI via the stream module) and curl
APT_PACKAGES+=(nginx libnginx-mod-stream curl)
APT_PACKAGES+=(prometheus-alertmanager) # incidents: the end-to-end Alertmanager test
APT_PACKAGES+=(libreoffice-writer-nogui) # contracts: the .docx opened and printed by LibreOffice (issue 19)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || echo "warning: apt-get install failed for ${missing[*]}"
fi

# ── PostgreSQL 15 on 127.0.0.1:5432 ─────────────────────────────────────────────
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  log "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

# ── npm ────────────────────────────────────────────────────────────────────────
log "npm ci"
npm ci --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
check() { # a check that is one pass or one fail
  local name=$1; shift
  log "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
suite() { # a vitest run; its counts are added from the JSON report
  local name=$1; shift
  log "$name"
  "$@" --reporter=default --reporter=json --outputFile.json="$RESULTS/$name.json"
  local counts
  counts=$(node -e '
    const fs = require("fs"); const f = process.argv[1];
    if (!fs.existsSync(f)) { console.log("0 1"); process.exit(0); }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    const failedSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + failedSuites);' "$RESULTS/$name.json")
  passed=$((passed + ${counts% *})); failed=$((failed + ${counts#* }))
  echo "$name: ${counts% *} passed, ${counts#* } failed"
}

check typecheck npx tsc --noEmit -p tsconfig.json
check typecheck-web npx tsc --noEmit -p web/tsconfig.json
check lint npx eslint src test web/src
check api-current npm run api:check --silent
check web-api-types node scripts/check-web-types.mjs
check build-web npm run build:web --silent
check bundle-size node scripts/bundle-size.mjs
suite pglite env TEST_DB=pglite npx vitest run
suite postgres env TEST_DB=postgres npx vitest run
suite e2e npx vitest run --config vitest.e2e.config.ts

echo
echo "screenshots: $SCREENSHOT_DIR"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
