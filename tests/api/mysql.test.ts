// @vitest-environment node
/**
 * What only the MySQL/MariaDB store has: M2E's own tables and joins, a real store's safety
 * (read-only by default), the cursor walk's index use, and a database that is missing a table
 * or goes down mid-load. The contract both stores share is in backend, badRequests and stream.
 */
import { spawnSync } from 'node:child_process'
import mysql from 'mysql2/promise'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { connectionOptions } from '../../server/mysql/seed.ts'
import { MysqlStore } from '../../server/mysql/store.ts'
import { useAppConfigStore } from '@/stores/appConfig'
import { useListingLogStore } from '@/stores/logStore'
import { useMetaStore } from '@/stores/meta'
import { mariaDbUrl, rootSql, startMariaDb, type MariaDbServer } from '../setup/mariadb.ts'
import { createMysqlDatabase, injectFaults, sharedMariaDb, startTestServer, type TestServer } from './testServer.ts'

type Body = { error?: string; details?: { field: string; message: string }[]; [key: string]: unknown }

async function call(server: TestServer, path: string, init?: RequestInit) {
  const response = await fetch(server.apiUrl + path, init)
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) as Body }
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

const SETTINGS = {
  listing: { enabled: true, keepDays: 14 },
  order: { enabled: false, keepDays: 90 },
  synchronization: { enabled: true, keepDays: 60 },
}

describe("the MySQL store over M2E's tables", () => {
  const seed = { listing: 2000, order: 400, synchronization: 100 }
  let database: string
  let readOnly: TestServer
  let writable: TestServer
  const sql = (statements: string) => rootSql(sharedMariaDb(), `USE ${database};\n${statements}`)

  beforeAll(async () => {
    database = await createMysqlDatabase(seed)
    readOnly = await startTestServer(seed, { store: 'mysql', database, allowWrites: false })
    writable = await startTestServer(seed, { store: 'mysql', database, allowWrites: true })
  })
  afterAll(async () => {
    await readOnly.stop()
    await writable.stop()
    rootSql(sharedMariaDb(), `DROP DATABASE ${database}`)
  })

  it('is read-only by default: Clear All, settings and new records answer 403 saying how to allow them', async () => {
    const before = readOnly.snapshot()
    const written: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    const writes = [
      call(readOnly, '/logs/synchronization', { method: 'DELETE' }),
      call(readOnly, '/logs/listing', { method: 'DELETE' }),
      call(readOnly, '/settings/logs-clearing', json('PUT', SETTINGS)),
    ]
    for (const { status, body } of await Promise.all(writes)) {
      expect(status).toBe(403)
      expect(body.error).toBe('Read-only')
      expect(body.details![0]!.message).toContain('--allow-writes')
      expect(body.details![0]!.message).toContain('LOGS_MYSQL_ALLOW_WRITES=1')
    }
    const post = await call(readOnly, '/logs/synchronization', json('POST', { items: [] }))
    expect(post.status).toBe(403)
    expect(readOnly.snapshot()).toBe(before)
    spy.mockRestore()
    // Each refused write is audited too.
    const audits = written.filter((line) => line.startsWith('{"audit"')).map((line) => JSON.parse(line) as object)
    expect(audits).toHaveLength(3)
    expect(audits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ audit: 'clear-all', log: 'listing', outcome: 'refused', status: 403 }),
        expect.objectContaining({ audit: 'clear-all', log: 'synchronization', outcome: 'refused', status: 403 }),
        expect.objectContaining({ audit: 'settings', setting: 'logs-clearing', outcome: 'refused', status: 403 }),
      ]),
    )
  })

  it('refuses the settings itself, before reading them: not left to the database session, and a bad body is 403 too', async () => {
    const before = readOnly.snapshot()
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      for (const body of [SETTINGS, { listing: { enabled: 'yes' } }]) {
        const put = await call(readOnly, '/settings/logs-clearing', json('PUT', body))
        expect(put.status).toBe(403)
        expect(put.body.error).toBe('Read-only')
        // The API's own refusal names what was refused; the database's would name '(database)'.
        expect(put.body.details).toEqual([{ field: 'settings', message: expect.stringContaining('--allow-writes') }])
      }
    } finally {
      spy.mockRestore()
    }
    expect(readOnly.snapshot()).toBe(before)
  })

  it('says in meta whether it is read-only, so the pages do not offer what would fail', async () => {
    expect((await call(readOnly, '/meta')).body.readOnly).toBe(true)
    expect((await call(writable, '/meta')).body.readOnly).toBe(false)
  })

  it('the read-only sessions are read-only in the database too', async () => {
    const store = new MysqlStore({ url: readOnly.mysqlUrl! })
    try {
      // Past the API's own refusal, straight at the pool: the database refuses the write.
      const pool = (store as unknown as { pool: mysql.Pool }).pool
      await expect(pool.query('DELETE FROM m2e_tts_synchronization_log')).rejects.toMatchObject({
        code: 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION',
      })
    } finally {
      await store.close()
    }
    expect((await call(readOnly, '/logs/synchronization?limit=1')).body.totalEstimate).toBe(seed.synchronization)
  })

  it("shows the order numbers from M2E's order and Magento's sales_order (none: null)", async () => {
    const [orderId, magentoOrderId] = sql(
      'SELECT id, magento_order_id FROM m2e_tts_order WHERE magento_order_id IS NOT NULL ORDER BY id LIMIT 1',
    )
      .trim()
      .split('\t')
      .map(Number)
    sql(`UPDATE m2e_tts_order SET tts_order_id = 'TTS-JOINED-1' WHERE id = ${orderId};
         UPDATE sales_order SET increment_id = 'MAGENTO-JOINED-1' WHERE entity_id = ${magentoOrderId};`)
    const joined = (await call(readOnly, `/logs/order?orderId=${orderId}`)).body.items as Record<string, unknown>[]
    expect(joined.length).toBeGreaterThan(0)
    for (const record of joined) {
      expect(record).toMatchObject({
        orderId,
        ttsOrderId: 'TTS-JOINED-1',
        magentoOrderId,
        magentoOrderNumber: 'MAGENTO-JOINED-1',
      })
    }
    sql(`UPDATE m2e_tts_order SET magento_order_id = NULL WHERE id = ${orderId}`)
    const unlinked = (await call(readOnly, `/logs/order?orderId=${orderId}`)).body.items as Record<string, unknown>[]
    for (const record of unlinked) expect(record).toMatchObject({ magentoOrderId: null, magentoOrderNumber: null })
  })

  it('reads Logs Clearing from m2e_core_config, and with writes allowed changes only those rows', async () => {
    sql(`UPDATE m2e_core_config SET value = '0' WHERE \`group\` = '/logs/clearing/orders/' AND \`key\` = 'mode';
         UPDATE m2e_core_config SET value = '45' WHERE \`group\` = '/logs/clearing/listings/' AND \`key\` = 'days';`)
    expect((await call(readOnly, '/settings/logs-clearing')).body).toMatchObject({
      listing: { enabled: true, keepDays: 45 },
      order: { enabled: false, keepDays: 90 },
    })
    const others = () =>
      sql("SELECT `group`, `key`, value FROM m2e_core_config WHERE `group` NOT LIKE '/logs/clearing/%'")
    const othersBefore = others()
    expect(othersBefore).toContain('max_records_count')
    const put = await call(writable, '/settings/logs-clearing', json('PUT', SETTINGS))
    expect(put).toMatchObject({ status: 200, body: SETTINGS })
    expect(
      sql("SELECT `group`, `key`, value FROM m2e_core_config WHERE `group` LIKE '/logs/clearing/%' ORDER BY 1, 2"),
    ).toBe(
      [
        '/logs/clearing/listings/\tdays\t14',
        '/logs/clearing/listings/\tmode\t1',
        '/logs/clearing/orders/\tdays\t90',
        '/logs/clearing/orders/\tmode\t0',
        '/logs/clearing/synchronizations/\tdays\t60',
        '/logs/clearing/synchronizations/\tmode\t1',
        '',
      ].join('\n'),
    )
    expect(others()).toBe(othersBefore)
  })

  it('seeks every page on the create_date index (EXPLAIN), never from the top of the table', async () => {
    const store = new MysqlStore({ url: readOnly.mysqlUrl! })
    const connection = await mysql.createConnection(connectionOptions(readOnly.mysqlUrl!))
    try {
      // A cursor near the oldest records, as late in a walk: few rows left, so the index is the
      // cheap way there (on a small table the optimizer may scan instead for a cursor near the top).
      const oldest = (table: string) =>
        sql(`SELECT create_date FROM ${table} ORDER BY create_date LIMIT 1 OFFSET 5`).trim()
      const cursors = {
        listing: oldest('m2e_tts_listing_log'),
        synchronization: oldest('m2e_tts_synchronization_log'),
        order: oldest('m2e_tts_order_log'),
      }
      const plan = async (kind: 'listing' | 'order' | 'synchronization') => {
        const cursor = cursors[kind]
        const [rows] = await connection.query(`EXPLAIN ${store.seekSql(kind)}`, [cursor, cursor, 1_000_000, 5000])
        return (rows as { table: string; type: string; key: string | null }[]).find((row) => row.table === 'l')!
      }
      expect(await plan('listing')).toMatchObject({ type: 'range', key: 'create_date' })
      expect(await plan('synchronization')).toMatchObject({ type: 'range', key: 'create_date' })
      // M2E has no create_date index on the order log: each page is a scan (see docs/api.md).
      expect((await plan('order')).type).toBe('ALL')
    } finally {
      await connection.end()
      await store.close()
    }
  })

  it('a missing table: a clear error naming it (never a stack trace), and the other logs still load', async () => {
    const broken = await createMysqlDatabase({ listing: 100, order: 50, synchronization: 10 })
    rootSql(sharedMariaDb(), `DROP TABLE ${broken}.m2e_tts_order_log`)
    const server = await startTestServer(undefined, { store: 'mysql', database: broken })
    try {
      const { status, text, body } = await call(server, '/logs/order?format=columns')
      expect(status).toBe(500)
      expect(body.error).toBe('Database table missing')
      expect(body.details![0]!.message).toMatch(/'m2e_tts_order_log' doesn't exist.*M2E TikTok Shop/)
      expect(body.details![0]!.message).not.toContain(`${broken}.`)
      expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/)
      expect((await call(server, '/logs/listing?limit=1')).body.totalEstimate).toBe(100)
    } finally {
      await server.stop()
      rootSql(sharedMariaDb(), `DROP DATABASE ${broken}`)
    }
  })

  it('reads tables under a Magento table prefix, and names the prefix when the tables are not there', async () => {
    const prefixed = await createMysqlDatabase({ listing: 120, order: 30, synchronization: 10 }, 'mage_')
    const right = await startTestServer(undefined, { store: 'mysql', database: prefixed, tablePrefix: 'mage_' })
    const wrong = await startTestServer(undefined, { store: 'mysql', database: prefixed })
    try {
      expect((await call(right, '/logs/listing?limit=1')).body.totalEstimate).toBe(120)
      expect((await call(right, '/meta')).body.accounts).toHaveLength(2)
      const missing = await call(wrong, '/logs/listing')
      expect(missing.status).toBe(500)
      expect(missing.body.details![0]!.message).toMatch(/m2e_tts_listing_log.*table prefix ""/)
    } finally {
      await right.stop()
      await wrong.stop()
      rootSql(sharedMariaDb(), `DROP DATABASE ${prefixed}`)
    }
  })

  it('npm run api:seed-mysql fills an empty database, and refuses logs that already hold records', () => {
    const address = sharedMariaDb()
    const name = `tts_seed_cli_${process.pid}`
    rootSql(address, `DROP DATABASE IF EXISTS ${name}; CREATE DATABASE ${name};`)
    const seedCli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/mysql/seedCli.ts', '--mysql', mariaDbUrl(address, name), ...args],
        {
          encoding: 'utf8',
        },
      )
    try {
      const first = seedCli('--listing', '300', '--order', '40', '--sync', '20')
      expect(first.stdout).toContain('Seeded')
      expect(first.status).toBe(0)
      const counts = () =>
        rootSql(
          address,
          `SELECT (SELECT COUNT(*) FROM ${name}.m2e_tts_listing_log), (SELECT COUNT(*) FROM ${name}.m2e_tts_order_log), (SELECT COUNT(*) FROM ${name}.m2e_tts_synchronization_log)`,
        ).trim()
      expect(counts()).toBe('300\t40\t20')
      const again = seedCli('--listing', '300')
      expect(again.status).toBe(2)
      expect(again.stderr).toMatch(/m2e_tts_listing_log.*already holds records.*--append/)
      expect(counts()).toBe('300\t40\t20')
      expect(seedCli('--listing', '5', '--order', '0', '--sync', '0', '--append').status).toBe(0)
      expect(counts()).toBe('305\t40\t20')
    } finally {
      rootSql(address, `DROP DATABASE IF EXISTS ${name}`)
    }
  })

  it('refuses a table prefix that is not a name, and a URL without a database', () => {
    expect(() => new MysqlStore({ url: readOnly.mysqlUrl!, tablePrefix: 'x`; DROP TABLE y; --' })).toThrow(
      /letters, digits and underscores/,
    )
    expect(() => new MysqlStore({ url: 'mysql://u:p@127.0.0.1:3306/' })).toThrow(/names no database/)
    expect(() => new MysqlStore({ url: 'postgres://u:p@127.0.0.1/db' })).toThrow(/mysql:\/\//)
  })
})

describe('a database that stops in the middle of a load', () => {
  const RECORDS = 12_000
  let mariadb: MariaDbServer
  let server: TestServer

  beforeAll(async () => {
    mariadb = await startMariaDb()
    mariadb.sql('CREATE DATABASE shop')
    const { seedMysql } = await import('../../server/mysql/seed.ts')
    await seedMysql({ url: mariadb.url('shop'), counts: { listing: RECORDS, order: 10, synchronization: 10 } })
    server = await startTestServer(undefined, {
      store: 'mysql',
      database: 'shop',
      testMode: true,
      mariadb,
    })
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
    await mariadb?.destroy()
  })

  it('says the database cannot be reached, keeps what it had, and Retry goes on from the cursor once it is back', async () => {
    const allIds = mariadb
      .sql('SELECT id FROM shop.m2e_tts_listing_log')
      .trim()
      .split('\n')
      .map(Number)
      .sort((a, b) => a - b)
    expect(allIds).toHaveLength(RECORDS)
    setActivePinia(createPinia())
    useAppConfigStore().configure({ apiBaseUrl: server.apiUrl })
    const store = useListingLogStore()
    // A slow database: the lines after the first come 4 s apart, so it stops mid-load.
    await injectFaults(server, { path: '/logs/listing', query: 'format=columns-stream', lineDelayMs: 4000 })
    const loading = store.load()
    await expect.poll(() => store.loaded, { timeout: 10_000, interval: 10 }).toBeGreaterThan(0)
    await mariadb.stop()
    await loading
    expect(store.status).toBe('error')
    expect(store.error).toMatchObject({ kind: 'server', status: 503 })
    expect(store.error!.message).toContain('Database unavailable')
    // What the client is told names no database user, host, port or name (the server's log does).
    expect(store.error!.details[0]!.message).toMatch(/^The database cannot be reached \(\w+\)/)
    expect(store.error!.details[0]!.message).not.toMatch(/tts|127\.0\.0\.1|shop/)
    const kept = store.loaded
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(RECORDS)

    await mariadb.start()
    await store.retry()
    expect(store.status).toBe('complete')
    store.setViewState({ ...store.viewState, unique: false })
    const held = Array.from(store.result.rows, (index) => store.entryAt(index).id).sort((a, b) => a - b)
    expect(held).toEqual(allIds)
  }, 60_000)
})

describe('records without a usable date', () => {
  let database: string
  let server: TestServer
  const sql = (statements: string) => rootSql(sharedMariaDb(), `USE ${database};\n${statements}`)

  beforeAll(async () => {
    database = await createMysqlDatabase({ listing: 50, order: 10, synchronization: 10 })
    sql(`SET SESSION sql_mode = '';
      INSERT INTO m2e_tts_listing_log (account_id, shop_id, listing_id, action_id, action, initiator, type, description, create_date)
      VALUES (1, 1, 1, 1, 4, 2, 4, 'No date.', NULL), (1, 1, 1, 1, 4, 2, 4, 'Zero date.', '0000-00-00 00:00:00'),
        (1, 1, 1, 1, 4, 2, 4, 'Before the dates a log holds (2000 on).', '1990-05-01 00:00:00');`)
    server = await startTestServer({ listing: 50, order: 10, synchronization: 10 }, { store: 'mysql', database })
  })
  afterAll(async () => {
    await server.stop()
    rootSql(sharedMariaDb(), `DROP DATABASE ${database}`)
  })

  it('are left out of the log, counted in meta, and the count follows a Clear All', async () => {
    expect((await call(server, '/logs/listing?limit=1')).body.totalEstimate).toBe(50)
    expect((await call(server, '/meta')).body.undated).toEqual({ listing: 3, order: 0, synchronization: 0 })
    setActivePinia(createPinia())
    useAppConfigStore().configure({ apiBaseUrl: server.apiUrl })
    const meta = useMetaStore()
    await meta.load()
    expect(meta.meta?.undated?.listing).toBe(3)
    const store = useListingLogStore()
    await store.load()
    expect(store.size).toBe(50)
    expect(await store.clearAll()).toBe(53)
    await expect.poll(() => meta.meta?.undated?.listing, { timeout: 5_000 }).toBe(0)
  })
})
