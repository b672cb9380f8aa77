// `npm run api:seed-mysql -- --mysql mysql://USER:PASSWORD@HOST:PORT/DATABASE [--table-prefix P]
//  [--listing N --order N --sync N] [--append]`: creates M2E's tables where missing and loads
//  generated logs. Logs that already hold records are refused unless --append.
import { parseArgs } from 'node:util'
import { seedCountsFromEnv } from '../db.ts'
import { seedMysql } from './seed.ts'

const { values } = parseArgs({
  options: {
    mysql: { type: 'string', default: process.env.LOGS_MYSQL_URL },
    'table-prefix': { type: 'string', default: process.env.LOGS_TABLE_PREFIX ?? '' },
    listing: { type: 'string' },
    order: { type: 'string' },
    sync: { type: 'string' },
    append: { type: 'boolean', default: false },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

if (!values.mysql) fail('--mysql mysql://USER:PASSWORD@HOST:PORT/DATABASE is required (or set LOGS_MYSQL_URL)')
const defaults = seedCountsFromEnv()
const count = (name: 'listing' | 'order' | 'sync', fallback: number) => {
  const raw = values[name]
  if (raw === undefined) return fallback
  if (!/^\d{1,9}$/.test(raw)) fail(`--${name} must be a whole number, got "${raw}"`)
  return Number(raw)
}
const counts = {
  listing: count('listing', defaults.listing),
  order: count('order', defaults.order),
  synchronization: count('sync', defaults.synchronization),
}
try {
  const { ms } = await seedMysql({
    url: values.mysql,
    tablePrefix: values['table-prefix'],
    counts,
    append: values.append,
  })
  console.log(
    `Seeded M2E's tables: ${counts.listing} listing, ${counts.order} order, ${counts.synchronization} synchronization records in ${ms} ms`,
  )
} catch (error) {
  const e = error as { code?: string; sqlMessage?: string; message?: string }
  fail(`Seeding failed: ${e.sqlMessage ?? e.message ?? String(error)}${e.code ? ` (${e.code})` : ''}`)
}
