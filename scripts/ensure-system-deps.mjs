// What the tests need from Debian, checked before they run (`npm test`, `npm run test:unit`,
// `npm run test:e2e` and `.ci/run` all start here):
// - Chromium, the browser of the end-to-end tests (never one Playwright downloads);
// - MariaDB's server, which the MySQL store's contract tests start on a temporary data directory;
// - PHP's CLI, which runs the token snippet of docs/embedding.md.
// As root, what is missing is installed with apt-get, saying so. Otherwise it stops first, with
// the one command to run. `node scripts/ensure-system-deps.mjs chromium` checks only Chromium.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CHROMIUM_PATH } from './chromium.mjs'

/** Where tests/setup/mariadb.ts looks for the server. */
const SBIN = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0

const NEEDS = [
  { name: 'chromium', what: 'Chromium (end-to-end tests)', present: () => existsSync(CHROMIUM_PATH) },
  {
    name: 'mariadb-server',
    what: "MariaDB's server (the MySQL store's tests)",
    present: () => SBIN.some((dir) => existsSync(join(dir, 'mariadbd'))),
  },
  { name: 'php-cli', what: "PHP's CLI (the token snippet in docs/embedding.md)", present: () => onPath('php') },
]

const only = process.argv.slice(2)
const missing = NEEDS.filter((need) => (only.length === 0 || only.includes(need.name)) && !need.present())
if (missing.length > 0) {
  const names = missing.map((need) => need.name)
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(`The tests need Debian packages this machine lacks: ${missing.map((need) => need.what).join('; ')}.`)
    console.error(
      `Install them, then run the tests again:\n\n  sudo apt-get update && sudo apt-get install -y ${names.join(' ')}\n`,
    )
    process.exit(1)
  }
  console.log(`== installing ${names.join(' ')} with apt-get (${missing.map((need) => need.what).join('; ')})`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: 'inherit', env })
  const still = missing.filter((need) => !need.present())
  if (still.length > 0) {
    console.error(`apt-get finished, but ${still.map((need) => need.name).join(' ')} is still missing.`)
    process.exit(1)
  }
}
