/** One streamed response read line by line: each line a batch, a bad line rejecting only its records. */
import { ApiError } from '@/api/errors'
import type { LogKindName } from '@/api/schemas'
import { parseStreamLine, readLines } from '@/api/stream'
import { columnsBatch, rejectedBatch } from '@/api/client/batches'
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
  body: ReadableStream<Uint8Array>,
  progress: Progress,
  arm: () => void,
): AsyncGenerator<LogBatch<K>, void> {
  const reader = body.getReader()
  /** Records this response carried, for the check against its end line. */
  let carried = 0
  for await (const text of readLines(() => (arm(), reader.read()))) {
    const line = parseStreamLine(text)
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
      for (let rest = await reader.read(); !rest.done; rest = await reader.read()) arm()
      return
    }
    progress.failures = 0
    if (line.kind === 'broken') {
      const count = line.declaredCount ?? 0
      carried += count
      yield rejectedBatch(progress.cursor, progress.position, count, line.reason)
      progress.position += count
      continue
    }
    const count = typeof line.body.count === 'number' ? line.body.count : 0
    carried += count
    const at = progress.position
    progress.position += count
    let batch: LogBatch<K>
    try {
      batch = columnsBatch(kind, line.body)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      yield rejectedBatch(progress.cursor, at, count, error.message)
      continue
    }
    progress.cursor = batch.nextCursor
    progress.last = progress.cursor === null
    // A line in the wrong shape rejects its own records, not the rest of the log.
    const read = batch.read
    const previous = progress.cursor
    yield {
      ...batch,
      read() {
        try {
          return read()
        } catch (error) {
          if (!(error instanceof ApiError)) throw error
          return rejectedBatch<K>(previous, at, count, error.message).read()
        }
      },
    }
  }
  throw new ApiError('offline', 'The connection was cut before the whole log arrived.')
}
