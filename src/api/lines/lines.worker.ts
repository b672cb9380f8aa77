/**
 * The parsing worker: the stream's lines are split, parsed and checked here, off the page's
 * thread (workerSide.ts). Built by Vite as a file of its own beside the bundle's chunks, so it
 * runs under a CSP of `script-src 'self'`.
 */
import { createLinesWorkerSide } from '@/api/lines/workerSide'
import type { FromLinesWorker, ToLinesWorker } from '@/api/lines/protocol'

/** The worker's global scope, as far as it is used (the DOM's lib types the window's). */
const scope = self as unknown as {
  postMessage(message: FromLinesWorker, transfer: Transferable[]): void
  onmessage: ((event: MessageEvent<ToLinesWorker>) => void) | null
}

const handle = createLinesWorkerSide((message, transfer) => scope.postMessage(message, transfer))
scope.onmessage = (event) => handle(event.data)
scope.postMessage({ type: 'ready' }, [])
