/**
 * One line of `format=columns-stream` (src/api/stream.ts), from its text to what the loader
 * needs: parsed, its envelope checked and its columns decoded and checked, by the same code in
 * the parsing worker and, where there is no worker, in the page's own thread.
 */
import { z } from 'zod/mini'
import { ColumnsShapeError, decodeColumnsData, type ColumnsData, type ColumnsPageBody } from '@/api/columns'
import { ApiError } from '@/api/errors'
import type { LogKindName } from '@/api/schemas'
import { parseStreamLine } from '@/api/stream'
import { validate } from '@/api/validate'
import { MAX_REJECTED_DETAILS } from '@/api/client/types'

/** The columns page's envelope; the columns themselves are checked by decodeColumns. */
const ColumnsEnvelopeSchema = z.object({
  format: z.literal('columns'),
  count: z.int().check(z.minimum(0)),
  columns: z.record(z.string(), z.unknown()),
  nextCursor: z.nullable(z.string().check(z.minLength(1))),
  totalEstimate: z.optional(z.nullable(z.int().check(z.minimum(0)))),
})

/** A columns page's envelope, checked: an ApiError ('bad-response') when it is not one. */
export function checkColumnsEnvelope(data: unknown) {
  return validate(ColumnsEnvelopeSchema, data, 'a page of log records')
}

/** A page's records, decoded and checked; or, when the page as a whole is not usable, why. */
export function decodePage(
  kind: LogKindName,
  data: unknown,
): { columns: ColumnsData; problem: null } | { columns: null; problem: string } {
  try {
    return { columns: decodeColumnsData(kind, data as ColumnsPageBody, MAX_REJECTED_DETAILS), problem: null }
  } catch (error) {
    if (!(error instanceof ColumnsShapeError)) throw error
    return {
      columns: null,
      problem: `The server sent a page of log records in an unexpected shape (${error.message}).`,
    }
  }
}

/** What a line of the stream is, once parsed and checked. */
export type ParsedLine =
  /** The end line: records the response counted (-1: no usable count). */
  | { kind: 'end'; count: number }
  /** Not JSON, or not a page: `declaredCount` records (when its head says) are rejected. */
  | { kind: 'broken'; reason: string; declaredCount: number | null }
  /** A page whose envelope is wrong: its `count` records are rejected, the cursor stays. */
  | { kind: 'refused'; count: number; reason: string }
  /** A page: its records (`columns`), or why none of them can be used (`problem`). */
  | {
      kind: 'page'
      count: number
      nextCursor: string | null
      totalEstimate: number | null
      columns: ColumnsData | null
      problem: string | null
    }

export function parseLine(kind: LogKindName, text: string): ParsedLine {
  const line = parseStreamLine(text)
  if (line.kind !== 'page') return line
  const count = typeof line.body.count === 'number' ? line.body.count : 0
  let envelope: ReturnType<typeof checkColumnsEnvelope>
  try {
    envelope = checkColumnsEnvelope(line.body)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    return { kind: 'refused', count, reason: error.message }
  }
  return {
    kind: 'page',
    count,
    nextCursor: envelope.nextCursor,
    totalEstimate: envelope.totalEstimate ?? null,
    ...decodePage(kind, line.body),
  }
}
