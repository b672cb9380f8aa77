/**
 * The lines of one response body, two ways: through the parsing worker (the body's chunks handed
 * over as they come, its lines sent back parsed), or parsed in the page's thread.
 */
import type { LogKindName } from '@/api/schemas'
import { LineSplitter, readLines } from '@/api/stream'
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
  /** Resolves true once the worker runs, false if it never will. */
  started: Promise<boolean>
  /** Where what the worker sends for it goes. */
  receive(receiver: Receiver): void
  /** Its part is over; `unfinished`: the worker may still be busy with it. */
  leave(unfinished: boolean): void
}

/**
 * The lines of a body parsed in the worker. The body is read as fast as it comes, each chunk
 * handed over as it is (its buffer transferred, not copied). Until the worker runs (it may still
 * be loading when the first bytes come, or never run), the lines are parsed here, so the first
 * rows never wait for it; then the line under way goes over with the rest.
 */
export function inWorker(
  session: WorkerSession,
  kind: LogKindName,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  arm: () => void,
): LineStream {
  const { worker, stream } = session
  const queue: ParsedLine[] = []
  let running = false
  /** The worker has the body from here on (else it is all parsed here). */
  let handedOver = false
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
  void session.started.then((ok) => (running = ok))
  session.receive({
    line(line) {
      queue.push(line)
      signal()
    },
    closed: () => end(null),
    // A worker that stops before it has the body changes nothing: the body is parsed here.
    failed: (error) => (handedOver ? end(error) : (running = false)),
  })
  const here = new LineSplitter()
  const hand = (bytes: Uint8Array) =>
    worker.postMessage({ type: 'bytes', stream, bytes }, [bytes.buffer as ArrayBuffer])
  const pumped = (async () => {
    try {
      for (;;) {
        arm()
        const { done, value } = await reader.read()
        if (done || left) break
        if (!handedOver && running) {
          handedOver = true
          worker.postMessage({ type: 'open', stream, kind }, [])
          const rest = here.rest()
          if (rest.length > 0) hand(rest)
        }
        if (handedOver)
          hand(value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice())
        else for (const text of here.push(value)) queue.push(parseHere(kind, text))
        signal()
      }
    } catch (error) {
      readError = error
    }
    if (handedOver) worker.postMessage({ type: 'close', stream }, [])
    else end(null)
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
      session.leave(handedOver && !closed)
    },
  }
}

/** One line parsed in the page's thread, measured as the worker's are. */
function parseHere(kind: LogKindName, text: string): ParsedLine {
  const started = performance.now()
  const line = parseLine(kind, text)
  recordLoadTiming('tts-logs:parse', started, performance.now(), { thread: 'main' })
  return line
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
      return text.done ? null : parseHere(kind, text.value)
    },
    async drain() {
      for (let rest = await reader.read(); !rest.done; rest = await reader.read()) arm()
    },
    close() {},
  }
}
