#!/usr/bin/env bash
# Benchmarks run small in CI, as smoke checks only: they must run and print their JSON line.
# Nothing about time is asserted here; the figures are for people (README, issue notes).
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(npm run --silent bench:engine -- --records 10000)
echo "$out"
echo "$out" | tail -n 1 | node -e '
  const line = require("fs").readFileSync(0, "utf8").trim()
  const result = JSON.parse(line)
  const names = result.results.map((r) => r.name).join(",")
  if (result.records !== 10000 || names !== "unique-collapse,filter-type-unique,filter-text,grouped-view,sort-product,append-10k") {
    console.error("bench:engine printed an unexpected JSON line: " + line)
    process.exit(1)
  }
'
