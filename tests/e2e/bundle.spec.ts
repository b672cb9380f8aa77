// The embed build as files: what a host page gets. (Runs after the build, like the other e2e specs.)
import { readFileSync, readdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import postcss from 'postcss'
import { SIZE_LINES, bundleSizes, readmeSizes } from '../../scripts/bundleSizes.ts'

const read = (file: string) => readFileSync(`dist/embed/${file}`, 'utf8')

test('the embed bundle never evaluates strings as code', () => {
  // The parsing worker is a file of its own beside the chunks, never made from a string.
  const workers = readdirSync('dist/embed/chunks').filter((file) => /^lines\.worker-[\w-]+\.js$/.test(file))
  expect(workers).toHaveLength(1)
  for (const file of ['tts-logs.js', 'tts-logs.iife.js', `chunks/${workers[0]}`]) {
    const code = read(file)
    // Booleans, not the 800 KB bundle, in the failure message.
    expect({ file, newFunction: /\bnew Function\s*\(/.test(code) }).toEqual({ file, newFunction: false })
    expect({ file, eval: /(^|[^.\w$])eval\s*\(/.test(code) }).toEqual({ file, eval: false })
    expect({ file, stringTimer: /set(Timeout|Interval)\(\s*["'`]/.test(code) }).toEqual({ file, stringTimer: false })
    expect({ file, processEnv: code.includes('process.env') }).toEqual({ file, processEnv: false })
  }
  expect(/export\s*\{[^}]*\bmount\b/.test(read('tts-logs.js'))).toBe(true)
})

test('the IIFE build sets window.TtsLogs and never calls a RequireJS define()', async ({ page }) => {
  await page.goto('/host-demo.html?autostart=0')
  // A fresh document where an AMD loader is present, as on a Magento admin page.
  await page.setContent('<div id="app"></div>')
  await page.evaluate(() => {
    const calls: unknown[] = []
    const define = (...args: unknown[]) => calls.push(args)
    ;(define as unknown as { amd: object }).amd = {}
    Object.assign(window, { define, amdCalls: calls })
  })
  await page.addScriptTag({ url: '/embed/tts-logs.iife.js' })
  expect(
    await page.evaluate(() => ({
      mount: typeof (window as unknown as { TtsLogs?: { mount?: unknown } }).TtsLogs?.mount,
      amdCalls: (window as unknown as { amdCalls: unknown[] }).amdCalls.length,
    })),
  ).toEqual({ mount: 'function', amdCalls: 0 })
})

test('the embed stylesheet writes no global CSS: every rule is under .tts-logs or .tts-el-*', () => {
  const root = postcss.parse(read('tts-logs.css'))
  const offending: string[] = []
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as postcss.AtRule).name)) return
    for (const selector of rule.selectors) if (!/^\.tts-/.test(selector.trim())) offending.push(selector)
  })
  root.walkAtRules(/keyframes$/, (atRule) => {
    if (!atRule.params.startsWith('tts-')) offending.push(`@keyframes ${atRule.params}`)
  })
  expect(offending).toEqual([])
})

test('the README shows the sizes of this build: one set of figures, within 1 KB of each', () => {
  const shown = readmeSizes(readFileSync('README.md', 'utf8'))
  const sizes = bundleSizes()
  const off: string[] = []
  for (const [label, key] of SIZE_LINES) {
    const built = sizes[key] / 1024
    const written = shown.get(label)
    if (written === undefined || Math.abs(written - built) > 1)
      off.push(`${label}: README ${written ?? 'missing'} KB, build ${built.toFixed(1)} KB`)
  }
  // `npm run build` writes the README's figures (scripts/bundleSizes.ts --write-readme).
  expect(off, 'run npm run build to write the figures into README.md').toEqual([])
})
