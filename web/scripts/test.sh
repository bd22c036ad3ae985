#!/usr/bin/env bash
# The web tier: lint, type check and the Vitest unit tests. Ends with
# "N passed, N failed" (lint and type check count as one test each).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -d node_modules ]] || npm ci --no-audit --no-fund
passed=0
failed=0
if npm run --silent lint; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
if npm run --silent typecheck; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
out=$(mktemp)
NO_COLOR=1 FORCE_COLOR=0 npx vitest run --reporter=default 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
line=$(sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -E '^\s*Tests\s+' | tail -1)
p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
p=${p:-0}
f=${f:-0}
if [[ $rc -ne 0 && $f -eq 0 ]]; then f=1; fi
rm -f "$out"
passed=$((passed + p))
failed=$((failed + f))
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
