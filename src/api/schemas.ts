/**
 * The log API contract, v1. One source of truth: the client validates every response against
 * these schemas, the preview backend validates every request against them, and
 * `public/openapi.json` is generated from them (`npm run openapi`).
 */
// zod's tree-shakable build ("mini"): the same validators as classic zod, at about a third of
// its size in the bundle. English messages are loaded explicitly (mini has none by default).
import { z } from 'zod/mini'
import { en } from 'zod/locales'
import { ID_FIELD, IsoUtcDate, LOG_FIELDS, NARROWING_FIELDS, type LogField, type NarrowingField } from './fields.ts'

// Never compile validators with `new Function`: the admin runs under a CSP without unsafe-eval,
// and even zod's probe for it would be reported as a violation.
z.config({ jitless: true, ...en() })

export const LOG_KIND_VALUES = ['listing', 'order', 'synchronization'] as const
export const LogKindSchema = z.enum(LOG_KIND_VALUES)

export {
  Initiator,
  LISTING_ACTION_CODES,
  MessageType,
  SyncTask,
  type InitiatorCode,
  type ListingActionCode,
  type MessageTypeCode,
  type SyncTaskCode,
} from './codes.ts'

const id = ID_FIELD.schema
const text = (max: number) => z.string().check(z.maxLength(max))
export { IsoUtcDate }
const typeSync = LOG_FIELDS.synchronization.type.schema

/** A log's record schema, from its field list (fields.ts). */
const recordSchema = <F extends Record<string, LogField>>(fields: F) =>
  z.strictObject(
    Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.schema])) as {
      [N in keyof F]: F[N]['schema']
    },
  )

const newListingRecord = recordSchema(LOG_FIELDS.listing)
const newOrderRecord = recordSchema(LOG_FIELDS.order)
const newSynchronizationRecord = recordSchema(LOG_FIELDS.synchronization)

export const RecordSchemas = {
  listing: z.extend(newListingRecord, { id }),
  order: z.extend(newOrderRecord, { id }),
  synchronization: z.extend(newSynchronizationRecord, { id }),
} as const

/**
 * A record as a writer POSTs it: a field that may be null may also be left out, and is stored as
 * null. A writer made before a nullable field was added keeps working.
 */
const postedSchema = <F extends Record<string, LogField>>(fields: F) =>
  z.strictObject(
    Object.fromEntries(
      Object.entries(fields).map(([name, field]) => [
        name,
        field.nullable ? z._default(field.schema, null) : field.schema,
      ]),
    ) as { [N in keyof F]: F[N]['schema'] },
  )
export const NewRecordSchemas = {
  listing: postedSchema(LOG_FIELDS.listing),
  order: postedSchema(LOG_FIELDS.order),
  synchronization: postedSchema(LOG_FIELDS.synchronization),
} as const

export type LogKindName = z.infer<typeof LogKindSchema>
export type { NarrowingField, SortableField } from './fields.ts'
export type ListingLogRecord = z.infer<typeof RecordSchemas.listing>
export type OrderLogRecord = z.infer<typeof RecordSchemas.order>
export type SynchronizationLogRecord = z.infer<typeof RecordSchemas.synchronization>
export interface LogRecordByKind {
  listing: ListingLogRecord
  order: OrderLogRecord
  synchronization: SynchronizationLogRecord
}
export type NewLogRecord<K extends LogKindName> = Omit<LogRecordByKind[K], 'id'>

/** The most records one request may ask for (`limit`). */
export const MAX_PAGE_SIZE = 10_000

/** A whole number in a query string: plain decimal digits only (no `0x41`, `1e3`, ` 5`). */
const queryInt = <T extends z.ZodMiniType<number, number>>(schema: T) =>
  z.pipe(
    z.union([
      z.number(),
      z.pipe(z.string().check(z.regex(/^\d{1,16}$/, 'expected a whole number')), z.transform(Number)),
    ]),
    schema,
  )

/** The narrowing fields (`?listingId=7`, fields.ts), each an optional id. */
const narrowingQuery = Object.fromEntries(NARROWING_FIELDS.map((name) => [name, z.optional(queryInt(id))])) as Record<
  NarrowingField,
  z.ZodMiniOptional<ReturnType<typeof queryInt<typeof id>>>
>

/** `GET /api/v1/logs/{kind}` query. Unknown keys are rejected so a typo never filters silently. */
export const LogQuerySchema = z.strictObject({
  limit: z._default(queryInt(z.int().check(z.minimum(1), z.maximum(MAX_PAGE_SIZE))), 1000),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  from: z.optional(IsoUtcDate),
  to: z.optional(IsoUtcDate),
  ...narrowingQuery,
  afterId: z.optional(queryInt(z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)))),
  /**
   * `rows` (the default): `items`, one object per record. `columns`: the compact format of
   * src/api/columns.ts, for loading whole logs. `columns-stream`: every record from the cursor
   * on in one streamed response, a columns chunk per line (see STREAM_FORMAT in columns.ts). A
   * server without one of them ignores or rejects the key, and the client falls back: from the
   * stream to columns pages, from columns pages to rows.
   */
  format: z.optional(z.enum(['rows', 'columns', 'columns-stream'])),
  /** Magento's CSRF token; the admin adds it to every request. The preview backend checks it when run with a form key (PREVIEW_FORM_KEY). */
  form_key: z.optional(z.string().check(z.maxLength(64))),
})
export type LogQuery = z.input<typeof LogQuerySchema>

/**
 * `GET /api/v1/logs/{kind}/summary` query: the server-side filters of a log query (no paging,
 * format or `afterId`: a summary covers the whole log under them).
 */
export const LogSummaryQuerySchema = z.pick(LogQuerySchema, {
  from: true,
  to: true,
  ...(Object.fromEntries(NARROWING_FIELDS.map((name) => [name, true])) as Record<NarrowingField, true>),
  form_key: true,
})
export type LogSummaryQuery = z.input<typeof LogSummaryQuerySchema>

/**
 * A log's shape: `total` records under the query, and `hours`, their counts per UTC hour and
 * type as `[hourStartMs, type, count]`, oldest first (hours without records left out).
 */
export const LogSummarySchema = z.object({
  total: z.int().check(z.minimum(0)),
  hours: z.array(z.tuple([z.int().check(z.minimum(0)), typeSync, z.int().check(z.minimum(1))])),
})
export type LogSummaryBody = z.infer<typeof LogSummarySchema>

/**
 * A page of records. `items` are checked one by one by the client, so one bad record does not
 * throw away the page. `totalEstimate` is the count of matching records, sent with the first
 * page only (no cursor), for progress bars.
 */
export const LogPageSchema = z.object({
  items: z.array(z.unknown()),
  nextCursor: z.nullable(z.string().check(z.minLength(1))),
  totalEstimate: z.optional(z.nullable(z.int().check(z.minimum(0)))),
})
export type LogPage = z.infer<typeof LogPageSchema>

export const ShopSchema = z.object({ id, name: text(255), region: text(16) })
export const AccountSchema = z.object({ id, title: text(255), shops: z.array(ShopSchema) })
/**
 * `readOnly`: the server will refuse Clear All and settings changes (a store's database opened
 * read-only), so the pages do not offer them. Absent: writable.
 */
/**
 * `undated`: per log, the records the store holds that cannot be shown at all, having no usable
 * date (NULL, MySQL's zero date, or outside 2000-2200). The log API leaves them out; the pages say how many. Absent:
 * none known.
 */
const count = z.int().check(z.minimum(0))
export const MetaSchema = z.object({
  accounts: z.array(AccountSchema),
  readOnly: z.optional(z.boolean()),
  undated: z.optional(z.object({ listing: count, order: count, synchronization: count })),
  /**
   * What the admin's token allows (its ACL resources): reading each log (and its Clear All), and
   * changing the settings. Absent: everything (a server without authentication).
   */
  access: z.optional(
    z.object({ listing: z.boolean(), order: z.boolean(), synchronization: z.boolean(), settings: z.boolean() }),
  ),
})
export type Shop = z.infer<typeof ShopSchema>
export type Account = z.infer<typeof AccountSchema>
export type Meta = z.infer<typeof MetaSchema>

export const PostLogsBodySchema = <K extends LogKindName>(kind: K) =>
  z.strictObject({ items: z.array(NewRecordSchemas[kind]).check(z.minLength(1), z.maxLength(100_000)) })
export const PostLogsResponseSchema = z.object({ ids: z.array(id) })
export const DeleteLogsResponseSchema = z.object({ deleted: z.int().check(z.minimum(0)) })

export const KEEP_DAYS_MIN = 14
export const KEEP_DAYS_MAX = 90
export const RetentionSettingSchema = z.strictObject({
  enabled: z.boolean(),
  keepDays: z.int().check(z.minimum(KEEP_DAYS_MIN), z.maximum(KEEP_DAYS_MAX)),
})
export const LogsClearingSettingsSchema = z.strictObject({
  listing: RetentionSettingSchema,
  order: RetentionSettingSchema,
  synchronization: RetentionSettingSchema,
})
export type LogsClearingSettings = z.infer<typeof LogsClearingSettingsSchema>
export const DEFAULT_LOGS_CLEARING: LogsClearingSettings = {
  listing: { enabled: true, keepDays: 30 },
  order: { enabled: true, keepDays: 90 },
  synchronization: { enabled: true, keepDays: 30 },
}

export const ApiErrorBodySchema = z.object({
  error: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>

/** Turns zod issues into the `details` of an error body, each naming its field. */
export function issuesToDetails(error: z.core.$ZodError, prefix = ''): ApiErrorBody['details'] {
  return error.issues.slice(0, 50).flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [prefix, ...issue.path.map(String), key].filter(Boolean).join('.'),
        message: 'unknown field',
      }))
    }
    return [
      { field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)', message: issue.message },
    ]
  })
}
