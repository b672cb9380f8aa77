// @vitest-environment node
/**
 * The import graph check `npm run lint` runs (scripts/importCycles.mjs), over small source trees
 * written for each case: cycles, and modules of stores/, api/ and engine/ that reach a view through
 * value imports, however many files lie between.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** Writes `files` (path below src/ -> text) into a new folder; returns the folder. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tts-imports-'))
  roots.push(root)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  return root
}

/** Runs the check over `root`: its exit code, and its report with the folder left out. */
function check(root: string): { status: number | null; report: string } {
  const run = spawnSync(process.execPath, ['scripts/importCycles.mjs', root], { encoding: 'utf8' })
  return { status: run.status, report: run.stdout.split(`${root}/`).join('') + run.stderr }
}

/** A log description whose data part is plain, and whose view part renders a cell. */
const DESCRIPTIONS = {
  'cells/MessageCell.vue': '<template><p /></template>\n',
  'logKinds/types.ts': 'export type LogKind = "listing"\n',
  'logKinds/listing.ts': 'export const listingLog = { canClearAll: true }\n',
  'logKinds/index.ts': "import { listingLog } from '@/logKinds/listing'\nexport const LOGS = { listing: listingLog }\n",
  'logKinds/views/listing.ts':
    "import MessageCell from '@/cells/MessageCell.vue'\nexport const listingView = { columns: [MessageCell] }\n",
}

describe('scripts/importCycles.mjs', () => {
  it('passes a store that imports the data part of a description, and only types of its view part', () => {
    const root = tree({
      ...DESCRIPTIONS,
      'stores/clearAll.ts':
        "import { LOGS } from '@/logKinds'\nimport type { listingView } from '@/logKinds/views/listing'\n" +
        'export const canClear = (view: typeof listingView) => LOGS.listing.canClearAll && view\n',
    })
    expect(check(root)).toEqual({
      status: 0,
      report: expect.stringContaining('0 module(s) of stores/, api/, engine/ reaching a component'),
    })
  })

  it('fails a store that reaches a component through the files between, and names the chain', () => {
    const root = tree({
      ...DESCRIPTIONS,
      // The data part now takes a value of the view part: every store reading it reaches the cell.
      'logKinds/listing.ts':
        "import { listingView } from '@/logKinds/views/listing'\nexport const listingLog = { canClearAll: true, listingView }\n",
      'stores/clearAll.ts':
        "import { LOGS } from '@/logKinds'\nexport const canClear = () => LOGS.listing.canClearAll\n",
    })
    const { status, report } = check(root)
    expect(status).toBe(1)
    expect(report).toContain(
      'A view reached through value imports: stores/clearAll.ts -> logKinds/index.ts -> logKinds/listing.ts -> logKinds/views/listing.ts',
    )
    expect(report).toContain('1 module(s) of stores/, api/, engine/ reaching a component')
  })

  it('fails on a component reached directly, a lazy import, and a view folder without components', () => {
    const root = tree({
      ...DESCRIPTIONS,
      'logPage/export/csv.ts': 'export const csv = 1\n',
      'stores/cells.ts': "import MessageCell from '../cells/MessageCell.vue'\nexport const cell = MessageCell\n",
      'api/lazy.ts': "export const load = () => import('@/logPage/export/csv')\n",
      'engine/relative.ts': "import { csv } from '../logPage/export/csv'\nexport const n = csv\n",
    })
    const { status, report } = check(root)
    expect(status).toBe(1)
    expect(report).toContain('stores/cells.ts -> cells/MessageCell.vue')
    expect(report).toContain('api/lazy.ts -> logPage/export/csv.ts')
    expect(report).toContain('engine/relative.ts -> logPage/export/csv.ts')
  })

  it('leaves out `import type`, `export type` and `typeof import()`, but not `import { type A }`, which the build keeps', () => {
    /** The check over the descriptions and one store holding `lines`. */
    const checkStore = (...lines: string[]) => check(tree({ ...DESCRIPTIONS, 'stores/types.ts': lines.join('\n') }))
    const leak = { status: 1, report: expect.stringContaining('stores/types.ts -> logKinds/views/listing.ts') }
    const typeOnly = checkStore(
      "import type { listingView } from '@/logKinds/views/listing'",
      "export type { listingView } from '@/logKinds/views/listing'",
      "export type Columns = typeof import('@/logKinds/views/listing')",
      'export const n = 1 as unknown as typeof listingView',
    )
    expect(typeOnly.status).toBe(0)
    expect(
      checkStore(
        "import { type listingView } from '@/logKinds/views/listing'",
        'export const n = 1 as unknown as typeof listingView',
      ),
    ).toEqual(leak)
    // A type declared just before a value import leaves that import a value import.
    expect(
      checkStore(
        'export type { Local }',
        "import { listingView } from '@/logKinds/views/listing'",
        'type Local = typeof listingView',
      ),
    ).toEqual(leak)
  })

  it('fails on an import cycle, type-only imports included', () => {
    const root = tree({
      'engine/a.ts': "import type { B } from './b'\nexport type A = B[]\n",
      'engine/b.ts': "import type { A } from './a'\nexport type B = { children: A }\n",
    })
    const { status, report } = check(root)
    expect(status).toBe(1)
    expect(report).toContain('Import cycle among 2 files')
    expect(report).toContain('1 import cycle(s) among 2 files')
  })
})
