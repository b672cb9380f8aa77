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
    expect(longFunctions('C.vue', component)).toEqual([{ name: 'run', line: 4, lines: MAX_FUNCTION_LINES + 2 }])
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
