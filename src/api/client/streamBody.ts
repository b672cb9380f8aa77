/** One streamed response read line by line: each line a batch, a bad line rejecting only its records. */
import { ApiError } from '@/api/errors'
import type { LogKindName } from '@/api/schemas'
import type { LineStream } from '@/api/lines/lineStreams'
import { columnsRecords, rejectedBatch } from '@/api/client/batches'
import type { LogBatch } from '@/api/client/types'

/** Where a streamed load is, across its attempts. */
export interface Progress {
  cursor: string | null
  /** The last whole line said there is nothing after it: only the end line can be missing. */
  last: boolean
  failures: number
  /** Records before the current line, for the positions of rejected ones. */
  position: number
}

/** The lines of one response as batches; returns once its end line is read (else throws). */
export async function* readBody<K extends LogKindName>(
  kind: K,
  lines: LineStream,
  progress: Progress,
): AsyncGenerator<LogBatch<K>, void> {
  /** Records this response carried, for the check against its end line. */
  let carried = 0
  try {
    for (let line = await lines.next(); line !== null; line = await lines.next()) {
      if (line.kind === 'end') {
        // Records the response counted but no line delivered are rejected, not lost silently.
        const missing = line.count - carried
        if (missing > 0)
          yield rejectedBatch(
            progress.cursor,
            progress.position,
            missing,
            'records the response counted but did not carry',
          )
        // Read to its end, so the response finishes rather than being cancelled.
        await lines.drain()
        return
      }
      progress.failures = 0
      const count = line.kind === 'broken' ? (line.declaredCount ?? 0) : line.count
      carried += count
      const at = progress.position
      progress.position += count
      if (line.kind !== 'page') {
        yield rejectedBatch(progress.cursor, at, count, line.reason)
        continue
      }
      const page = line
      progress.cursor = page.nextCursor
      progress.last = progress.cursor === null
      yield {
        nextCursor: page.nextCursor,
        totalEstimate: page.totalEstimate,
        read() {
          // A line in the wrong shape rejects its own records, not the rest of the log.
          if (page.columns) return columnsRecords(kind, page)
          return rejectedBatch<K>(page.nextCursor, at, count, page.problem ?? '').read()
        },
      }
    }
  } finally {
    lines.close()
  }
  throw new ApiError('offline', 'The connection was cut before the whole log arrived.')
}
