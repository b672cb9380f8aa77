/**
 * The lines of a streamed response, parsed and checked off the page's thread: the page's thread
 * reads the body's bytes and hands each chunk to the parsing worker (lines.worker.ts), which sends
 * back each line as it completes, its columns in typed arrays. One worker per client, reused by
 * its responses. Where no worker can be had (no Worker, a CSP whose `worker-src` leaves out the
 * bundle's origin, a worker that fails before its first message), the lines are parsed in the
 * page's thread by the same code (parseLine.ts), and the console says so once.
 */
import type { LogKindName } from '@/api/schemas'
import { recordLoadTiming } from '@/api/lines/loadTiming'
import { WORKER_START_WAIT_MS, type FromLinesWorker } from '@/api/lines/protocol'
import {
  inPage,
  inWorker,
  type LineStream,
  type LinesWorker,
  type Receiver,
  type WorkerSession,
} from '@/api/lines/lineStreams'

export type { LineStream, LinesWorker } from '@/api/lines/lineStreams'

export interface LineParser {
  /**
   * Starts the worker if there is none, so that it runs by the time the first bytes come.
   * Resolves true once it runs, false if it never will.
   */
  prepare(): Promise<boolean>
  /**
   * The lines of a body read with `reader`; `arm` is called before each read (the caller's idle
   * timeout).
   */
  open(kind: LogKindName, reader: ReadableStreamDefaultReader<Uint8Array>, arm: () => void): Promise<LineStream>
  /** Ends the worker once no response uses it (the page is left); a later response starts another. */
  release(): void
}

/** Where a parser gets its worker, and whom it tells when none could be had. */
export interface LinesWorkerSource {
  /** A new worker; throws when none can be made. */
  start(): LinesWorker
  /** No worker could be had, for `reason`: the lines are parsed in the page's thread. */
  refused(reason: string): void
}

/**
 * The bundle's parsing worker, a file of its own built by Vite beside its chunks. Once refused,
 * never tried again in this document (a CSP does not change while the page lives; every try would
 * be another violation report), and the console says so once.
 */
function documentWorkers(): LinesWorkerSource {
  let refusal: string | null = null
  return {
    start() {
      if (refusal) throw new Error(refusal)
      if (typeof Worker !== 'function') throw new Error('this browser has no Web Workers')
      return new Worker(new URL('./lines.worker.ts', import.meta.url), { type: 'module' })
    },
    refused(reason) {
      if (refusal) return
      refusal = reason
      // eslint-disable-next-line no-console -- a note, not a warning: the log still loads whole
      console.info(`[tts-logs] The log is parsed on the page's main thread: ${reason}.`)
    },
  }
}
const DOCUMENT_WORKERS = documentWorkers()

/**
 * `startWaitMs`: how long a response waits, after its first line, for a worker still starting
 * before the page parses its lines itself (tests hold a worker back longer, or not at all).
 */
export function createLineParser(
  source: LinesWorkerSource = DOCUMENT_WORKERS,
  { startWaitMs = WORKER_START_WAIT_MS }: { startWaitMs?: number } = {},
): LineParser {
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
    source.refused(reason)
  }

  /** What the worker sends, to the response it is for. */
  function dispatch(message: FromLinesWorker) {
    if (message.type === 'line') {
      // The worker's clock has another origin.
      const start = message.start - performance.timeOrigin
      recordLoadTiming('tts-logs:parse', start, start + message.duration, { thread: 'worker' })
      receivers.get(message.stream)?.line(message.line, message.taken)
    } else if (message.type === 'taken') receivers.get(message.stream)?.taken(message.taken)
    else if (message.type === 'closed') receivers.get(message.stream)?.closed()
    else if (message.type === 'failed')
      receivers.get(message.stream)?.failed(new Error(`The log could not be parsed: ${message.message}`))
  }

  function prepare(): Promise<boolean> {
    if (refused) return Promise.resolve(false)
    if (ready) return ready
    let started: LinesWorker
    try {
      started = source.start()
    } catch (error) {
      refuse(`no Web Worker could be started (${error instanceof Error ? error.message : String(error)})`)
      return Promise.resolve(false)
    }
    worker = started
    ready = new Promise<boolean>((resolve) => {
      let running = false
      started.onmessage = (event) => {
        running = true
        resolve(true)
        dispatch(event.data)
      }
      started.onerror = (event) => {
        event.preventDefault()
        if (!running) return resolve(false)
        // It stopped under way: the responses it was reading fail (a retry starts a new one).
        if (worker === started) stop()
        for (const receiver of receivers.values()) receiver.failed(new Error('The log parsing worker stopped.'))
      }
    })
    void ready.then((ok) => {
      if (!ok && worker === started) refuse('the Web Worker did not start (a Content Security Policy may forbid it)')
    })
    return ready
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

  return {
    prepare,
    async open(kind, reader, arm) {
      void prepare()
      if (refused || !worker || !ready) return inPage(kind, reader, arm)
      const used = worker
      const stream = nextStream++
      const session: WorkerSession = {
        worker: used,
        stream,
        started: ready,
        startWaitMs,
        receive: (receiver) => receivers.set(stream, receiver),
        leave: (unfinished) => leave(stream, used, unfinished),
      }
      return inWorker(session, kind, reader, arm)
    },
    release() {
      if (receivers.size === 0) stop()
      else releaseWhenIdle = true
    },
  }
}
