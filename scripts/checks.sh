#!/usr/bin/env bash
# `npm test`'s first step: the lint and the type check, side by side (each mostly waits on one
# core; together they take the longer one's time, not the sum). Either failing fails the step.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
lint_log=$(mktemp)
npm run --silent lint >"$lint_log" 2>&1 &
lint=$!
npm run --silent typecheck
typecheck=$?
wait "$lint"
lint_status=$?
echo "== npm run lint"
cat "$lint_log"
rm -f "$lint_log"
[ "$lint_status" -eq 0 ] || echo "lint failed (exit $lint_status)"
[ "$typecheck" -eq 0 ] || echo "typecheck failed (exit $typecheck)"
echo "== lint and type check took $(($(date +%s) - started)) s"
[ "$lint_status" -eq 0 ] && [ "$typecheck" -eq 0 ]
