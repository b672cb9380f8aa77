/**
 * Every field of every log, once: its name in the contract (the key), its validator, its column
 * in the preview's SQLite table and in M2E's log table, how the columns format sends it, and
 * whether it sorts and narrows. The zod record schemas (schemas.ts), the columns format
 * (columns.ts), the SQLite tables (server/db.ts), the MySQL store's selects and its seed
 * (server/mysql/) and the engine's plain fields are derived from these lists. No Vue: the
 * preview backend imports it too.
 *
 * A new field (a column of M2E's log table): its entry here, and its value in the seed where
 * TypeScript asks for it (server/generate.ts, server/generator/); to show it, the log's description
 * (its columns, src/logKinds/views/) and the two locale files; then `npm run openapi`. Only a column M2E's table
 * lacks also goes into server/mysql/schema.ts, the tests' copy of M2E's DDL.
 */
import { z } from 'zod/mini'
import { CODE_MAX, CODE_MIN, LISTING_ACTION_CODES, TASK_CODES } from './codes.ts'

const MAX_ID = Number.MAX_SAFE_INTEGER

export interface LogField<S extends z.ZodMiniType = z.ZodMiniType> {
  /** The contract's validator (the zod record schemas are built from these). */
  schema: S
  /** string: text (interned by the engine, a dictionary on the wire); number: an id; code: a SMALLINT code; date. */
  value: 'string' | 'number' | 'code' | 'date'
  nullable: boolean
  /** Whole numbers: the range allowed. Strings: `max` is the longest. */
  min: number
  max: number
  /** The columns format: first value then differences (values that grow steadily), else as they are. */
  delta: boolean
  /** Column in the preview's SQLite table and in M2E's log table. */
  column: string
  /** Read from a table M2E's order log is joined with (`o`: M2E's order, `so`: Magento's), not the log. */
  joined?: { table: 'o' | 'so'; column: string }
  /** The grid sorts by it. */
  sorts?: true
  /** The servers narrow a query by it (`?listingId=7`, an equality). */
  narrows?: true
}

const idSchema = z.int().check(z.positive(), z.maximum(MAX_ID))
/**
 * An id a record points at (an account, shop, listing, order, action run). M2E's columns are
 * NOT NULL, and old code wrote 0 where it had none: 0 is kept, as "none". (Where the column is
 * nullable, the servers send 0 as null.)
 */
const refIdSchema = z.int().check(z.minimum(0), z.maximum(MAX_ID))
/** ISO 8601 in UTC, with the `Z`: `2026-11-27T10:15:00Z` or with milliseconds. */
export const IsoUtcDate = z.iso.datetime({ offset: false, local: false })
const textSchema = (max: number) => z.string().check(z.maxLength(max))

type Extra = Partial<Pick<LogField, 'delta' | 'joined' | 'sorts' | 'narrows'>>
const base = { delta: false, nullable: false }

/** A record's own id (`id`), or one it may lack (null; the servers send M2E's 0 as null). */
function id<E extends Extra>(
  column: string,
  extra: E & { nullable: true },
): LogField<z.ZodMiniNullable<typeof idSchema>> & E
function id<E extends Extra>(column: string, extra?: E): LogField<typeof idSchema> & E
function id(column: string, extra: Extra & { nullable?: boolean } = {}): LogField {
  const nullable = extra.nullable ?? false
  const schema = nullable ? z.nullable(idSchema) : idSchema
  return { ...base, ...extra, schema, value: 'number', nullable, min: 1, max: MAX_ID, column }
}
/** An id a record points at; 0: none. */
const refId = <E extends Extra>(column: string, extra = {} as E): LogField<typeof refIdSchema> & E => ({
  ...base,
  ...extra,
  schema: refIdSchema,
  value: 'number',
  min: 0,
  max: MAX_ID,
  column,
})
/**
 * A code (type, run mode, action, task): any SMALLINT UNSIGNED, as M2E stores it. The known ones
 * are listed in codes.ts and named by the page; a newer M2E may write others, which are kept and
 * shown by number ("Action 97"). The client follows this, not the labels.
 */
const codeSchema = (known: string) =>
  z
    .int()
    .check(
      z.minimum(CODE_MIN),
      z.maximum(CODE_MAX),
      z.describe(
        `${known} Any other code in 0-65535 may come (a newer M2E's): it is valid, kept as stored and shown by number.`,
      ),
    )
const code = (column: string, known: string): LogField<ReturnType<typeof codeSchema>> => ({
  ...base,
  schema: codeSchema(known),
  value: 'code',
  min: CODE_MIN,
  max: CODE_MAX,
  column,
})
type TextSchema = ReturnType<typeof textSchema>
/** A text of up to `max` characters, or one it may lack (null). */
function text<E extends Extra>(
  column: string,
  max: number,
  extra: E & { nullable: true },
): LogField<z.ZodMiniNullable<TextSchema>> & E
function text<E extends Extra>(column: string, max: number, extra?: E): LogField<TextSchema> & E
function text(column: string, max: number, extra: Extra & { nullable?: boolean } = {}): LogField {
  const nullable = extra.nullable ?? false
  const schema = nullable ? z.nullable(textSchema(max)) : textSchema(max)
  return { ...base, ...extra, schema, value: 'string', nullable, min: 0, max, column }
}

/** The field every record has besides its log's list: its id, given by the store. */
export const ID_FIELD = id('id', { delta: true })

const typeCommon = code('type', 'Message type. Known: 1 Info, 2 Success, 3 Warning, 4 Error.')
const common = <T extends LogField>(type: T) => ({
  // Milliseconds since 1970 (UTC) in the stores and on the wire; ISO 8601 in the rows format.
  createDate: {
    ...base,
    schema: IsoUtcDate,
    value: 'date',
    min: 0,
    max: MAX_ID,
    delta: true,
    column: 'create_date',
    sorts: true as const,
  } satisfies LogField<typeof IsoUtcDate>,
  type,
  initiator: code('initiator', 'Run mode. Known: 0 Unknown, 1 Manual, 2 Automatic, 3 Developer.'),
  /** Plain text, or the JSON form `{"string", "params", "links"}`, stored as text. */
  description: text('description', 1_000_000),
})

/** Each log's fields, in the contract's order (its id, first in the stores, comes last there). */
export const LOG_FIELDS = {
  listing: {
    ...common(typeCommon),
    accountId: refId('account_id', { narrows: true }),
    shopId: refId('shop_id', { narrows: true }),
    listingId: refId('listing_id', { narrows: true }),
    listingTitle: text('listing_title', 255, { sorts: true }),
    productId: id('product_id', { nullable: true }),
    productTitle: text('product_title', 255, { nullable: true, sorts: true }),
    listingProductId: id('listing_product_id', { nullable: true, narrows: true }),
    action: code('action', `Listing action. Known: ${LISTING_ACTION_CODES.join(', ')} (named in domain.md).`),
    actionId: refId('action_id', { delta: true }),
  },
  order: {
    ...common(typeCommon),
    accountId: refId('account_id', { narrows: true }),
    shopId: refId('shop_id', { narrows: true }),
    orderId: refId('order_id', { narrows: true }),
    ttsOrderId: text('tts_order_id', 64, { joined: { table: 'o', column: 'tts_order_id' } }),
    magentoOrderId: id('magento_order_id', { nullable: true, joined: { table: 'o', column: 'magento_order_id' } }),
    magentoOrderNumber: text('magento_order_number', 64, {
      nullable: true,
      joined: { table: 'so', column: 'increment_id' },
    }),
  },
  synchronization: {
    ...common(code('type', 'Message type. Known: 1 Info, 2 Success, 3 Warning, 4 Error, 100 Fatal Error.')),
    task: code(
      'task',
      `Synchronization task. Known: ${TASK_CODES.join(', ')} (0 Other, 2 Listings, 3 Orders, 5 Unmanaged Listings).`,
    ),
    detailedDescription: text('detailed_description', 1_000_000, { nullable: true }),
    operationHistoryId: id('operation_history_id', { nullable: true }),
  },
} as const

type Kind = keyof typeof LOG_FIELDS
type LogFieldsOf<K extends Kind> = (typeof LOG_FIELDS)[K]
/** The names of the fields of any log with a flag set. */
type FieldsWith<Flag extends 'narrows' | 'sorts'> = {
  [K in Kind]: {
    [N in keyof LogFieldsOf<K>]: LogFieldsOf<K>[N] extends Record<Flag, true> ? N : never
  }[keyof LogFieldsOf<K>]
}[Kind]
/** The fields the servers narrow a log by, of every log: accountId, shopId, listingId, listingProductId, orderId. */
export type NarrowingField = FieldsWith<'narrows'>
/** The fields the grid sorts by: createDate, listingTitle, productTitle. */
export type SortableField = FieldsWith<'sorts'>

/** A log's fields as [name, field] pairs, in order; `withId` puts the id first, as the stores hold it. */
export function fieldEntries(kind: Kind, withId = false): [string, LogField][] {
  const own = Object.entries(LOG_FIELDS[kind]) as [string, LogField][]
  return withId ? [['id', ID_FIELD], ...own] : own
}

/** A log's field by its contract name (undefined: the log has none). */
export const fieldOf = (kind: Kind, name: string): LogField | undefined =>
  name === 'id' ? ID_FIELD : (LOG_FIELDS[kind] as Record<string, LogField>)[name]

/** The fields the servers narrow a log by (`?listingId=7`), in order. */
export const narrowingFields = (kind: Kind): NarrowingField[] =>
  fieldEntries(kind).flatMap(([name, field]) => (field.narrows ? [name as NarrowingField] : []))

/** Every field a server narrows by, of every log: accountId, shopId, listingId, listingProductId, orderId. */
export const NARROWING_FIELDS: readonly NarrowingField[] = [
  ...new Set((Object.keys(LOG_FIELDS) as Kind[]).flatMap(narrowingFields)),
]
