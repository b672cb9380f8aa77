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
  /** A line; `taken`: the response's bytes the worker has been through. */
  line(line: ParsedLine, taken: number): void
  /** The worker has been through `taken` bytes, and ended no line. */
  taken(taken: number): void
  /** Every whole line has been sent. */
  closed(): void
  failed(error: Error): void
}

/**
 * How far the body is read ahead of the page: lines parsed and not yet taken, and bytes handed
 * over and not yet parsed. Beyond them the body waits (and so does the server): memory stays
 * bounded, and parsing the page cannot use yet takes no time from the page's thread.
 */
const LINES_AHEAD = 2
const BYTES_AHEAD = 8 * 1024 * 1024

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
 * The lines of a body parsed in the worker, read a little ahead of the page (LINES_AHEAD,
 * BYTES_AHEAD). The first line is parsed here, when it is asked for (the first rows never wait for the worker, nor share the
 * thread with a parse of the lines after them); from the next on, once the worker runs, it has
 * the body: what was read meanwhile, then each chunk as it comes (its buffer transferred, not
 * copied). A worker that never runs leaves the whole body to be parsed here, a line at a time.
 */
export function inWorker(
  session: WorkerSession,
  kind: LogKindName,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  arm: () => void,
): LineStream {
  const { worker, stream } = session
  /** Read, not yet split here nor handed over. */
  const chunks: Uint8Array[] = []
  const here = new LineSplitter()
  /** Split here, not yet parsed (they come before anything the worker sends). */
  const texts: string[] = []
  /** Parsed by the worker. */
  const parsed: ParsedLine[] = []
  let running = false
  let taken = 0
  let handedOver = false
  /** Bytes handed to the worker, and those it has been through; bytes read and not yet split here. */
  let handed = 0
  let parsedUpTo = 0
  let waiting = 0
  let resume: (() => void) | null = null
  let bodyEnded = false
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
    resume?.()
    resume = null
  }
  const ahead = () =>
    handedOver
      ? parsed.length >= LINES_AHEAD || handed - parsedUpTo > BYTES_AHEAD
      : texts.length >= LINES_AHEAD || waiting > BYTES_AHEAD
  const end = (error: Error | null) => {
    failure = error
    closed = true
    onClosed()
    signal()
  }
  void session.started.then((ok) => (running = ok))
  session.receive({
    line(line, through) {
      parsed.push(line)
      parsedUpTo = through
      signal()
    },
    taken(through) {
      parsedUpTo = through
      signal()
    },
    closed: () => end(null),
    // A worker that stops before it has the body changes nothing: the body is parsed here.
    failed: (error) => (handedOver ? end(error) : (running = false)),
  })
  const hand = (bytes: Uint8Array) => {
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
    handed += own.length
    worker.postMessage({ type: 'bytes', stream, bytes: own }, [own.buffer as ArrayBuffer])
  }
  const handOverWhenDue = () => {
    if (handedOver || !running || taken === 0) return
    handedOver = true
    worker.postMessage({ type: 'open', stream, kind }, [])
    const rest = here.rest()
    if (rest.length > 0) hand(rest)
    for (const chunk of chunks.splice(0)) hand(chunk)
    waiting = 0
    if (bodyEnded) worker.postMessage({ type: 'close', stream }, [])
  }
  const pumped = (async () => {
    try {
      for (;;) {
        while (ahead() && !left && !closed) await new Promise<void>((resolve) => (resume = resolve))
        if (left) break
        arm()
        const { done, value } = await reader.read()
        if (done || left) break
        if (handedOver) hand(value)
        else {
          chunks.push(value)
          waiting += value.length
        }
        handOverWhenDue()
        signal()
      }
    } catch (error) {
      readError = error
    }
    bodyEnded = true
    if (handedOver) worker.postMessage({ type: 'close', stream }, [])
    else signal()
  })()
  /** The next line, or null at the end; undefined: none yet. */
  function nextLine(): ParsedLine | null | undefined {
    const text = texts.shift()
    if (text !== undefined) return parseHere(kind, text)
    handOverWhenDue()
    if (handedOver) {
      const line = parsed.shift()
      if (line) return line
      if (failure) throw failure
      if (!closed) return undefined
    } else {
      const chunk = chunks.shift()
      if (chunk) {
        waiting -= chunk.length
        texts.push(...here.push(chunk))
        // Room ahead again (a line longer than the room included).
        signal()
        return nextLine()
      }
      if (!bodyEnded) return undefined
    }
    if (readError !== null) throw readError
    return null
  }
  return {
    async next() {
      for (;;) {
        const line = nextLine()
        if (line !== undefined) {
          if (line) taken++
          // Room ahead again: the body is read on.
          signal()
          return line
        }
        await new Promise<void>((resolve) => (wake = resolve))
      }
    },
    async drain() {
      await pumped
      if (handedOver) await allSent
    },
    close() {
      if (left) return
      left = true
      signal()
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
