// Sums the Vitest and Playwright JSON reports into the one closing line CI is read by.
// A report that is missing counts as one failure: a runner that never ran must not look green.
import { existsSync, readFileSync } from 'node:fs'

const reports = [
  {
    file: 'test-results/unit-report.json',
    count: (r) => ({ passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0 }),
  },
  {
    file: 'test-results/e2e-report.json',
    count: (r) => ({
      passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
      failed: (r.stats?.unexpected ?? 0) + (r.errors?.length ?? 0),
    }),
  },
]

let passed = 0
let failed = 0
let missing = false
for (const { file, count } of reports) {
  if (!existsSync(file)) {
    console.error(`missing test report: ${file} (that runner did not finish)`)
    failed += 1
    missing = true
    continue
  }
  const counts = count(JSON.parse(readFileSync(file, 'utf8')))
  passed += counts.passed
  failed += counts.failed
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || missing ? 1 : 0)
