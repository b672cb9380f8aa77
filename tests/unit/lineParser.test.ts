// @vitest-environment node
/**
 * The stream's lines: split from bytes, parsed and checked by one module (parseLine.ts) in the
 * parsing worker or, where none starts, in the page's thread; and the worker's life (one per
 * client, ended when a response is dropped half way or the page is left).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { encodeColumns, readableColumns, type ColumnsData } from '@/api/columns'
import { createLineParser, type LineParser, type LinesWorkerSource } from '@/api/lines/lineParser'
import { parseLine, type ParsedLine } from '@/api/lines/parseLine'
import { LineSplitter } from '@/api/stream'
import { LogEngine } from '@/engine'
import { generateListingRecords } from '../../server/generate.ts'
import { InProcessWorker } from './inProcessWorker.ts'

const NOW = { now: Date.parse('2026-11-27T12:00:00Z') }
const ROWS = generateListingRecords(120, NOW).map((r, i) => ({
  ...r,
  id: 5000 - i,
  createDate: Date.parse(r.createDate),
})) as Record<string, unknown>[]

/** Records enough for lines longer than a short one (16 KB), which wait for the worker. */
const BIG = generateListingRecords(600, NOW).map((r, i) => ({
  ...r,
  id: 9000 - i,
  createDate: Date.parse(r.createDate),
})) as Record<string, unknown>[]

/** Lines parsed in the page's thread, as its `tts-logs:parse` measures say. */
const parsedHere = (measure: { mock: { calls: unknown[][] } }) =>
  measure.mock.calls.filter(
    ([name, options]) =>
      name === 'tts-logs:parse' && (options as { detail: { thread: string } }).detail.thread === 'main',
  ).length

/** A page line of the stream, as the server writes it. */
function pageLine(rows: Record<string, unknown>[], nextCursor: string | null = 'c1') {
  return JSON.stringify({ format: 'columns', count: rows.length, columns: encodeColumns('listing', rows), nextCursor })
}
const END = (count: number) => JSON.stringify({ end: true, count })

/**
 * A response body of these lines, in chunks of `size` bytes (kept in `chunks`); cut (a TypeError)
 * after `cutAfter` chunks; `open`: it never ends (the server is still sending).
 */
function body(lines: string[], size: number, cutAfter = Infinity, chunks: Uint8Array[] = [], open = false) {
  const bytes = new TextEncoder().encode(lines.map((line) => `${line}\n`).join(''))
  let at = 0
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (chunks.length === cutAfter) return controller.error(new TypeError('network error'))
        if (at >= bytes.length) return open ? new Promise<void>(() => undefined) : controller.close()
        const chunk = bytes.slice(at, (at += size))
        chunks.push(chunk)
        controller.enqueue(chunk)
      },
      // Pulled only when read, so a cut never discards a chunk already given.
    },
    { highWaterMark: 0 },
  ).getReader()
}

const pages = (lines: ParsedLine[]) =>
  lines.flatMap((line) => (line.kind === 'page' && line.columns ? records(line.columns) : []))

/** Every line of a stream, until it ends (or throws). */
async function all(lines: { next(): Promise<ParsedLine | null> }) {
  const out: ParsedLine[] = []
  for (let line = await lines.next(); line; line = await lines.next()) out.push(line)
  return out
}

const records = (columns: ColumnsData) => {
  const page = readableColumns('listing', columns)
  return Array.from({ length: page.count }, (_, k) => {
    const target: Record<string, unknown> = {}
    page.fill(k, target)
    return target
  })
}

function source(options: { refuse?: boolean; throws?: boolean; startsAfter?: Promise<void> } = {}) {
  const refusals: string[] = []
  const workers: InProcessWorker[] = []
  const workerSource: LinesWorkerSource = {
    start() {
      if (options.throws) throw new Error('this browser has no Web Workers')
      const worker = new InProcessWorker({ refuse: options.refuse, startsAfter: options.startsAfter })
      workers.push(worker)
      return worker
    },
    refused: (reason) => refusals.push(reason),
  }
  return { workerSource, refusals, workers }
}

const noArm = () => undefined

/** Reads another (empty) response through the parser. */
const readAnother = async (parser: LineParser) => all(await parser.open('listing', body([END(0)], 100), noArm))

describe('splitting bytes into lines', () => {
  it('joins a line across chunks, a character split between them included, and keeps an unended piece back', () => {
    const bytes = new TextEncoder().encode('Żółw – one\nsecond line\nno newline yet')
    const splitter = new LineSplitter()
    // "Ż" is two bytes: the first chunk ends inside it.
    const lines = [bytes.subarray(0, 1), bytes.subarray(1, 14), bytes.subarray(14)].flatMap((chunk) =>
      splitter.push(chunk),
    )
    expect(lines).toEqual(['Żółw – one', 'second line'])
  })

  it('puts lines over several chunks together in one kept buffer, never leaving a longer line’s bytes in a shorter one', () => {
    const encoder = new TextEncoder()
    const texts = ['a'.repeat(40) + 'ą', 'short ż', 'b'.repeat(100) + '–end', 'x']
    const bytes = encoder.encode(texts.join('\n') + '\nbegun')
    const splitter = new LineSplitter()
    const lines: string[] = []
    // Chunks of 7 bytes: every line but the last spans several, characters split between them.
    for (let at = 0; at < bytes.length; at += 7) lines.push(...splitter.push(bytes.slice(at, at + 7)))
    expect(lines).toEqual(texts)
    // What is handed on is the caller's own: later lines do not write into it.
    const begun = splitter.rest()
    splitter.push(encoder.encode('zzzzzzzzzz'))
    expect(splitter.push(encoder.encode('zz\n'))).toEqual(['zzzzzzzzzzzz'])
    expect(new TextDecoder().decode(begun)).toBe('begun')
  })

  it('takes one line at a time: the bytes after it stay bytes, undecoded', () => {
    const bytes = new TextEncoder().encode('Żółw – one\nsecond line\nno newline yet')
    const splitter = new LineSplitter()
    const decode = vi.spyOn(TextDecoder.prototype, 'decode')
    try {
      // The first chunk ends inside "Ż": no line yet, its byte kept back.
      expect(splitter.pushLine(bytes.subarray(0, 1))).toEqual({ line: null, rest: new Uint8Array(0) })
      expect(splitter.pending).toBe(1)
      const first = splitter.pushLine(bytes.subarray(1))
      expect(first.line).toBe('Żółw – one')
      expect(splitter.pending).toBe(0)
      // Only the first line was decoded; what follows is handed back as it came.
      expect(decode).toHaveBeenCalledTimes(1)
      expect(new TextDecoder().decode(first.rest)).toBe('second line\nno newline yet')
      const second = splitter.pushLine(first.rest)
      expect(second.line).toBe('second line')
      expect(splitter.pushLine(second.rest)).toEqual({ line: null, rest: new Uint8Array(0) })
      expect(new TextDecoder().decode(splitter.rest())).toBe('no newline yet')
    } finally {
      decode.mockRestore()
    }
  })
})

describe('one line, parsed and checked', () => {
  it('gives a page its records in typed columns, field for field', () => {
    const line = parseLine('listing', pageLine(ROWS))
    expect(line).toMatchObject({ kind: 'page', count: 120, nextCursor: 'c1', totalEstimate: null, problem: null })
    const columns = (line as { columns: ColumnsData }).columns
    expect(columns.columns.id).toMatchObject({ numbers: expect.any(Float64Array) })
    expect(columns.columns.type).toMatchObject({ numbers: expect.any(Int32Array) })
    expect(columns.columns.description).toMatchObject({ codes: expect.any(Uint32Array) })
    expect(records(columns)).toEqual(ROWS)
  })

  it('says what is wrong with a line that is no page, a page in the wrong shape, or a bad cell', () => {
    const damaged = ROWS.map((row, k) => (k === 3 ? { ...row, type: 70_000 } : row))
    const checked = parseLine('listing', pageLine(damaged)) as { columns: ColumnsData }
    expect(checked.columns.rejected).toEqual([{ index: 3, id: 4997, reasons: ['type: 70000 is not allowed'] }])
    expect(checked.columns.valid[3]).toBe(0)
    const noCursor = JSON.parse(pageLine(ROWS)) as Record<string, unknown>
    delete noCursor.nextCursor
    const shortColumn = JSON.parse(pageLine(ROWS)) as { columns: { id: { delta: number[] } } }
    shortColumn.columns.id.delta.pop()
    expect([
      parseLine('listing', END(7)),
      parseLine('listing', pageLine(ROWS).slice(0, 500)),
      parseLine('listing', '[1, 2]'),
      parseLine('listing', JSON.stringify(noCursor)),
      parseLine('listing', JSON.stringify(shortColumn)),
    ]).toEqual([
      { kind: 'end', count: 7 },
      { kind: 'broken', reason: 'a part of the response is not valid JSON', declaredCount: 120 },
      { kind: 'broken', reason: 'a part of the response is not a page of records', declaredCount: null },
      {
        kind: 'refused',
        count: 120,
        reason: expect.stringMatching(/^The server sent a page of log records in an unexpected shape \(nextCursor: /),
      },
      {
        kind: 'page',
        count: 120,
        nextCursor: 'c1',
        totalEstimate: null,
        columns: null,
        problem: 'The server sent a page of log records in an unexpected shape (column id is not 120 delta).',
      },
    ])
  })
})

describe('the lines parsed in the worker', () => {
  beforeEach(() => {
    InProcessWorker.started = []
  })

  it('parses the first line here, then hands the worker the rest, its bytes transferred rather than copied', async () => {
    const { workerSource, workers, refusals } = source()
    const parser = createLineParser(workerSource)
    expect(await parser.prepare()).toBe(true)
    const chunks: Uint8Array[] = []
    const reader = body([pageLine(ROWS.slice(0, 50)), pageLine(ROWS.slice(50), null), END(120)], 700, Infinity, chunks)
    const before = InProcessWorker.linesParsed
    const lines = await parser.open('listing', reader, noArm)
    const got = await all(lines)
    await lines.drain()
    lines.close()
    expect(got.map((line) => line.kind)).toEqual(['page', 'page', 'end'])
    expect(pages(got)).toEqual(ROWS)
    expect(InProcessWorker.linesParsed - before).toBe(2)
    // The chunks after the first line's went to the worker whole, and are no longer the page's.
    const handed = chunks.map((chunk) => chunk.byteLength === 0)
    expect(chunks.length).toBeGreaterThan(10)
    expect(handed.indexOf(true)).toBeGreaterThan(0)
    expect(handed.slice(handed.indexOf(true))).toEqual(handed.slice(handed.indexOf(true)).map(() => true))
    expect(refusals).toEqual([])
    // A response read to its end leaves the worker for the next.
    expect(workers[0]!.terminated).toBe(false)
    await readAnother(parser)
    expect(workers).toHaveLength(1)
  })

  it('parses the first line here before the worker runs, then hands it the rest, the line under way included', async () => {
    const { workerSource, workers } = source()
    const parser = createLineParser(workerSource)
    const lines = [pageLine(ROWS.slice(0, 40)), pageLine(ROWS.slice(40), null), END(120)]
    const bytes = new TextEncoder().encode(lines.map((line) => `${line}\n`).join(''))
    const firstEnds = bytes.indexOf(10) + 1
    // The first chunk comes before the worker runs: the first line and a part of the second.
    const chunks = [bytes.slice(0, firstEnds + 100), bytes.slice(firstEnds + 100)]
    let release: (() => void) | null = null
    const held = new Promise<void>((resolve) => (release = resolve))
    let pulls = 0
    const reader = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          pulls++
          // The second chunk waits for the test to let it go (the worker runs by then).
          if (pulls === 2) await held
          if (pulls > 2) controller.close()
          else controller.enqueue(chunks[pulls - 1]!)
        },
      },
      { highWaterMark: 0 },
    ).getReader()
    const before = InProcessWorker.linesParsed
    const stream = await parser.open('listing', reader, noArm)
    expect(await stream.next()).toEqual(parseLine('listing', lines[0]!))
    expect(InProcessWorker.linesParsed).toBe(before)
    expect(await parser.prepare()).toBe(true)
    release!()
    expect([await stream.next(), await stream.next(), await stream.next()]).toEqual([
      parseLine('listing', lines[1]!),
      parseLine('listing', lines[2]!),
      null,
    ])
    expect(InProcessWorker.linesParsed).toBe(before + 2)
    expect(workers[0]!.received.map((message) => message.type)).toEqual(['open', 'bytes', 'bytes', 'close'])
  })

  it('after the first line, waits while the worker starts rather than parse here, the whole body arrived meanwhile', async () => {
    let release!: () => void
    const { workerSource } = source({ startsAfter: new Promise<void>((resolve) => (release = resolve)) })
    // No limit to the wait here (its end has a test of its own).
    const parser = createLineParser(workerSource, { startWaitMs: Infinity })
    const lines = [pageLine(BIG.slice(0, 100)), pageLine(BIG.slice(100), null), END(BIG.length)]
    expect(lines[1]!.length).toBeGreaterThan(16 * 1024)
    const measure = vi.spyOn(performance, 'measure')
    const decode = vi.spyOn(TextDecoder.prototype, 'decode')
    try {
      const before = InProcessWorker.linesParsed
      // One chunk: every line is here before the worker runs.
      const stream = await parser.open('listing', body(lines, 1 << 20), noArm)
      expect(await stream.next()).toEqual(parseLine('listing', lines[0]!))
      let second: ParsedLine | null | undefined
      const next = stream.next().then((line) => (second = line))
      for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve))
      expect(second).toBeUndefined()
      // The page decoded the first line alone, though the whole body had come.
      expect(decode).toHaveBeenCalledTimes(1)
      release()
      expect(await next).toEqual(parseLine('listing', lines[1]!))
      expect([await stream.next(), await stream.next()]).toEqual([parseLine('listing', lines[2]!), null])
      expect(InProcessWorker.linesParsed - before).toBe(2)
      expect(parsedHere(measure)).toBe(1)
    } finally {
      measure.mockRestore()
      decode.mockRestore()
    }
  })

  it('waits for a starting worker only so long: then parses the lines itself, and hands the rest over once it runs', async () => {
    let release!: () => void
    const { workerSource } = source({ startsAfter: new Promise<void>((resolve) => (release = resolve)) })
    // The wait ends at once: a worker whose script is slow or never comes does not hold the load.
    const parser = createLineParser(workerSource, { startWaitMs: 0 })
    const lines = [
      pageLine(BIG.slice(0, 100)),
      pageLine(BIG.slice(100, 350)),
      pageLine(BIG.slice(350), null),
      END(BIG.length),
    ]
    const measure = vi.spyOn(performance, 'measure')
    try {
      const before = InProcessWorker.linesParsed
      const stream = await parser.open('listing', body(lines, 1 << 20), noArm)
      expect([await stream.next(), await stream.next()]).toEqual(
        lines.slice(0, 2).map((line) => parseLine('listing', line)),
      )
      expect(parsedHere(measure)).toBe(2)
      release()
      expect(await parser.prepare()).toBe(true)
      expect(await all(stream)).toEqual([parseLine('listing', lines[2]!), parseLine('listing', lines[3]!)])
      // The rest was the worker's once it ran.
      expect(InProcessWorker.linesParsed - before).toBe(2)
      expect(parsedHere(measure)).toBe(2)
    } finally {
      measure.mockRestore()
    }
  })

  it('a cut while the worker starts: the lines that arrived, parsed here, then the cut', async () => {
    const { workerSource } = source({ startsAfter: new Promise<void>(() => undefined) })
    const parser = createLineParser(workerSource, { startWaitMs: Infinity })
    const lines = [pageLine(BIG.slice(0, 100)), pageLine(BIG.slice(100, 350))]
    // Both lines in the first chunk, then the connection fails.
    const stream = await parser.open('listing', body(lines, 1 << 20, 1), noArm)
    expect(await stream.next()).toEqual(parseLine('listing', lines[0]!))
    expect(await stream.next()).toEqual(parseLine('listing', lines[1]!))
    await expect(stream.next()).rejects.toThrow(new TypeError('network error'))
  })

  it('a worker refused after the first line: the page parses every line after it', async () => {
    let release!: () => void
    const { workerSource, refusals } = source({
      refuse: true,
      startsAfter: new Promise<void>((resolve) => (release = resolve)),
    })
    const parser = createLineParser(workerSource, { startWaitMs: Infinity })
    const lines = [pageLine(BIG.slice(0, 100)), pageLine(BIG.slice(100), null), END(BIG.length)]
    const before = InProcessWorker.linesParsed
    const stream = await parser.open('listing', body(lines, 1 << 20), noArm)
    expect(await stream.next()).toEqual(parseLine('listing', lines[0]!))
    const rest = all(stream)
    release()
    expect(await rest).toEqual(lines.slice(1).map((line) => parseLine('listing', line)))
    expect(InProcessWorker.linesParsed).toBe(before)
    expect(refusals).toEqual([expect.stringMatching(/did not start/)])
  })

  it('does not wait for the worker to start for a short line: a small log ends at once', async () => {
    let release!: () => void
    const { workerSource } = source({ startsAfter: new Promise<void>((resolve) => (release = resolve)) })
    const parser = createLineParser(workerSource, { startWaitMs: Infinity })
    const lines = [pageLine(ROWS.slice(0, 100), null), END(100)]
    const measure = vi.spyOn(performance, 'measure')
    try {
      const before = InProcessWorker.linesParsed
      const stream = await parser.open('listing', body(lines, 1 << 20), noArm)
      expect(await all(stream)).toEqual(lines.map((line) => parseLine('listing', line)))
      expect(InProcessWorker.linesParsed).toBe(before)
      expect(parsedHere(measure)).toBe(2)
      stream.close()
    } finally {
      measure.mockRestore()
      release()
    }
  })

  it('reads the body no further than two lines ahead of the page', async () => {
    const { workerSource } = source()
    const parser = createLineParser(workerSource)
    await parser.prepare()
    const lines = Array.from({ length: 10 }, (_, k) => pageLine(ROWS.slice(k * 12, k * 12 + 12)))
    const bytes = new TextEncoder().encode(lines.map((line) => `${line}\n`).join(''))
    let pulls = 0
    const size = 200
    const total = Math.ceil(bytes.length / size)
    // A network that brings a chunk a task.
    const reader = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve))
          if (pulls === total) return controller.close()
          controller.enqueue(bytes.slice(pulls * size, ++pulls * size))
        },
      },
      { highWaterMark: 0 },
    ).getReader()
    const before = InProcessWorker.linesParsed
    const stream = await parser.open('listing', reader, noArm)
    await stream.next()
    await stream.next()
    // Two lines wait for the page, besides the one it took from the worker (and the worker may
    // have the bytes of another).
    await vi.waitFor(() => expect(InProcessWorker.linesParsed - before).toBeGreaterThanOrEqual(3))
    const read = pulls
    // Everything queued has its turn: the body is not read on.
    for (let turn = 0; turn < 30; turn++) await new Promise((resolve) => setTimeout(resolve))
    expect(pulls).toBe(read)
    // Not even the eighth line's first byte was read.
    const eighth = new TextEncoder().encode(lines.slice(0, 7).join('\n')).length + 1
    expect(read * size).toBeLessThanOrEqual(eighth)
    const rest = await all(stream)
    expect(rest).toHaveLength(8)
    expect(pulls).toBe(total)
  })

  it('brings the lines that arrived before a cut, then the cut', async () => {
    const parser = createLineParser(source().workerSource)
    await parser.prepare()
    const lines = [pageLine(ROWS.slice(0, 50)), pageLine(ROWS.slice(50, 100)), pageLine(ROWS.slice(100))]
    // Cut in the third line.
    const whole = new TextEncoder().encode(`${lines[0]}\n${lines[1]}\n`).length
    const stream = await parser.open('listing', body(lines, 100, Math.ceil(whole / 100) + 1), noArm)
    const before = InProcessWorker.linesParsed
    await expect(stream.next()).resolves.toMatchObject({ kind: 'page', count: 50 })
    await expect(stream.next()).resolves.toMatchObject({ kind: 'page', count: 50 })
    await expect(stream.next()).rejects.toThrow(new TypeError('network error'))
    // The second line was the worker's.
    expect(InProcessWorker.linesParsed - before).toBe(1)
  })

  it('ends the worker when a response is dropped half way, unless another response shares it', async () => {
    const { workerSource, workers } = source()
    const parser = createLineParser(workerSource)
    await parser.prepare()
    // Two lines of each (the second from the worker), then the responses are dropped.
    const lines = [pageLine(ROWS.slice(0, 60)), pageLine(ROWS.slice(60)), END(120)]
    const one = await parser.open('listing', body(lines, 500, Infinity, [], true), noArm)
    const two = await parser.open('listing', body(lines, 500, Infinity, [], true), noArm)
    await one.next()
    await one.next()
    one.close()
    expect(workers[0]!.terminated).toBe(false)
    expect(workers[0]!.received.at(-1)).toEqual({ type: 'cancel', stream: 1 })
    await two.next()
    await two.next()
    two.close()
    expect(workers[0]!.terminated).toBe(true)
    // The next response starts another.
    await readAnother(parser)
    expect(workers).toHaveLength(2)
  })

  it('is ended by release(): at once when idle, else when its last response is done', async () => {
    const { workerSource, workers } = source()
    const parser = createLineParser(workerSource)
    void parser.prepare()
    parser.release()
    expect(workers[0]!.terminated).toBe(true)
    const lines = await parser.open('listing', body([pageLine(ROWS), END(120)], 400), noArm)
    parser.release()
    await all(lines)
    await lines.drain()
    expect(workers[1]!.terminated).toBe(false)
    lines.close()
    expect(workers[1]!.terminated).toBe(true)
  })

  it('fails the responses of a worker that stops under way; the next response starts another', async () => {
    const { workerSource, workers } = source()
    const parser = createLineParser(workerSource)
    await parser.prepare()
    // Two lines, and the server still sending: the worker stops while the next is awaited.
    const lines = [pageLine(ROWS.slice(0, 60)), pageLine(ROWS.slice(60))]
    const stream = await parser.open('listing', body(lines, 500, Infinity, [], true), noArm)
    await stream.next()
    await stream.next()
    workers[0]!.crash()
    await expect(stream.next()).rejects.toThrow('The log parsing worker stopped.')
    stream.close()
    await readAnother(parser)
    expect(workers).toHaveLength(2)
  })
})

describe('no worker: the lines parsed in the page, by the same code', () => {
  for (const [what, options, reason, started] of [
    ['a worker that fails before its first message', { refuse: true }, /did not start/, 1],
    ['no Worker at all', { throws: true }, /no Web Worker could be started \(this browser has no Web Workers\)/, 0],
  ] as const) {
    it(`${what}: every line still comes, and the refusal is said once`, async () => {
      const { workerSource, workers, refusals } = source(options)
      const parser = createLineParser(workerSource)
      const lines = [pageLine(ROWS.slice(0, 70)), pageLine(ROWS.slice(70), null), END(120)]
      const got = await all(await parser.open('listing', body(lines, 333), noArm))
      expect(got).toEqual(lines.map((line) => parseLine('listing', line)))
      expect(await parser.prepare()).toBe(false)
      await readAnother(parser)
      expect(refusals).toEqual([expect.stringMatching(reason)])
      expect(workers).toHaveLength(started)
    })
  }

  it('with no Worker in the page, the console says so once, however many clients ask', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined)
    for (const parser of [createLineParser(), createLineParser()])
      await all(await parser.open('listing', body([pageLine(ROWS), END(120)], 1000), noArm))
    expect(info.mock.calls).toEqual([
      [
        "[tts-logs] The log is parsed on the page's main thread: no Web Worker could be started (this browser has no Web Workers).",
      ],
    ])
    info.mockRestore()
  })
})

describe('appending a columns page in slices', () => {
  it('holds the same records as appending it at once, messages interned once each', () => {
    const line = parseLine('listing', pageLine(ROWS.map((row, k) => (k === 9 ? { ...row, id: -1 } : row))))
    const page = readableColumns('listing', (line as { columns: ColumnsData }).columns)
    const whole = new LogEngine('listing')
    whole.columnsAppender(page)(0, page.count)
    const sliced = new LogEngine('listing')
    const append = sliced.columnsAppender(page)
    const added = [append(0, 7), append(7, 50), append(50, 120)]
    expect(added).toEqual([7, 42, 70])
    expect(sliced.size).toBe(119)
    expect(Array.from({ length: 119 }, (_, i) => sliced.get(i))).toEqual(
      Array.from({ length: 119 }, (_, i) => whole.get(i)),
    )
    expect(sliced.query({ unique: true }).shown).toBe(whole.query({ unique: true }).shown)
  })
})
