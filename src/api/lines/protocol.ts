/** The messages between the page's thread and the parsing worker (lines.worker.ts). */
import type { ColumnsData } from '@/api/columns'
import type { LogKindName } from '@/api/schemas'
import type { ParsedLine } from '@/api/lines/parseLine'

/**
 * How long the page waits, after a response's first line, for a worker that has not started yet
 * (its script still loading). Past it the page parses the lines itself until the worker runs, as
 * a load must not hang on a worker whose script is slow or never comes.
 */
export const WORKER_START_WAIT_MS = 1000

/** The page's thread to the worker. `stream` tells the responses one worker reads apart. */
export type ToLinesWorker =
  /** A response begins: its lines hold records of `kind`. */
  | { type: 'open'; stream: number; kind: LogKindName }
  /** The response's next bytes (their buffer transferred). */
  | { type: 'bytes'; stream: number; bytes: Uint8Array }
  /** The response ended, or reading it failed: answer 'closed' after its last whole line. */
  | { type: 'close'; stream: number }
  /** Forget the response: its reader stopped early. */
  | { type: 'cancel'; stream: number }

/** The worker to the page's thread. */
export type FromLinesWorker =
  /** The worker's first message: it runs (an error event before it: it could not start). */
  | { type: 'ready' }
  /**
   * A whole line, parsed and checked (its arrays transferred). `start`: when the worker began
   * on it, in ms since the epoch (the threads' clocks have different origins); `duration`: ms;
   * `taken`: the response's bytes the worker has been through by then.
   */
  | { type: 'line'; stream: number; line: ParsedLine; start: number; duration: number; taken: number }
  /** Bytes the worker has been through, after a chunk that ended no line. */
  | { type: 'taken'; stream: number; taken: number }
  /** Every whole line of the response has been sent. */
  | { type: 'closed'; stream: number }
  /** The worker itself failed on the response (a fault of the code, not of the data). */
  | { type: 'failed'; stream: number; message: string }

/** The buffers a line carries, to transfer rather than copy. */
export function transfersOfLine(line: ParsedLine): ArrayBuffer[] {
  return line.kind === 'page' && line.columns ? transfersOf(line.columns) : []
}

function transfersOf(data: ColumnsData): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>([data.valid.buffer as ArrayBuffer])
  for (const column of Object.values(data.columns)) {
    if ('dict' in column) buffers.add(column.codes.buffer as ArrayBuffer)
    else {
      buffers.add(column.numbers.buffer as ArrayBuffer)
      if (column.nulls) buffers.add(column.nulls.buffer as ArrayBuffer)
    }
  }
  return [...buffers]
}
