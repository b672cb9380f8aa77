// Runs before the end-to-end tests: they need Debian's Chromium, never a downloaded browser.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { CHROMIUM_PATH as chromium } from './chromium.mjs'

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(
      `Chromium not found at ${chromium}. Install it with: sudo apt-get update && sudo apt-get install -y chromium`,
    )
    process.exit(1)
  }
  console.log('Chromium not found: installing it with apt-get (Debian package "chromium")...')
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (!existsSync(chromium)) {
    console.error(`apt-get finished but ${chromium} is still missing.`)
    process.exit(1)
  }
}
