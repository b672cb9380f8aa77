// @vitest-environment jsdom
import { flushPromises } from '@vue/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mount, type AppEvent } from '@/embed'
import { startTestServer, type TestServer } from '../api/testServer.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ listing: 200, order: 100, synchronization: 50 }, { cors: '*' })
})
afterAll(() => server.stop())

async function until(check: () => boolean) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > 10_000) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await flushPromises()
  }
}

const heading = (el: HTMLElement) => el.querySelector('h1')?.textContent?.trim()

describe('the mount API', () => {
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

  it('refuses a locale or time zone it does not have, naming the option, instead of falling back', async () => {
    const el = document.createElement('div')
    expect(() => mount(el, { locale: 'de_DE' })).toThrow(
      'tts-logs: option "locale" must be one of en_US, pl_PL; got "de_DE"',
    )
    expect(() => mount(el, { timeZone: 'Mars/Olympus' })).toThrow(
      'tts-logs: option "timeZone" must be an IANA time zone such as Europe/Warsaw; got "Mars/Olympus"',
    )
    expect(() => mount(el, { timeZone: '' })).toThrow('option "timeZone"')
    expect(el.innerHTML).toBe('')

    // The short and BCP 47 forms of a locale the app has are fine, and so is a real zone.
    document.body.appendChild(el)
    const app = mount(el, { locale: 'pl-PL', timeZone: 'America/Sao_Paulo', apiBaseUrl: server.apiUrl })
    await until(() => heading(el) === 'Dzienniki ofert')
    expect(() => app.update({ locale: 'xx' })).toThrow('option "locale" must be one of en_US, pl_PL; got "xx"')
    expect(() => app.update({ timeZone: 'Europe/Atlantis' })).toThrow('option "timeZone"')
    app.unmount()
    el.remove()
  })
})
