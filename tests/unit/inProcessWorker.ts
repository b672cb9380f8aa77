/**
 * The parsing worker for tests that have no Web Worker (Node, jsdom): the worker's own code
 * (workerSide.ts) in the test's thread, a task away as a worker is, every message structured-cloned
 * with its transfer list (so a buffer the page's side hands over is detached there, as in a browser).
 */
import type { LinesWorker } from '@/api/lines/lineStreams'
import type { FromLinesWorker, ToLinesWorker } from '@/api/lines/protocol'
import { createLinesWorkerSide } from '@/api/lines/workerSide'

export interface InProcessWorkerOptions {
  /** Fails before its first message, as a worker a CSP forbids. */
  refuse?: boolean
  /** Runs (or fails) only once this settles: a worker whose script is still loading. */
  startsAfter?: Promise<void>
}

export class InProcessWorker implements LinesWorker {
  /** Lines parsed by every such worker so far. */
  static linesParsed = 0
  static started: InProcessWorker[] = []

  onmessage: ((event: MessageEvent<FromLinesWorker>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  terminated = false
  /** What the page's side sent, in order. */
  readonly received: ToLinesWorker[] = []
  private readonly handle = createLinesWorkerSide((message, transfer) => {
    if (message.type === 'line') InProcessWorker.linesParsed++
    this.toPage(structuredClone(message, { transfer }))
  })

  constructor(options: InProcessWorkerOptions = {}) {
    InProcessWorker.started.push(this)
    void (options.startsAfter ?? Promise.resolve()).then(() =>
      setTimeout(() => {
        if (this.terminated) return
        if (options.refuse) this.onerror?.(Object.assign(new Event('error'), { message: 'refused' }) as ErrorEvent)
        else this.toPage({ type: 'ready' })
      }),
    )
  }

  postMessage(message: ToLinesWorker, transfer: Transferable[]): void {
    if (this.terminated) return
    const copy = structuredClone(message, { transfer })
    this.received.push(copy)
    setTimeout(() => {
      if (!this.terminated) this.handle(copy)
    })
  }

  terminate(): void {
    this.terminated = true
  }

  /** Fails as a worker that stopped under way (its code threw outside any handler). */
  crash(): void {
    setTimeout(() => this.onerror?.(Object.assign(new Event('error'), { message: 'crashed' }) as ErrorEvent))
  }

  private toPage(message: FromLinesWorker) {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent<FromLinesWorker>)
    })
  }
}
