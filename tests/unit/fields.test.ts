// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { COLUMN_FIELDS } from '@/api/columns'
import { LOG_FIELDS, NARROWING_FIELDS, fieldEntries } from '@/api/fields'
import { LogQuerySchema, RecordSchemas, type LogKindName } from '@/api/schemas'
import { LOG_KIND_DEFINITIONS } from '@/logKinds'
import { CODE_FILTERS, DATE_KEYS, TEXT_FILTERS, filterByKey } from '@/logKinds/filters'
import { logSources } from '../../server/mysql/sources.ts'
import { logTableDdl, m2eTables } from '../../server/mysql/schema.ts'
import { TABLES } from '../../server/sqliteSchema.ts'
import { FILTER_FIELDS } from '../../server/store.ts'

const KINDS: LogKindName[] = ['listing', 'order', 'synchronization']

describe('the field list', () => {
  it('gives the record schema, the columns format and both stores the same fields', () => {
    const sources = logSources(m2eTables())
    for (const kind of KINDS) {
      const names = ['id', ...Object.keys(LOG_FIELDS[kind])]
      expect(Object.keys(RecordSchemas[kind].shape).sort()).toEqual([...names].sort())
      expect(COLUMN_FIELDS[kind].map((spec) => spec.field).sort()).toEqual([...names].sort())
      expect(TABLES[kind].columns.map((column) => column.field)).toEqual(names)
      expect(sources[kind].fields.map((field) => field.field)).toEqual(names)
    }
  })

  it("reads from M2E's log tables only columns they have", () => {
    const tables = m2eTables()
    const logs = { listing: 'listingLog', order: 'orderLog', synchronization: 'synchronizationLog' } as const
    for (const kind of KINDS) {
      const ddl = logTableDdl(tables, logs[kind], false)
      for (const [, field] of fieldEntries(kind, true)) {
        if (!field.joined) expect(ddl).toMatch(new RegExp(`^\\s*${field.column} `, 'm'))
      }
    }
  })

  it('reads a nullable id that old code wrote as 0 as none, in both stores', () => {
    const sources = logSources(m2eTables())
    const sqlite = TABLES.listing.columns.find((column) => column.field === 'listingProductId')
    const mysql = sources.listing.fields.find((field) => field.field === 'listingProductId')
    expect(sqlite?.read).toBe('NULLIF(listing_product_id, 0)')
    expect(mysql?.sql).toBe('NULLIF(l.listing_product_id, 0)')
  })

  it('narrows the server by the fields it marks, on the logs that have them', () => {
    expect(NARROWING_FIELDS).toEqual(['accountId', 'shopId', 'listingId', 'listingProductId', 'orderId'])
    for (const kind of KINDS) {
      const marked = fieldEntries(kind).flatMap(([name, field]) => (field.narrows ? [name] : []))
      expect(FILTER_FIELDS[kind]).toEqual(marked)
    }
    for (const name of NARROWING_FIELDS) expect(Object.keys(LogQuerySchema.shape)).toContain(name)
  })
})

describe('the filter registry', () => {
  it('has every filter a log offers, and each filter a URL key of its own', () => {
    for (const kind of KINDS) {
      for (const key of LOG_KIND_DEFINITIONS[kind].filters) {
        expect(filterByKey(key) !== null || (DATE_KEYS as readonly string[]).includes(key)).toBe(true)
      }
    }
    const keys = [...CODE_FILTERS.map((f) => f.urlKey), ...TEXT_FILTERS.map((f) => f.urlKey), ...DATE_KEYS]
    expect(new Set(keys).size).toBe(keys.length)
  })
})
