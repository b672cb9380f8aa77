/**
 * What the parsing worker does (lines.worker.ts runs it; tests run it in their own thread): splits
 * each response's bytes into lines, and parses and checks each line as it completes.
 */
import type { LogKindName } from '@/api/schemas'
import { LineSplitter } from '@/api/stream'
import { parseLine } from '@/api/lines/parseLine'
import { transfersOfLine, type FromLinesWorker, type ToLinesWorker } from '@/api/lines/protocol'

export type PostFromWorker = (message: FromLinesWorker, transfer: Transferable[]) => void

/** The worker's message handler; `post` sends to the page's thread. */
export function createLinesWorkerSide(post: PostFromWorker): (message: ToLinesWorker) => void {
  const streams = new Map<number, { kind: LogKindName; splitter: LineSplitter; taken: number }>()
  /** Epoch ms of this thread's `performance.now()` 0. */
  const origin = performance.timeOrigin

  function bytes(stream: number, chunk: Uint8Array) {
    const open = streams.get(stream)
    if (!open) return
    try {
      let started = performance.now()
      const taken = (open.taken += chunk.length)
      const texts = open.splitter.push(chunk)
      // The page's side reads on as the worker catches up, also within a long line.
      if (texts.length === 0) post({ type: 'taken', stream, taken }, [])
      for (const text of texts) {
        const line = parseLine(open.kind, text)
        const duration = performance.now() - started
        post({ type: 'line', stream, line, start: origin + started, duration, taken }, transfersOfLine(line))
        started = performance.now()
      }
    } catch (error) {
      streams.delete(stream)
      post({ type: 'failed', stream, message: error instanceof Error ? error.message : String(error) }, [])
    }
  }

  return (message) => {
    switch (message.type) {
      case 'open':
        streams.set(message.stream, { kind: message.kind, splitter: new LineSplitter(), taken: 0 })
        return
      case 'bytes':
        return bytes(message.stream, message.bytes)
      case 'close':
        // A last piece without its newline was cut off: it is no line.
        streams.delete(message.stream)
        post({ type: 'closed', stream: message.stream }, [])
        return
      case 'cancel':
        streams.delete(message.stream)
    }
  }
}
