#!/usr/bin/env bash
# API contract checks: (1) Redocly lint of docs/api/openapi.yaml with no errors
# and no warnings, (2) drift between the document and the server's routes.
# Usage: tests/contract/run.sh [SERVER_BINARY]   (default: <repo>/build/opennrm)
set -uo pipefail
cd "$(dirname "$0")"

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

if [ ! -d node_modules ]; then
  if ! npm ci --no-fund --no-audit; then
    echo "npm ci failed"
    echo "0 passed, 2 failed"
    exit 1
  fi
fi

passed=0
failed=0

lint_log=$(mktemp)
trap 'rm -f "$lint_log"' EXIT
npm run --silent lint 2>&1 | tee "$lint_log"
lint_status=${PIPESTATUS[0]}
# Redocly exits 0 on warnings; the bar here is none at all.
if [ "$lint_status" -eq 0 ] && ! grep -Eq 'You have [0-9]+ warnings?' "$lint_log"; then
  echo "PASS lint"
  passed=$((passed + 1))
else
  echo "FAIL lint (exit $lint_status, or warnings)"
  failed=$((failed + 1))
fi

if node openapi-drift.mjs ${1:+"$1"}; then
  echo "PASS drift"
  passed=$((passed + 1))
else
  echo "FAIL drift"
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
