/**
 * The lines of a streamed response, parsed and checked off the page's thread: the page's thread
 * reads the body's bytes and hands each chunk to the parsing worker (lines.worker.ts), which sends
 * back each line as it completes, its columns in typed arrays. One worker per client, reused by
 * its responses. Where no worker can be had (no Worker, a CSP without `worker-src` for the
 * bundle's origin, a worker that fails before its first message), the lines are parsed in the
 * page's thread by the same code (parseLine.ts), and the console says so once.
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

export interface LineParser {
  /** Starts the worker if there is none, so that it is ready when the first bytes are. */
  prepare(): void
  /**
   * The lines of a body read with `reader`; `arm` is called before each read (the caller's idle
   * timeout).
   */
  open(kind: LogKindName, reader: ReadableStreamDefaultReader<Uint8Array>, arm: () => void): Promise<LineStream>
  /** Ends the worker once no response uses it (the page is left); a later response starts another. */
  release(): void
}

/** What the page's thread needs of a worker (tests hand in one that runs in their own thread). */
export interface LinesWorker {
  postMessage(message: ToLinesWorker, transfer: Transferable[]): void
  onmessage: ((event: MessageEvent<FromLinesWorker>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

/** The parsing worker: a file of the bundle's own, built by Vite beside its chunks. */
function startLinesWorker(): LinesWorker {
  if (typeof Worker !== 'function') throw new Error('this browser has no Web Workers')
  return new Worker(new URL('./lines.worker.ts', import.meta.url), { type: 'module' })
}

let noted = false
/** Says once per page that lines are parsed in the page's thread, and why. */
function noteInPage(reason: string) {
  if (noted) return
  noted = true
  // eslint-disable-next-line no-console -- a note for whoever looks, not a warning: the log still loads whole
  console.info(`[tts-logs] The log is parsed on the page's main thread: ${reason}.`)
}

/** A response's part in a worker: what the worker sends for it goes here. */
interface Receiver {
  line(line: ParsedLine): void
  closed(): void
  failed(error: Error): void
}

export function createLineParser(start: () => LinesWorker = startLinesWorker): LineParser {
  let worker: LinesWorker | null = null
  /** Resolves true at the worker's first message, false at an error before it. */
  let ready: Promise<boolean> | null = null
  /** No worker for this client: its responses are parsed in the page's thread. */
  let refused = false
  let releaseWhenIdle = false
  const receivers = new Map<number, Receiver>()
  let nextStream = 1

  function stop() {
    if (!worker) return
    worker.onmessage = null
    worker.onerror = null
    worker.terminate()
    worker = null
    ready = null
    releaseWhenIdle = false
  }

  function refuse(reason: string) {
    refused = true
    stop()
    noteInPage(reason)
  }

  function prepare() {
    if (refused || worker) return
    let started: LinesWorker
    try {
      started = start()
    } catch (error) {
      refuse(`no Web Worker could be started (${error instanceof Error ? error.message : String(error)})`)
      return
    }
    worker = started
    ready = new Promise<boolean>((resolve) => {
      let running = false
      started.onmessage = (event) => {
        running = true
        resolve(true)
        const message = event.data
        if (message.type === 'line') {
          recordLoadTiming(
            'tts-logs:parse',
            message.start - performance.timeOrigin,
            message.start - performance.timeOrigin + message.duration,
            {
              thread: 'worker',
            },
          )
          receivers.get(message.stream)?.line(message.line)
        } else if (message.type === 'closed') receivers.get(message.stream)?.closed()
        else if (message.type === 'failed')
          receivers.get(message.stream)?.failed(new Error(`The log could not be parsed: ${message.message}`))
      }
      started.onerror = (event) => {
        event.preventDefault()
        if (!running) return resolve(false)
        // It stopped under way: the responses it was reading fail (a retry starts a new one).
        if (worker === started) stop()
        for (const receiver of receivers.values()) receiver.failed(new Error('The log parsing worker stopped.'))
      }
    })
  }

  /** A response's part in the worker is over; `unfinished`: the worker may still be busy with it. */
  function leave(stream: number, used: LinesWorker, unfinished: boolean) {
    receivers.delete(stream)
    if (used !== worker) return
    // A cancelled response's bytes may be queued in the worker: ending it is quicker than
    // waiting for them, unless another response shares it.
    if (receivers.size === 0 && (unfinished || releaseWhenIdle)) stop()
    else if (unfinished) used.postMessage({ type: 'cancel', stream }, [])
  }

  function inWorker(
    used: LinesWorker,
    kind: LogKindName,
    reader: ReadableStreamDefaultReader<Uint8Array>,
    arm: () => void,
  ): LineStream {
    const stream = nextStream++
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
    receivers.set(stream, {
      line(line) {
        queue.push(line)
        signal()
      },
      closed() {
        closed = true
        onClosed()
        signal()
      },
      failed(error) {
        failure = error
        closed = true
        onClosed()
        signal()
      },
    })
    used.postMessage({ type: 'open', stream, kind }, [])
    // The body is read as fast as it comes, each chunk handed over as it is (no copy).
    const pumped = (async () => {
      try {
        for (;;) {
          arm()
          const { done, value } = await reader.read()
          if (done || left) break
          const bytes = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice()
          used.postMessage({ type: 'bytes', stream, bytes }, [bytes.buffer as ArrayBuffer])
        }
      } catch (error) {
        readError = error
      }
      used.postMessage({ type: 'close', stream }, [])
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
        leave(stream, used, !closed)
      },
    }
  }

  return {
    prepare,
    async open(kind, reader, arm) {
      for (;;) {
        prepare()
        const [used, started] = [worker, ready]
        if (refused || !used || !started) return inPage(kind, reader, arm)
        if (!(await started)) {
          if (used === worker) refuse('the Web Worker did not start (a Content Security Policy may forbid it)')
          continue
        }
        // Released while it started: start another.
        if (used === worker) return inWorker(used, kind, reader, arm)
      }
    },
    release() {
      if (receivers.size === 0) stop()
      else releaseWhenIdle = true
    },
  }
}

/** The lines parsed in the page's thread, one as each is asked for (as before the worker). */
function inPage(kind: LogKindName, reader: ReadableStreamDefaultReader<Uint8Array>, arm: () => void): LineStream {
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
