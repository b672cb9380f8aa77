// @vitest-environment jsdom
import { flushPromises } from '@vue/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SignJWT } from 'jose'
import AppShell from '@/shell/AppShell.vue'
import { RESOURCES } from '../../server/auth.ts'
import { startApiServer, type RunningApiServer } from '../../server/server.ts'
import { startTestServer, type TestServer } from '../api/testServer.ts'
import { mountWithApp, until } from './helpers'

const SECRET = 'component-secret-of-at-least-thirty-two-bytes'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ listing: 300, order: 100, synchronization: 50 }, { cors: '*' })
})
afterAll(() => server.stop())

async function mountShell(path: string, locale: 'en_US' | 'pl_PL' = 'en_US') {
  const { wrapper, router } = await mountWithApp(AppShell, { path, locale, config: { apiBaseUrl: server.apiUrl } })
  await flushPromises()
  return { wrapper, router }
}

describe('AppShell', () => {
  it('mirrors the TikTok Shop menu: three sections, each with its log', async () => {
    const { wrapper } = await mountShell('/listings/logs')
    const nav = wrapper.get('nav')
    expect(nav.attributes('aria-label')).toBe('TikTok Shop')
    expect(nav.findAll('h2').map((h) => h.text())).toEqual(['Listings', 'Sales', 'Help Center'])
    const links = nav.findAll('a')
    expect(links.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Logs & Events', '/listings/logs'],
      ['Logs & Events', '/sales/logs'],
      ['Synchronization Logs', '/help-center/synchronization-logs'],
      ['Logs Clearing', '/help-center/logs-clearing'],
    ])
  })

  it('marks the current page in the menu and shows its title as the h1', async () => {
    const { wrapper } = await mountShell('/sales/logs')
    expect(wrapper.get('[data-testid="menu-order"]').attributes('aria-current')).toBe('page')
    expect(wrapper.get('[data-testid="menu-listing"]').attributes('aria-current')).toBeUndefined()
    expect(wrapper.get('h1').text()).toBe('Orders Logs & Events')
    expect(wrapper.get('[data-testid="page-help"]').text()).toContain('TikTok Shop orders')
  })

  it('moves to another log when a menu item is clicked', async () => {
    const { wrapper, router } = await mountShell('/listings/logs')
    await wrapper.get('[data-testid="menu-synchronization"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/help-center/synchronization-logs')
    expect(wrapper.get('h1').text()).toBe('Synchronization Logs')
  })

  it('leads / to the listing log', async () => {
    const { wrapper, router } = await mountShell('/')
    expect(router.currentRoute.value.path).toBe('/listings/logs')
    expect(wrapper.get('h1').text()).toBe('Listings Logs & Events')
  })

  it('shows a not-found page with a link back for an unknown path', async () => {
    const { wrapper } = await mountShell('/no/such/page')
    expect(wrapper.get('h1').text()).toBe('Page not found')
    expect(wrapper.text()).toContain('/no/such/page')
    expect(wrapper.get('main a').attributes('href')).toBe('/listings/logs')
  })

  it('speaks Polish when the locale is pl_PL', async () => {
    const { wrapper } = await mountShell('/listings/logs', 'pl_PL')
    expect(wrapper.get('h1').text()).toBe('Dzienniki ofert')
    expect(wrapper.findAll('nav h2').map((h) => h.text())).toEqual(['Oferty', 'Sprzedaż', 'Centrum pomocy'])
  })

  it('takes the language from the lang query param', async () => {
    const { wrapper } = await mountShell('/sales/logs?lang=pl')
    expect(wrapper.get('h1').text()).toBe('Dziennik zamówień')
  })
})

describe("AppShell with the admin's token", () => {
  let secured: RunningApiServer
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tts-logs-shell-auth-'))
    secured = await startApiServer({
      dbFile: join(dir, 'test.sqlite'),
      seed: { listing: 100, order: 50, synchronization: 20 },
      authSecret: Uint8Array.from(Buffer.from(SECRET)),
      cors: '*',
    })
  })
  afterAll(() => secured.close())

  it('leaves out of the menu the logs the token does not allow', async () => {
    const now = Math.floor(Date.now() / 1000)
    const salesOnly = await new SignJWT({ scope: RESOURCES.order })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('clerk-2')
      .setAudience('tts-logs')
      .setExpirationTime(now + 300)
      .sign(Uint8Array.from(Buffer.from(SECRET)))
    const { wrapper } = await mountWithApp(AppShell, {
      path: '/sales/logs',
      config: { apiBaseUrl: `${secured.url}/api/v1`, getToken: () => salesOnly },
    })
    await flushPromises()
    await until(() => !wrapper.find('[data-testid="menu-listing"]').exists())
    expect(wrapper.find('[data-testid="menu-order"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="menu-synchronization"]').exists()).toBe(false)
  })
})
