// @vitest-environment node
/** The size check `npm run lint` runs (scripts/sizes.ts): what it counts, and that it refuses. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_FILE_LINES, MAX_FUNCTION_LINES, check, longFunctions } from '../../scripts/sizes.ts'

/** A function of `lines` lines in all, its first and last included. */
const fn = (name: string, lines: number) => `export function ${name}() {\n${'  void 0\n'.repeat(lines - 2)}}\n`

describe('scripts/sizes.ts', () => {
  it('counts a function from its first line to its last, nested ones included, in .ts and in a component', () => {
    expect(longFunctions('a.ts', fn('fits', MAX_FUNCTION_LINES))).toEqual([])
    expect(longFunctions('a.ts', `// one\n${fn('tooLong', MAX_FUNCTION_LINES + 1)}`)).toEqual([
      { name: 'tooLong', line: 2, lines: MAX_FUNCTION_LINES + 1 },
    ])
    // A closure inside a call (a store's setup): named after the call.
    const closure = `defineStore('x', () => {\n${'  void 0\n'.repeat(MAX_FUNCTION_LINES)}})\n`
    expect(longFunctions('b.ts', closure).map((f) => f.name)).toEqual(['(callback of defineStore)'])
    // In a component, the script's lines are counted where they stand in the file.
    const component = `<template><p /></template>\n\n<script setup lang="ts">\nconst run = () => {\n${'  void 0\n'.repeat(MAX_FUNCTION_LINES)}}\n</script>\n`
    expect(longFunctions('C.vue', component)).toEqual([
      { name: '<script setup>', line: 3, lines: MAX_FUNCTION_LINES + 4 },
      { name: 'run', line: 4, lines: MAX_FUNCTION_LINES + 2 },
    ])
  })

  it("counts a component's <script setup> as its setup function, from its opening tag to its closing one", () => {
    /** A component whose <script setup> block runs `lines` lines, its two tags included, from line 3. */
    const component = (lines: number, script = '<script setup lang="ts">') =>
      `<template><p /></template>\n\n${script}\n${'void 0\n'.repeat(lines - 2)}</script>\n`
    expect(longFunctions('C.vue', component(MAX_FUNCTION_LINES))).toEqual([])
    expect(longFunctions('C.vue', component(MAX_FUNCTION_LINES + 1))).toEqual([
      { name: '<script setup>', line: 3, lines: MAX_FUNCTION_LINES + 1 },
    ])
    // A plain <script> is the module around the component, not its setup: only its functions count.
    expect(longFunctions('C.vue', component(MAX_FUNCTION_LINES + 1, '<script lang="ts">'))).toEqual([])

    const root = mkdtempSync(join(tmpdir(), 'tts-sizes-'))
    mkdirSync(join(root, 'src'))
    mkdirSync(join(root, 'server'))
    writeFileSync(join(root, 'src', 'LongSetup.vue'), component(MAX_FUNCTION_LINES + 2))
    expect(check(root)).toEqual([
      `src/LongSetup.vue:3: function <script setup> runs ${MAX_FUNCTION_LINES + 2} lines (at most ${MAX_FUNCTION_LINES})`,
    ])
  })

  it('names each file over the limit in src/ and server/, and each long function', () => {
    const root = mkdtempSync(join(tmpdir(), 'tts-sizes-'))
    mkdirSync(join(root, 'src'))
    mkdirSync(join(root, 'server'))
    writeFileSync(join(root, 'src', 'fits.ts'), 'export {}\n'.repeat(MAX_FILE_LINES))
    writeFileSync(join(root, 'src', 'big.vue'), '<template><p /></template>\n'.repeat(MAX_FILE_LINES + 1))
    writeFileSync(join(root, 'server', 'long.ts'), fn('handler', MAX_FUNCTION_LINES + 5))
    expect(check(root).sort()).toEqual([
      `server/long.ts:1: function handler runs ${MAX_FUNCTION_LINES + 5} lines (at most ${MAX_FUNCTION_LINES})`,
      `src/big.vue: ${MAX_FILE_LINES + 1} lines (at most ${MAX_FILE_LINES})`,
    ])
  })
})
