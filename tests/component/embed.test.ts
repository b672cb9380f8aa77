// @vitest-environment jsdom
import { flushPromises } from '@vue/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { elementAppsHeld } from '@/app/elementApps'
import { mount, type AppEvent } from '@/embed'
import { startTestServer, type TestServer } from '../api/testServer.ts'
import { until } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ listing: 200, order: 100, synchronization: 50 }, { cors: '*' })
})
afterAll(() => server.stop())

const heading = (el: HTMLElement) => el.querySelector('h1')?.textContent?.trim()

describe('the mount API', () => {
  it('holds nothing of an app for Element Plus’s configuration once it is unmounted', async () => {
    const held = elementAppsHeld()
    const el = document.createElement('div')
    document.body.appendChild(el)
    const app = mount(el, { view: 'order', apiBaseUrl: server.apiUrl })
    await until(() => !!el.querySelector('[data-complete="true"]'))
    // The controls' code is there (the tests load it at once): the app was given the configuration.
    expect(el.querySelector('.tts-el-select')).not.toBeNull()
    expect(elementAppsHeld()).toBe(held + 1)
    app.unmount()
    expect(elementAppsHeld()).toBe(held)
    el.remove()
  })

  it('mounts the chosen log with filters, in memory, without touching the host URL', async () => {
    const el = document.createElement('div')
    document.body.appendChild(el)
    const before = window.location.href
    const events: AppEvent[] = []
    const app = mount(el, {
      view: 'order',
      filters: { type: [4], unique: false },
      apiBaseUrl: server.apiUrl,
      onEvent: (e) => events.push(e),
    })
    await until(() => !!el.querySelector('[data-complete="true"]'))
    expect(heading(el)).toBe('Orders Logs & Events')
    const summary = el.querySelector('[data-testid="log-summary"]')!
    const errors = (
      (await (await fetch(`${server.apiUrl}/logs/order?limit=1000`)).json()) as { items: { type: number }[] }
    ).items.filter((r) => r.type === 4)
    expect(summary.getAttribute('data-shown')).toBe(String(errors.length))

    app.navigate('synchronization')
    await until(() => heading(el) === 'Synchronization Logs')
    expect(events.filter((e) => e.type === 'navigate').map((e) => (e as { view: string }).view)).toEqual([
      'synchronization',
    ])

    app.update({ locale: 'pl_PL' })
    await until(() => heading(el) === 'Logi synchronizacji')
    expect(window.location.href).toBe(before)

    app.unmount()
    expect(el.innerHTML).toBe('')
    expect(() => app.navigate('listing')).toThrow('after unmount')
    el.remove()
  })

  it('says clearly what is wrong with bad options', () => {
    expect(() => mount('#nowhere')).toThrow('tts-logs: no element matches "#nowhere"')
    const el = document.createElement('div')
    expect(() => mount(el, { view: 'orders' as never })).toThrow('unknown view "orders"')
    expect(() => mount(el, { filters: { colour: 'red' } as never })).toThrow('unknown filter "colour"')
    expect(el.innerHTML).toBe('')
  })

  it('refuses what is not a locale or a time zone, naming the option, instead of falling back', async () => {
    const el = document.createElement('div')
    expect(() => mount(el, { locale: 42 as never })).toThrow(
      'tts-logs: option "locale" must be a BCP 47 or Magento locale such as de_DE, fr-CA or pl; got 42',
    )
    for (const locale of ['xx_YY_ZZ', '', 'de DE', null, {}, ['de_DE']]) {
      expect(() => mount(el, { locale: locale as never }), JSON.stringify(locale)).toThrow('option "locale"')
    }
    expect(() => mount(el, { timeZone: 'Mars/Olympus' })).toThrow(
      'tts-logs: option "timeZone" must be an IANA time zone such as Europe/Warsaw; got "Mars/Olympus"',
    )
    expect(() => mount(el, { timeZone: '' })).toThrow('option "timeZone"')
    expect(el.innerHTML).toBe('')

    // The short and BCP 47 forms of Polish are Polish, and a real zone is fine.
    document.body.appendChild(el)
    const app = mount(el, { locale: 'pl-PL', timeZone: 'America/Sao_Paulo', apiBaseUrl: server.apiUrl })
    expect(app.language).toBe('pl_PL')
    expect(app.formatLocale).toBe('pl-PL')
    await until(() => heading(el) === 'Dzienniki ofert')
    expect(() => app.update({ locale: 'xx_YY_ZZ' })).toThrow('option "locale" must be a BCP 47 or Magento locale')
    expect(() => app.update({ locale: 42 as never })).toThrow('option "locale"')
    expect(() => app.update({ timeZone: 'Europe/Atlantis' })).toThrow('option "timeZone"')
    expect(app.language).toBe('pl_PL')
    app.unmount()
    el.remove()
  })
})

/** The first row's date cell, and the date it shows (its record's createDate). */
async function firstRowDate(el: HTMLElement, kind = 'listing') {
  await until(() => !!el.querySelector('[data-testid="log-row"]'))
  const row = el.querySelector<HTMLElement>('[data-testid="log-row"]')!
  const { items } = (await (await fetch(`${server.apiUrl}/logs/${kind}?limit=1000`)).json()) as {
    items: { id: number; createDate: string }[]
  }
  const record = items.find((r) => String(r.id) === row.dataset.id)!
  return { cell: row.querySelector('.tts-grid__cell--createDate')!, ms: Date.parse(record.createDate) }
}

const dateIn = (tag: string, ms: number) =>
  new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(ms)

describe('the locale option', () => {
  it("mounts a German admin's page: English texts, German dates, and tells the host so", async () => {
    const el = document.createElement('div')
    document.body.appendChild(el)
    const events: AppEvent[] = []
    const app = mount(el, {
      locale: 'de_DE',
      timeZone: 'UTC',
      apiBaseUrl: server.apiUrl,
      onEvent: (e) => events.push(e),
    })
    expect(app.language).toBe('en_US')
    expect(app.formatLocale).toBe('de-DE')
    await until(() => !!el.querySelector('[data-complete="true"]'))
    expect(heading(el)).toBe('Listings Logs & Events')
    expect(el.querySelector('[lang]')?.getAttribute('lang')).toBe('en')
    const { cell, ms } = await firstRowDate(el)
    // "20.11.2026, 14:05:09", not "Nov 20, 2026, 2:05:09 PM".
    expect(dateIn('de-DE', ms)).not.toBe(dateIn('en-US', ms))
    expect(cell.textContent?.trim()).toBe(dateIn('de-DE', ms))
    expect(events.filter((e) => e.type === 'error')).toEqual([])
    expect(events.filter((e) => e.type === 'language-change')).toEqual([
      { type: 'language-change', language: 'en_US', formatLocale: 'de-DE', requested: 'de_DE' },
    ])

    // update() takes any locale the same way: Polish texts and dates, then English with
    // French-Canadian dates. Each change is told once; the same choice again is no change.
    app.update({ locale: 'pl' })
    expect(app.language).toBe('pl_PL')
    await until(() => heading(el) === 'Dzienniki ofert')
    expect(app.formatLocale).toBe('pl')
    expect(cell.isConnected && cell.textContent?.trim()).toBe(dateIn('pl', ms))
    app.update({ locale: 'fr-CA' })
    await until(() => heading(el) === 'Listings Logs & Events')
    await flushPromises()
    expect((await firstRowDate(el)).cell.textContent?.trim()).toBe(dateIn('fr-CA', ms))
    app.update({ locale: 'fr_CA' })
    await flushPromises()
    expect(events.filter((e) => e.type === 'language-change')).toEqual([
      { type: 'language-change', language: 'en_US', formatLocale: 'de-DE', requested: 'de_DE' },
      { type: 'language-change', language: 'pl_PL', formatLocale: 'pl', requested: 'pl' },
      { type: 'language-change', language: 'en_US', formatLocale: 'fr-CA', requested: 'fr-CA' },
    ])
    expect(events.filter((e) => e.type === 'error')).toEqual([])
    app.unmount()
    el.remove()
  })

  it.each([
    ['fr-FR', 'en_US', 'fr-FR'],
    ['de', 'en_US', 'de'],
    ['en-GB', 'en_US', 'en-GB'],
    ['pt_BR', 'en_US', 'pt-BR'],
    ['zh_Hans_CN', 'en_US', 'zh-Hans-CN'],
    ['pl_PL', 'pl_PL', 'pl-PL'],
  ])('mounts with %s: %s texts, %s dates', async (locale, language, formatLocale) => {
    const el = document.createElement('div')
    document.body.appendChild(el)
    const events: AppEvent[] = []
    const app = mount(el, { locale, timeZone: 'UTC', apiBaseUrl: server.apiUrl, onEvent: (e) => events.push(e) })
    expect([app.language, app.formatLocale]).toEqual([language, formatLocale])
    await until(() => heading(el) === (language === 'pl_PL' ? 'Dzienniki ofert' : 'Listings Logs & Events'))
    const { cell, ms } = await firstRowDate(el)
    expect(cell.textContent?.trim()).toBe(dateIn(formatLocale, ms))
    expect(events.find((e) => e.type === 'language-change')).toEqual({
      type: 'language-change',
      language,
      formatLocale,
      requested: locale,
    })
    app.unmount()
    el.remove()
  })

  it('keeps English with US dates when no locale is given', async () => {
    const el = document.createElement('div')
    document.body.appendChild(el)
    const events: AppEvent[] = []
    const app = mount(el, { timeZone: 'UTC', apiBaseUrl: server.apiUrl, onEvent: (e) => events.push(e) })
    expect([app.language, app.formatLocale]).toEqual(['en_US', 'en-US'])
    const { cell, ms } = await firstRowDate(el)
    expect(cell.textContent?.trim()).toBe(dateIn('en-US', ms))
    expect(events.find((e) => e.type === 'language-change')).toEqual({
      type: 'language-change',
      language: 'en_US',
      formatLocale: 'en-US',
      requested: null,
    })
    app.unmount()
    el.remove()
  })
})
