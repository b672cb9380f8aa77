/**
 * Reading `format=columns-stream` (src/api/columns.ts): a response body split into lines as its
 * bytes arrive, and each line made a batch of records. A line that is not a columns page rejects
 * its records only (counted, with the reason); the rest of the response is still read.
 */
import type { StreamEnd } from './columns.ts'

/** The byte that ends a line (UTF-8 never uses it inside a character). */
export const NEWLINE = 10

/**
 * Bytes in, whole lines out, as the bytes arrive (in the page's thread or a worker). A last piece
 * without its newline is not a line: the caller learns that the stream was cut from the missing
 * end line.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder()
  private parts: Uint8Array[] = []
  private partsLength = 0
  private scratch = new Uint8Array(0)

  /** Bytes of a line begun and not yet ended. */
  get pending(): number {
    return this.partsLength
  }

  /** The lines `bytes` completes, in order. */
  push(bytes: Uint8Array): string[] {
    const lines: string[] = []
    let from = 0
    // UTF-8 never uses the newline byte inside a character: splitting bytes is safe.
    for (let newline = bytes.indexOf(NEWLINE); newline !== -1; newline = bytes.indexOf(NEWLINE, from)) {
      lines.push(this.take(bytes.subarray(from, newline)))
      from = newline + 1
    }
    if (from < bytes.length) {
      this.parts.push(bytes.subarray(from))
      this.partsLength += bytes.length - from
    }
    return lines
  }

  /**
   * The first line `bytes` completes, and the bytes after its newline, not yet split (none: no
   * line ended, and `bytes` is kept back as the line's beginning). Decodes no more than that line.
   */
  pushLine(bytes: Uint8Array): { line: string | null; rest: Uint8Array } {
    const newline = bytes.indexOf(NEWLINE)
    if (newline === -1) {
      if (bytes.length > 0) {
        this.parts.push(bytes)
        this.partsLength += bytes.length
      }
      return { line: null, rest: bytes.subarray(bytes.length) }
    }
    return { line: this.take(bytes.subarray(0, newline)), rest: bytes.subarray(newline + 1) }
  }

  /** The bytes of the line begun but not ended (to go on splitting elsewhere), and forgets them. */
  rest(): Uint8Array {
    return this.join(new Uint8Array(0))
  }

  private take(tail: Uint8Array): string {
    if (this.parts.length === 0) return this.decoder.decode(tail)
    // A line over several chunks is put together in one buffer kept for the next lines: memory
    // fresh from the system costs a page fault per 4 KB, which in a virtual machine took as long
    // as decoding the line.
    const length = this.partsLength + tail.length
    if (this.scratch.length < length) this.scratch = new Uint8Array(Math.max(length, this.scratch.length * 2))
    return this.decoder.decode(this.join(tail, this.scratch.subarray(0, length)))
  }

  /** The line begun and `tail`, into `into` (as long as both), and forgets the parts. */
  private join(tail: Uint8Array, into = new Uint8Array(this.partsLength + tail.length)): Uint8Array {
    let at = 0
    for (const part of this.parts) {
      into.set(part, at)
      at += part.length
    }
    into.set(tail, at)
    this.parts = []
    this.partsLength = 0
    return into
  }
}

/** The lines of a byte stream, as they complete; `read` is the reader's read (wrapped by the caller for its idle timeout). */
export async function* readLines(read: () => Promise<ReadableStreamReadResult<Uint8Array>>): AsyncGenerator<string> {
  const splitter = new LineSplitter()
  for (;;) {
    const { done, value } = await read()
    if (done) return
    yield* splitter.push(value)
  }
}

/** What a line of the stream is. */
export type StreamLine =
  | { kind: 'page'; body: Record<string, unknown> }
  | { kind: 'end'; count: number }
  | { kind: 'broken'; reason: string; declaredCount: number | null }

/** Records a broken line says it held, read from its head (the server writes `count` first). */
const DECLARED_COUNT = /^\s*\{\s*"format"\s*:\s*"columns"\s*,\s*"count"\s*:\s*(\d{1,9})\s*[,}]/

export function parseStreamLine(line: string): StreamLine {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    const declared = DECLARED_COUNT.exec(line)
    return {
      kind: 'broken',
      reason: 'a part of the response is not valid JSON',
      declaredCount: declared ? Number(declared[1]) : null,
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    if (record.end === true) {
      const count = (value as Partial<StreamEnd>).count
      return { kind: 'end', count: typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : -1 }
    }
    if (record.format === 'columns') return { kind: 'page', body: record }
  }
  return { kind: 'broken', reason: 'a part of the response is not a page of records', declaredCount: null }
}
