/**
 * Checking what the server sent: envelopes against the shared schemas, records one by one (a bad
 * record is counted and explained, never costing the rest of its page).
 */
import { z } from 'zod/mini'
import { ColumnsShapeError, decodeColumns, type ColumnsPageBody, type DecodedColumns } from '@/api/columns'
import { ApiError } from '@/api/errors'
import { RecordSchemas, type LogKindName, type LogRecordByKind } from '@/api/schemas'
import { MAX_REJECTED_DETAILS, type LogBatch, type RejectedRecord, type ValidatedRecords } from '@/api/client/types'

/** The columns page's envelope; the columns themselves are checked by decodeColumns. */
const ColumnsEnvelopeSchema = z.object({
  format: z.literal('columns'),
  count: z.int().check(z.minimum(0)),
  columns: z.record(z.string(), z.unknown()),
  nextCursor: z.nullable(z.string().check(z.minLength(1))),
  totalEstimate: z.optional(z.nullable(z.int().check(z.minimum(0)))),
})

function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
}

export function validate<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const looksLikeHtml = typeof data === 'string' && /^\s*</.test(data)
    throw new ApiError(
      'bad-response',
      looksLikeHtml
        ? `The server sent a web page instead of ${what}.`
        : `The server sent ${what} in an unexpected shape (${describeIssues(parsed.error).join('; ')}).`,
    )
  }
  return parsed.data
}

/** Validates each record; keeps the valid ones and explains the rest. */
export function validateRecords<K extends LogKindName>(kind: K, raw: readonly unknown[]): ValidatedRecords<K> {
  const schema = RecordSchemas[kind]
  const items: LogRecordByKind[K][] = []
  const rejected: RejectedRecord[] = []
  let rejectedCount = 0
  for (let index = 0; index < raw.length; index++) {
    const parsed = schema.safeParse(raw[index])
    if (parsed.success) {
      items.push(parsed.data as LogRecordByKind[K])
      continue
    }
    rejectedCount += 1
    if (rejected.length < MAX_REJECTED_DETAILS) {
      const candidate = raw[index] as { id?: unknown } | null
      const id = typeof candidate?.id === 'number' && Number.isSafeInteger(candidate.id) ? candidate.id : null
      rejected.push({ index, id, reasons: describeIssues(parsed.error) })
    }
  }
  return { items, rejected, rejectedCount }
}

/** A columns page as a batch: the envelope checked now, the records when read. */
export function columnsBatch<K extends LogKindName>(kind: K, data: unknown): LogBatch<K> {
  const envelope = validate(ColumnsEnvelopeSchema, data, 'a page of log records')
  return {
    nextCursor: envelope.nextCursor,
    totalEstimate: envelope.totalEstimate ?? null,
    read() {
      let columns: DecodedColumns
      try {
        columns = decodeColumns(kind, data as ColumnsPageBody, MAX_REJECTED_DETAILS)
      } catch (error) {
        if (!(error instanceof ColumnsShapeError)) throw error
        throw new ApiError(
          'bad-response',
          `The server sent a page of log records in an unexpected shape (${error.message}).`,
        )
      }
      return {
        columns,
        items: null,
        accepted: columns.count - columns.rejectedCount,
        rejected: columns.rejected,
        rejectedCount: columns.rejectedCount,
      }
    },
  }
}

/** A batch of records that could not be read at all: counted as rejected, with the reason. */
export function rejectedBatch<K extends LogKindName>(
  cursor: string | null,
  position: number,
  count: number,
  reason: string,
): LogBatch<K> {
  return {
    nextCursor: cursor,
    totalEstimate: null,
    read: () => ({
      columns: null,
      items: [],
      accepted: 0,
      rejected: count > 0 ? [{ index: position, id: null, reasons: [`${reason} (${count} records)`] }] : [],
      rejectedCount: count,
    }),
  }
}
