import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LOG_ROUTES, URL_KEYS, logOfPath, narrowingOfQuery } from '@/app/firstRoute'
import { createAppRouter } from '@/app/router'
import { LOG_KIND_DEFINITIONS, LOG_KINDS } from '@/logKinds'
import { narrowingOf, QUERY_KEYS } from '@/logKinds/viewState'
import { parseViewState } from '@/logKinds/views/parseViewState'
import { firstLoadQuery } from '@/stores/loader/firstLoad'
import { narrowingKey } from '@/stores/loader/types'

describe("what the app's entries know of the routes before the app loads", () => {
  it('says what the log descriptions say: each log’s path and the keys that narrow it', () => {
    expect(LOG_ROUTES.map((route) => route.kind)).toEqual([...LOG_KINDS])
    for (const route of LOG_ROUTES) {
      const definition = LOG_KIND_DEFINITIONS[route.kind]
      expect(route.path).toBe(definition.path)
      expect([...route.narrowKeys].sort()).toEqual([...definition.narrowKeys].sort())
    }
    expect([...URL_KEYS]).toEqual([...QUERY_KEYS])
  })

  it('finds the log of a path as the router does (letter case, trailing slash, the / redirect)', async () => {
    const router = createAppRouter('memory')
    const paths = [
      '/',
      '/listings/logs',
      '/Listings/Logs/',
      '/sales/logs',
      '/sales/logs//',
      '/help-center/synchronization-logs',
    ]
    for (const path of [...paths, '/help-center/logs-clearing', '/sales', '/nowhere']) {
      await router.push(path)
      const routed = LOG_KINDS.find((kind) => LOG_KIND_DEFINITIONS[kind].routeName === router.currentRoute.value.name)
      expect(logOfPath(path), path).toBe(routed ?? null)
    }
  })

  it('narrows a first load as the page does, whatever the URL holds', () => {
    const value = fc.oneof(
      fc.constantFrom('', '0', '7', '007', '123456789012345', '1234567890123456', '-3', '2.5', '1e3', ' 4', 'abc'),
      fc.nat().map(String),
    )
    const query = fc.dictionary(fc.constantFrom(...URL_KEYS, 'lang', 'other'), value)
    fc.assert(
      fc.property(fc.constantFrom(...LOG_KINDS), query, (kind, raw) => {
        const page = narrowingOf(parseViewState(kind, raw).state)
        const entry = narrowingOfQuery(kind, (key) => raw[key])
        // The same keys in the same order: the first request's URL is the same string.
        expect(narrowingKey(entry)).toBe(narrowingKey(page))
        expect(new URLSearchParams(firstLoadQuery(entry) as Record<string, string>).toString()).toBe(
          new URLSearchParams(firstLoadQuery(page) as Record<string, string>).toString(),
        )
      }),
    )
  })
})
