// @vitest-environment node
/**
 * The layer zones of eslint.config.js, through ESLint itself: what a view, a store and the log
 * descriptions' data part may import, lazy imports included (no-restricted-imports sees only
 * static ones; the zones add a syntax rule for `import()`).
 */
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const ZONE_RULES = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() })
})

/** The lines of `code`, linted as the file `filePath`, that a zone refuses. */
async function refusedLines(filePath: string, lines: string[]): Promise<number[]> {
  const [result] = await eslint.lintText(lines.join('\n'), { filePath })
  return result!.messages.filter((m) => ZONE_RULES.includes(m.ruleId ?? '')).map((m) => m.line)
}

describe('the layer zones (eslint.config.js)', () => {
  it('keep views from the API client and axios, a lazy import too, but not from its types', async () => {
    const view = [
      "import type { RejectedRecord } from '@/api/client'",
      "import { createApiClient } from '@/api/client'",
      'export const refs = async (): Promise<unknown[]> => [',
      "  await import('@/api/client'),",
      "  await import('@/api/errors.ts'),",
      "  await import('../api/client/transport'),",
      "  await import('axios'),",
      "  await import('@/logPage/export/csv'),",
      '  createApiClient,',
      '  [] as RejectedRecord[],',
      ']',
    ]
    expect(await refusedLines('src/logPage/zoneProbe.ts', view)).toEqual([2, 4, 5, 6, 7])
    const component = ['<script setup lang="ts">', "const client = await import('@/api/client')", '</script>']
    expect(await refusedLines('src/cells/ZoneProbe.vue', component)).toEqual([2])
  })

  it('let a store load the API client lazily, and keep it from the view part of the descriptions', async () => {
    const store = [
      "import { LOG_KIND_DEFINITIONS } from '@/logKinds'",
      "import { LOG_KIND_VIEWS } from '@/logKinds/views'",
      "import { messageParts } from '@/cells/messageParts'",
      "export const refs = async (): Promise<unknown[]> => [await import('@/api/client'), LOG_KIND_DEFINITIONS, LOG_KIND_VIEWS, messageParts]",
    ]
    expect(await refusedLines('src/stores/zoneProbe.ts', store)).toEqual([2, 3])
  })

  it('keep Vue values, cells and the view part out of the data part of the descriptions, and not out of the view part', async () => {
    const description = [
      "import type { VNodeChild } from 'vue'",
      "import { h } from 'vue'",
      "import MessageCell from '@/cells/MessageCell.vue'",
      "import { LOG_KIND_VIEWS } from '@/logKinds/views'",
      'export const refs = (): unknown[] => [h, MessageCell, LOG_KIND_VIEWS, null as VNodeChild]',
    ]
    expect(await refusedLines('src/logKinds/zoneProbe.ts', description)).toEqual([2, 3, 4])
    expect(await refusedLines('src/logKinds/views/zoneProbe.ts', description)).toEqual([])
  })
})
