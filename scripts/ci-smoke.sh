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
  const expected = "unique-collapse,filter-type-unique,filter-text,grouped-view,sort-product,append-10k,problems-view,problems-filtered,problems-resort"
  if (result.records !== 10000 || names !== expected || typeof result.problemsFirstUseMs !== "number") {
    console.error("bench:engine printed an unexpected JSON line: " + line)
    process.exit(1)
  }
'

# The browser benchmark at 2,000 records: the app and the baseline page in Chromium, one run each
# (a smoke run: it must work and print its JSON line; medians are for runs of 5 or more).
# `npm test` has just built dist/ (app and embed), so it is not built again.
out=$(npm run --silent bench -- --records 2000 --runs 1 --smoke --no-build)
echo "$out" | tail -n 1
echo "$out" | tail -n 1 | node -e '
  const line = require("fs").readFileSync(0, "utf8").trim()
  const result = JSON.parse(line)
  const metrics = ["firstRowsMs", "allLoadedMs", "toggleUniqueMs", "keystrokeMs", "scrollToEndMs", "domNodes", "heapBytesPerRecord", "wireBytesPerRecord"]
  const run = result.runs && result.runs[0]
  const problems = []
  if (!run || run.records !== 2000) problems.push("runs[0].records is not 2000")
  for (const name of metrics) if (!run || typeof run[name] !== "number") problems.push(`runs[0].${name} is not a number`)
  // At 2,000 records the load may end before half of it: then the figure is null, but it is there.
  for (const name of ["keystrokeDuringLoadMs", "keystrokeDuringLoadRowsMs"])
    if (!run || !(name in run)) problems.push(`runs[0].${name} is missing`)
  // The Problems view (issue 29): switching to it, back, and to it again.
  for (const name of ["problemsViewMs", "problemsBackMs", "problemsAgainMs"])
    if (!run || typeof run[name] !== "number") problems.push(`runs[0].${name} is not a number`)
  if (!run || typeof run.baseline !== "object" || run.baseline === null) problems.push("runs[0].baseline is missing")
  // The load with a recording of the stream in place of the server work: its figures, no error.
  for (const name of ["firstRowsMs", "allLoadedMs"])
    if (!run || typeof run.recordedStream?.[name] !== "number") problems.push(`runs[0].recordedStream.${name} is not a number`)
  for (const name of ["embedJsGzipBytes", "embedCssGzipBytes", "standaloneJsGzipBytes"]) {
    if (!result.bundle || typeof result.bundle[name] !== "number") problems.push(`bundle.${name} is not a number`)
  }
  if (problems.length) {
    console.error("bench printed an unexpected JSON line: " + problems.join("; ") + "\n" + line)
    process.exit(1)
  }
'

# The stores benchmark at 2,000 records: SQLite and MariaDB (started here) read the same log whole.
out=$(npm run --silent bench:stores -- --records 2000 --order 500 --runs 1 2>/dev/null)
echo "$out" | tail -n 1
echo "$out" | tail -n 1 | node -e '
  const line = require("fs").readFileSync(0, "utf8").trim()
  const result = JSON.parse(line)
  const problems = []
  if (result.records?.listing !== 2000 || result.records?.order !== 500) problems.push("records are not 2000/500")
  for (const name of ["sqlite", "mysql", "ratio"]) if (typeof result.listingReadMs?.[name] !== "number") problems.push(`listingReadMs.${name} is not a number`)
  for (const name of ["sqlite", "mysql", "mysqlWithCreateDateIndex"]) if (typeof result.orderReadMs?.[name] !== "number") problems.push(`orderReadMs.${name} is not a number`)
  if (result.explain?.listingBottom?.key !== "create_date") problems.push("the listing seek does not use the create_date index")
  if (problems.length) {
    console.error("bench:stores printed an unexpected JSON line: " + problems.join("; ") + "\n" + line)
    process.exit(1)
  }
'

# Many admins loading at once, small: every load whole (429s waited out), one JSON line.
out=$(npm run --silent load:streams -- --records 5000 --streams 10 --slow 3)
echo "$out" | tail -n 1
echo "$out" | tail -n 1 | node -e '
  const result = JSON.parse(require("fs").readFileSync(0, "utf8").trim())
  if (result.whole !== 10 || !(result.rssMaxMb > 0) || !(result.metaRequests > 0)) {
    console.error("load:streams printed an unexpected JSON line")
    process.exit(1)
  }
'
