#!/usr/bin/env bash
# Browser end-to-end tests against the real server binary.
# Usage: tests/e2e/run.sh [path/to/opennrm]   (default: <repo>/build/opennrm; E2E_ONLY=prefix: those files)
# Starts the server on a free loopback port with a fresh data dir, waits for /readyz,
# runs `node --test` with BASE_URL set, stops the server, and exits non-zero on any failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${1:-$ROOT/build/opennrm}"
WEB_DIST="$ROOT/web/dist"

[[ -x "$BIN" ]] || { echo "e2e: server binary not found or not executable: $BIN" >&2; exit 2; }
command -v node >/dev/null || { echo "e2e: node is required" >&2; exit 2; }

# The app and the test dependencies: build/install only what is missing.
stale=""
[[ -f "$WEB_DIST/index.html" ]] || stale=1
[[ -n "$stale" ]] || [[ -z "$(find "$ROOT/web/src" "$ROOT/web/index.html" -newer "$WEB_DIST/index.html" -print -quit)" ]] || stale=1
if [[ -n "$stale" ]]; then
  echo "e2e: building the web app"
  [[ -d "$ROOT/web/node_modules" ]] || npm --prefix "$ROOT/web" ci --no-audit --no-fund
  npm --prefix "$ROOT/web" run build
fi
[[ -d "$HERE/node_modules/playwright-core" ]] || npm --prefix "$HERE" ci --no-audit --no-fund

TMP="$(mktemp -d -t opennrm-e2e.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
mkdir -p "$TMP/data"
cat > "$TMP/opennrm.toml" <<TOML
[server]
listen = "127.0.0.1"
port = $PORT
web_root = "$WEB_DIST"
[storage]
data_dir = "$TMP/data"
[security]
master_key_file = "$TMP/master.key"
# The hotline is closed whenever the tests run (but 00:00-00:01): hotline_desk's immediate-danger call
# comes outside office hours and is told about the after-hours social services. No other test depends
# on the hotline's office hours.
[hotline]
opens = "00:00"
closes = "00:01"
TOML

# The server finds its reference data (data/sweden) relative to the working directory.
(cd "$ROOT" && exec "$BIN" serve --config "$TMP/opennrm.toml") >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
BASE_URL="http://127.0.0.1:$PORT"

ready=""
for _ in $(seq 1 150); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  if node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$BASE_URL/readyz" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.2
done
if [[ -z "$ready" ]]; then
  echo "e2e: the server did not become ready at $BASE_URL/readyz; its log:" >&2
  cat "$TMP/server.log" >&2
  exit 1
fi

# A server with the login flow prints the first administrator's one-time password on first start;
# lib.mjs logs in with it (and keeps what it learns about accounts in the state file).
OPENNRM_E2E_ADMIN_PASSWORD="$(sed -n 's/.*One-time password (change it at first login): *//p' "$TMP/server.log" | head -n 1)"
export OPENNRM_E2E_ADMIN_PASSWORD
export OPENNRM_E2E_STATE="$TMP/e2e-state.json"

status=0
# E2E_ONLY="referrals_" runs only the files whose names start so (while working on them).
files=("$HERE/${E2E_ONLY:-}"*.test.mjs)
BASE_URL="$BASE_URL" node --test --test-concurrency=1 "${files[@]}" || status=$?
if [[ $status -ne 0 ]]; then
  echo "e2e: failures; last lines of the server log:" >&2
  tail -n 40 "$TMP/server.log" >&2
fi
exit $status
