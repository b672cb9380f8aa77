/**
 * The lines of one response body, two ways: through the parsing worker (the body's chunks handed
 * over as they come, its lines sent back parsed), or parsed in the page's thread.
 */
import type { LogKindName } from '@/api/schemas'
import { readLines } from '@/api/stream'
import { recordLoadTiming } from '@/api/lines/loadTiming'
import { parseLine, type ParsedLine } from '@/api/lines/parseLine'
import type { FromLinesWorker, ToLinesWorker } from '@/api/lines/protocol'

/** The lines of one response body. */
export interface LineStream {
  /**
   * The next whole line, parsed and checked; null once the body has ended. When reading the
   * body failed, that error is thrown after the lines that arrived before it.
   */
  next(): Promise<ParsedLine | null>
  /** Reads the body to its end (after the end line: the response finishes, not cancelled). */
  drain(): Promise<void>
  /** Done with the body: whatever of it is still being parsed is dropped. */
  close(): void
}

/** What the page's thread needs of a worker (tests hand in one that runs in their own thread). */
export interface LinesWorker {
  postMessage(message: ToLinesWorker, transfer: Transferable[]): void
  onmessage: ((event: MessageEvent<FromLinesWorker>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

/** What the worker sends for one response. */
export interface Receiver {
  line(line: ParsedLine): void
  /** Every whole line has been sent. */
  closed(): void
  failed(error: Error): void
}

/** One response's part in a worker. */
export interface WorkerSession {
  worker: LinesWorker
  /** The response's id in the worker. */
  stream: number
  /** Where what the worker sends for it goes. */
  receive(receiver: Receiver): void
  /** Its part is over; `unfinished`: the worker may still be busy with it. */
  leave(unfinished: boolean): void
}

/** The lines of a body parsed in the worker; the body is read as fast as it comes. */
export function inWorker(
  session: WorkerSession,
  kind: LogKindName,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  arm: () => void,
): LineStream {
  const { worker, stream } = session
  const queue: ParsedLine[] = []
  let closed = false
  let left = false
  let failure: Error | null = null
  let readError: unknown = null
  let wake: (() => void) | null = null
  let onClosed: () => void = () => undefined
  const allSent = new Promise<void>((resolve) => (onClosed = resolve))
  const signal = () => {
    wake?.()
    wake = null
  }
  const end = (error: Error | null) => {
    failure = error
    closed = true
    onClosed()
    signal()
  }
  session.receive({
    line(line) {
      queue.push(line)
      signal()
    },
    closed: () => end(null),
    failed: end,
  })
  worker.postMessage({ type: 'open', stream, kind }, [])
  // Each chunk is handed over as it is (its buffer transferred, not copied).
  const pumped = (async () => {
    try {
      for (;;) {
        arm()
        const { done, value } = await reader.read()
        if (done || left) break
        const bytes = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice()
        worker.postMessage({ type: 'bytes', stream, bytes }, [bytes.buffer as ArrayBuffer])
      }
    } catch (error) {
      readError = error
    }
    worker.postMessage({ type: 'close', stream }, [])
  })()
  return {
    async next() {
      for (;;) {
        const line = queue.shift()
        if (line) return line
        if (failure) throw failure
        if (closed) {
          if (readError !== null) throw readError
          return null
        }
        await new Promise<void>((resolve) => (wake = resolve))
      }
    },
    async drain() {
      await pumped
      await allSent
    },
    close() {
      if (left) return
      left = true
      session.leave(!closed)
    },
  }
}

/** The lines parsed in the page's thread, one as each is asked for (as before the worker). */
export function inPage(
  kind: LogKindName,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  arm: () => void,
): LineStream {
  const lines = readLines(() => (arm(), reader.read()))
  return {
    async next() {
      const text = await lines.next()
      if (text.done) return null
      const started = performance.now()
      const line = parseLine(kind, text.value)
      recordLoadTiming('tts-logs:parse', started, performance.now(), { thread: 'main' })
      return line
    },
    async drain() {
      for (let rest = await reader.read(); !rest.done; rest = await reader.read()) arm()
    },
    close() {},
  }
}
