/**
 * Checking what the server sent: envelopes against the shared schemas, records one by one (a bad
 * record is counted and explained, never costing the rest of its page).
 */
import { readableColumns, type ColumnsData } from '@/api/columns'
import { ApiError } from '@/api/errors'
import { checkColumnsEnvelope, decodePage } from '@/api/lines/parseLine'
import { RecordSchemas, type LogKindName, type LogRecordByKind } from '@/api/schemas'
import { describeIssues } from '@/api/validate'
import {
  MAX_REJECTED_DETAILS,
  type LogBatch,
  type LogBatchRecords,
  type RejectedRecord,
  type ValidatedRecords,
} from '@/api/client/types'

export { validate } from '@/api/validate'

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

/** A columns page's records as `read()` gives them; a page that is no columns page throws. */
export function columnsRecords<K extends LogKindName>(
  kind: K,
  page: { columns: ColumnsData | null; problem: string | null },
): LogBatchRecords<K> {
  if (!page.columns) throw new ApiError('bad-response', page.problem ?? 'The page has no records.')
  const columns = readableColumns(kind, page.columns)
  return {
    columns,
    items: null,
    accepted: columns.count - columns.rejectedCount,
    rejected: columns.rejected,
    rejectedCount: columns.rejectedCount,
  }
}

/** A columns page as a batch: the envelope checked now, the records when read. */
export function columnsBatch<K extends LogKindName>(kind: K, data: unknown): LogBatch<K> {
  const envelope = checkColumnsEnvelope(data)
  return {
    nextCursor: envelope.nextCursor,
    totalEstimate: envelope.totalEstimate ?? null,
    read: () => columnsRecords(kind, decodePage(kind, data)),
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
