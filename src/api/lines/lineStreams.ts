/**
 * The lines of one response body, two ways: through the parsing worker (the body's chunks handed
 * over as they come, its lines sent back parsed), or parsed in the page's thread.
 */
import type { LogKindName } from '@/api/schemas'
import { LineSplitter, NEWLINE, readLines } from '@/api/stream'
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
 * How far the body is read ahead of the page: once the worker has it, lines parsed and not yet
 * taken, and bytes handed over and not yet parsed; before that, bytes held here. Beyond them the
 * body waits (and so does the server): memory stays bounded, and parsing the page cannot use yet
 * takes no time from the page's thread.
 */
const LINES_AHEAD = 2
const BYTES_AHEAD = 8 * 1024 * 1024
/**
 * A line after the first this short (the end line, a small log's last page) is parsed here rather
 * than waited for the worker to start: it costs less than the wait.
 */
const SHORT_LINE = 16 * 1024

/** One response's part in a worker. */
export interface WorkerSession {
  worker: LinesWorker
  /** The response's id in the worker. */
  stream: number
  /** Resolves true once the worker runs, false if it never will. */
  started: Promise<boolean>
  /** How long the page waits for a worker still starting before it parses the lines itself (ms; Infinity: no limit). */
  startWaitMs: number
  /** Where what the worker sends for it goes. */
  receive(receiver: Receiver): void
  /** Its part is over; `unfinished`: the worker may still be busy with it. */
  leave(unfinished: boolean): void
}

/**
 * The lines of a body parsed in the worker, read a little ahead of the page (LINES_AHEAD,
 * BYTES_AHEAD). The first line is parsed here, when it is asked for, and only it is decoded (the
 * first rows never wait for the worker, nor for the lines after them, however much of the body
 * has arrived). The next lines are the worker's: the page waits while it starts, for a while
 * (`startWaitMs`), but not for a short line (SHORT_LINE) nor once the body has failed; then the
 * worker has the body: what was read meanwhile, then each chunk as it comes (its buffer
 * transferred, not copied). A worker that never runs, or is not running by the end of the wait,
 * leaves the lines to be parsed here, a line at a time, until it runs.
 */
export function inWorker(
  session: WorkerSession,
  kind: LogKindName,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  arm: () => void,
): LineStream {
  const { worker, stream } = session
  /** Read, not yet split here nor handed over. */
  const held = new HeldBytes()
  /** Parsed by the worker. */
  const parsed: ParsedLine[] = []
  /** Whether the worker runs, and whether the page still waits for it to start. */
  const start = watchStart(session, () => signal())
  let taken = 0
  let handedOver = false
  /** Bytes handed to the worker, and those it has been through. */
  let handed = 0
  let parsedUpTo = 0
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
    handedOver ? parsed.length >= LINES_AHEAD || handed - parsedUpTo > BYTES_AHEAD : held.waiting > BYTES_AHEAD
  const end = (error: Error | null) => {
    failure = error
    closed = true
    onClosed()
    signal()
  }
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
    failed: (error) => (handedOver ? end(error) : (start.state.running = false)),
  })
  const hand = (bytes: Uint8Array) => {
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
    handed += own.length
    worker.postMessage({ type: 'bytes', stream, bytes: own }, [own.buffer as ArrayBuffer])
  }
  const handOverWhenDue = () => {
    if (handedOver || left || !start.state.running || taken === 0) return
    handedOver = true
    worker.postMessage({ type: 'open', stream, kind }, [])
    for (const bytes of held.take()) hand(bytes)
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
        else held.add(value)
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
    handOverWhenDue()
    if (handedOver) {
      const line = parsed.shift()
      if (line) return line
      if (failure) throw failure
      if (!closed) return undefined
    } else {
      // After the first line, the worker parses (off this thread) once it runs.
      const nothingLeft = bodyEnded && held.empty
      const { settled, patient } = start.state
      if (taken > 0 && !settled && patient && readError === null && !nothingLeft && !held.shortLineNext(SHORT_LINE)) {
        start.waiting()
        return undefined
      }
      // One line decoded at a time: what follows it stays bytes, for the worker if it runs.
      const text = held.line()
      // Room ahead again (a line longer than the room included).
      signal()
      if (text !== null) return parseHere(kind, text)
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
      start.stop()
      signal()
      session.leave(handedOver && !closed)
    },
  }
}

/**
 * Whether a session's worker runs (`running`; set false again if it fails before it has the body),
 * whether it has started or never will (`settled`), and whether the page still waits for it
 * (`patient`: until `startWaitMs` has gone from the first wait). `changed` is called whenever one
 * of them changes.
 */
function watchStart(session: WorkerSession, changed: () => void) {
  const state = { running: false, settled: false, patient: true }
  let patience: ReturnType<typeof setTimeout> | undefined
  void session.started.then((ok) => {
    state.running = ok
    state.settled = true
    clearTimeout(patience)
    changed()
  })
  return {
    state,
    /** The page waits for the worker: the wait's clock starts (once). */
    waiting() {
      if (patience !== undefined || !Number.isFinite(session.startWaitMs)) return
      patience = setTimeout(() => {
        state.patient = false
        changed()
      }, session.startWaitMs)
    },
    stop: () => clearTimeout(patience),
  }
}

/**
 * Bytes read and not yet handed to a worker: lines are taken from them one at a time, and what
 * follows a line stays bytes, undecoded.
 */
class HeldBytes {
  private readonly chunks: Uint8Array[] = []
  private readonly splitter = new LineSplitter()
  /** Bytes held and not yet split. */
  waiting = 0

  get empty(): boolean {
    return this.chunks.length === 0
  }

  add(chunk: Uint8Array): void {
    if (chunk.length === 0) return
    this.chunks.push(chunk)
    this.waiting += chunk.length
  }

  /** The next whole line, decoded; null when the bytes held end none (a line begun is kept). */
  line(): string | null {
    for (let chunk = this.chunks.shift(); chunk; chunk = this.chunks.shift()) {
      this.waiting -= chunk.length
      const { line, rest } = this.splitter.pushLine(chunk)
      if (rest.length > 0) {
        this.chunks.unshift(rest)
        this.waiting += rest.length
      }
      if (line !== null) return line
    }
    return null
  }

  /** The next line is whole, and shorter than `bytes`. */
  shortLineNext(bytes: number): boolean {
    const next = this.chunks[0]
    if (!next || this.splitter.pending > 0) return false
    // Only its first `bytes` are looked through: asked at each wake while the page waits.
    return next.subarray(0, bytes).includes(NEWLINE)
  }

  /** Everything held, in order (a line begun first), forgotten here. */
  take(): Uint8Array[] {
    const begun = this.splitter.rest()
    const all = this.chunks.splice(0)
    if (begun.length > 0) all.unshift(begun)
    this.waiting = 0
    return all
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
