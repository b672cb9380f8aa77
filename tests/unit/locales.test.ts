import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LISTING_ACTION_CODES, TASK_CODES } from '@/logKinds'
import { messages } from '@/locales'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

const has = (tree: unknown, key: string) =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      tree,
    ) !== undefined

describe('the locales', () => {
  it('have exactly the same keys in English and Polish, none empty', () => {
    const english = keys(messages.en_US).sort()
    const polish = keys(messages.pl_PL).sort()
    expect(polish).toEqual(english)
    for (const key of english) {
      expect(has(messages.pl_PL, key), key).toBe(true)
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages.pl_PL)
      expect(String(value).trim(), key).not.toBe('')
    }
  })

  it('name every action, type, Run Mode and task in both languages', () => {
    for (const locale of Object.values(messages)) {
      for (const code of LISTING_ACTION_CODES)
        expect(locale.actions[String(code) as keyof typeof locale.actions]).toBeTruthy()
      for (const code of [...TASK_CODES, 100])
        expect(locale.tasks[String(code) as keyof typeof locale.tasks]).toBeTruthy()
      for (const code of [1, 2, 3, 4, 100]) expect(locale.types[String(code) as keyof typeof locale.types]).toBeTruthy()
      for (const code of [0, 1, 2, 3])
        expect(locale.initiators[String(code) as keyof typeof locale.initiators]).toBeTruthy()
    }
  })

  it('contain every literal key the source asks for', () => {
    const missing: string[] = []
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        if (!has(messages.en_US, match[1]!)) missing.push(`${file}: ${match[1]}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('use the terms of the Polish M2E documentation', () => {
    const pl = messages.pl_PL
    expect([pl.logs.listing.title, pl.logs.order.title, pl.logs.synchronization.title]).toEqual([
      'Dzienniki ofert',
      'Dziennik zamówień',
      'Logi synchronizacji',
    ])
    expect([pl.types['1'], pl.types['2'], pl.types['3'], pl.types['4']]).toEqual([
      'Info',
      'Sukces',
      'Ostrzeżenie',
      'Błąd',
    ])
    expect(pl.filters.uniqueProduct).toBe('Tylko wiadomości z unikalnym identyfikatorem produktu')
    expect(pl.filters.uniqueOrder).toBe('Tylko wiadomości z unikalnym identyfikatorem zamówienia')
  })
})
