// `npm run api`: the API server, with V8's heap held to 192 MB. V8 grows its heap lazily: under
// 24 whole-log loads at once it took the server to 575 MB resident with no gain in speed, and to
// about 210 MB with this limit (`npm run load:streams`). Seeding a large preview database
// (`--reset`) needs more, so it runs first in a process of its own, without the limit.
import { spawnSync } from 'node:child_process'

const args = process.argv.slice(2)
const run = (nodeArgs, cliArgs) =>
  spawnSync(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/cli.ts', ...cliArgs], { stdio: 'inherit' })

if (args.includes('--reset')) {
  const db = args.indexOf('--db')
  const seeded = run([], ['--reset-only', ...(db >= 0 && args[db + 1] ? ['--db', args[db + 1]] : [])])
  if (seeded.status !== 0) process.exit(seeded.status ?? 1)
}
const served = run(
  ['--max-old-space-size=192'],
  args.filter((arg) => arg !== '--reset'),
)
process.exit(served.status ?? 1)
