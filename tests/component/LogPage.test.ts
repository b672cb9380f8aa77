// @vitest-environment jsdom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { LogEngine } from '@/engine'
import LogPage from '@/logPage/LogPage.vue'
import { useAppConfigStore } from '@/stores/appConfig'
import { useLogStore } from '@/stores/logStore'
import type { LogKind } from '@/logKinds'
import { startTestServer, type TestServer } from '../api/testServer.ts'
import { mountWithApp, until } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ listing: 1200, order: 400, synchronization: 150 }, { cors: '*', testMode: true })
})
afterAll(() => server.stop())

async function mountPage(kind: LogKind, path: string) {
  const { wrapper, router, pinia } = await mountWithApp(LogPage, {
    props: { kind },
    path,
    config: { apiBaseUrl: server.apiUrl },
  })
  await until(
    () => wrapper.find('[data-complete="true"]').exists() || wrapper.find('[data-testid="load-error"]').exists(),
  )
  return { wrapper, router, pinia }
}

const summary = (wrapper: VueWrapper) => {
  const element = wrapper.get('[data-testid="log-summary"]')
  return {
    shown: Number(element.attributes('data-shown')),
    total: Number(element.attributes('data-total')),
    text: element.text(),
  }
}

async function allRecords(kind: LogKind) {
  const response = await fetch(`${server.apiUrl}/logs/${kind}?limit=10000`)
  return ((await response.json()) as { items: Record<string, unknown>[] }).items
}

describe('LogPage with the real store and backend', () => {
  it('loads the whole log and shows the collapsed count of the unique checkbox', async () => {
    const { wrapper } = await mountPage('listing', '/listings/logs')
    const records = await allRecords('listing')
    const keys = new Set(
      records.map((r, i) => (r.listingProductId === null ? `none-${i}` : `${r.listingProductId}|${r.description}`)),
    )
    expect(summary(wrapper)).toMatchObject({ shown: keys.size, total: 1200 })
    expect(summary(wrapper).text).toBe(`Showing ${keys.size.toLocaleString('en-US')} rows (1,200 of 1,200 records)`)
    expect(wrapper.get('h1').text()).toBe('Listings Logs & Events')
  })

  it('readies the search once the page has settled, once, and not when a search is typed already', async () => {
    const warm = vi.spyOn(LogEngine.prototype, 'warmSearch')
    try {
      const { wrapper } = await mountPage('listing', '/listings/logs')
      await until(() => wrapper.find('[data-settled="true"]').exists() && warm.mock.calls.length > 0)
      // The pass the rows answer: unique on, the chart's hours.
      expect(warm.mock.calls[0]![0]).toMatchObject({ unique: true, filter: {} })
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(warm).toHaveBeenCalledTimes(1)
      wrapper.unmount()
      warm.mockClear()
      const searched = await mountPage('listing', '/listings/logs?q=revised')
      await until(() => searched.wrapper.find('[data-settled="true"]').exists())
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(warm).not.toHaveBeenCalled()
      searched.wrapper.unmount()
    } finally {
      warm.mockRestore()
    }
  })

  it('restores filters from a deep link: errors only, unique off', async () => {
    const { wrapper } = await mountPage('listing', '/listings/logs?type=4&unique=0')
    const errors = (await allRecords('listing')).filter((r) => r.type === 4)
    expect(summary(wrapper).shown).toBe(errors.length)
    const firstRow = wrapper.get('[data-testid="log-row"]')
    expect(firstRow.attributes('data-id')).toBe(String(errors[0]!.id))
  })

  it('says which link values it could not use, and still shows the log', async () => {
    const { wrapper } = await mountPage('order', '/sales/logs?type=banana&from=yesterday&action=13')
    expect(wrapper.get('[data-testid="filter-problems"]').text()).toContain('type=banana (unknown codes)')
    expect(wrapper.get('[data-testid="filter-problems"]').text()).toContain('action=13 (not used on this page)')
    expect(summary(wrapper).total).toBe(400)
  })

  it('keeps saying which values it could not use after it writes the link (a saved view applied)', async () => {
    const { wrapper, router, pinia } = await mountPage('order', '/sales/logs')
    const store = useLogStore('order', pinia)
    // What applying a saved view with an outdated value does.
    store.setViewState({ ...store.viewState, types: [4] }, [{ key: 'action', value: '999', reason: 'notHere' }])
    await until(() => router.currentRoute.value.query.type === '4')
    // The page has seen its own link come back: its route watcher and the render after it ran.
    await flushPromises()
    expect(wrapper.get('[data-testid="filter-problems"]').text()).toContain('action=999 (not used on this page)')
    wrapper.unmount()
  })

  it('charts only the days that hold records when the date filter is wider', async () => {
    const { wrapper } = await mountPage(
      'listing',
      '/listings/logs?from=2000-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z',
    )
    await until(() => wrapper.find('[data-testid="volume-chart"]').exists())
    const records = await allRecords('listing')
    const days =
      (Date.parse(records[0]!.createDate as string) - Date.parse(records[records.length - 1]!.createDate as string)) /
      86_400_000
    expect(Number(wrapper.get('[data-testid="volume-chart"]').attributes('data-buckets'))).toBeLessThanOrEqual(
      Math.ceil(days) + 2,
    )
    wrapper.unmount()
  })

  it('titles a page narrowed to one order and hides the unique checkbox there', async () => {
    const orders = await allRecords('order')
    const order = orders[0]!
    const { wrapper } = await mountPage('order', `/sales/logs?orderId=${order.orderId as number}`)
    expect(wrapper.get('h1').text()).toBe(`Order #${order.ttsOrderId as string} Log`)
    expect(wrapper.find('[data-testid="filter-unique"]').exists()).toBe(false)
    expect(summary(wrapper).total).toBe(orders.filter((r) => r.orderId === order.orderId).length)
  })

  it('renders the load status again for each batch of records, not the whole page', async () => {
    const { wrapper, pinia } = await mountPage('listing', '/listings/logs')
    const store = useLogStore('listing', pinia)
    // The page's own render, counted (Vue reads it from the instance at every render).
    const page = wrapper.vm.$ as unknown as { render: (...args: unknown[]) => unknown }
    const render = page.render
    let pageRenders = 0
    page.render = (...args) => {
      pageRenders++
      return render(...args)
    }
    // What each batch of a load does to the store: more records held, the status line moving.
    store.status = 'loading'
    await flushPromises()
    const rendersBefore = pageRenders
    for (const loaded of [1300, 1400, 1500]) {
      store.loaded = loaded
      await flushPromises()
      expect(wrapper.get('[data-testid="load-progress"]').text()).toContain(loaded.toLocaleString('en-US'))
    }
    expect(pageRenders).toBe(rendersBefore)
    wrapper.unmount()
  })

  it('keeps the records it has when a page fails, says why, and finishes on Retry', async () => {
    await fetch(`${server.apiUrl}/__test/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        faults: [{ path: '/logs/synchronization', method: 'GET', status: 500, after: 0, times: 4 }],
      }),
    })
    const { wrapper } = await mountPage('synchronization', '/help-center/synchronization-logs')
    const alert = wrapper.get('[data-testid="load-error"]')
    expect(alert.text()).toContain('The server had a problem loading the log.')
    await wrapper.get('[data-testid="load-retry"]').trigger('click')
    await until(() => wrapper.find('[data-complete="true"]').exists())
    expect(summary(wrapper).total).toBe(150)
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(false)
  })

  // A slow navigation (on a busy machine, or the app's own guard that waits a task) with its
  // guard before the page's, as the app adds it, or after. From the typing on, the clock is Vitest's
  // (setTimeout only: the network and Vue's updates run as they do), so the typing's pause, the
  // slow guard and the typing during the navigation come in the same order on any machine.
  for (const slowGuard of ['before', 'after'] as const) {
    it(`a link followed while the typing is still to be written goes where it points; Back has the typing (a slow guard ${slowGuard} the page's)`, async () => {
      const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 600))
      const { wrapper, router, pinia } = await mountWithApp(LogPage, {
        props: { kind: 'listing' },
        path: '/listings/logs',
        config: { apiBaseUrl: server.apiUrl },
        routerSetup: (router) => void (slowGuard === 'before' && router.beforeEach(slow)),
      })
      await until(() => wrapper.find('[data-complete="true"]').exists())
      const stopSlow = slowGuard === 'after' ? router.beforeEach(slow) : () => {}
      const events: unknown[] = []
      useAppConfigStore(pinia).configure({ onEvent: (event) => events.push(event) })
      const listingId = String((await allRecords('listing'))[0]!.listingId)
      const input = wrapper.get('input[data-testid="filter-listing"]')
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      try {
        await input.setValue('Aud')
        // Within the 300 ms before the typing is written to the URL, as a listing link does it;
        // the typing goes on while the navigation is under way (the slow guard holds it 600 ms),
        // and its pause ends (at 350 ms) before it lands.
        const followed = router.push({ path: '/listings/logs', query: { listingId } })
        await vi.advanceTimersByTimeAsync(50)
        await input.setValue('Audio')
        await vi.advanceTimersByTimeAsync(600)
        await followed
        stopSlow()
        // Every write the typing could still make is due within its 300 ms pause: it has run.
        await vi.advanceTimersByTimeAsync(1000)
      } finally {
        vi.useRealTimers()
      }
      await flushPromises()
      expect(router.currentRoute.value.query).toEqual({ listingId })
      // What was typed when the page's guard ran is kept: with the slow guard first, the whole word.
      const kept = slowGuard === 'before' ? 'Audio' : 'Aud'
      expect(events).toContainEqual({ type: 'filters-change', view: 'listing', filters: { listing: kept } })
      router.back()
      await until(() => router.currentRoute.value.query.listing === kept)
      expect(router.currentRoute.value.query).toEqual({ listing: kept })
      await until(() => (input.element as HTMLInputElement).value === kept)
      wrapper.unmount()
    })
  }

  it('a navigation that does not happen after the typing was saved leaves the route at the typing', async () => {
    const { wrapper, router } = await mountPage('listing', '/listings/logs')
    const refuse = router.beforeEach(() => false)
    await wrapper.get('input[data-testid="filter-listing"]').setValue('Audio')
    await router.push({ path: '/listings/logs', query: { listingId: '5' } })
    refuse()
    await until(() => router.currentRoute.value.query.listing === 'Audio')
    expect(router.currentRoute.value.fullPath).toBe('/listings/logs?listing=Audio')
    expect(router.options.history.location).toBe('/listings/logs?listing=Audio')
    wrapper.unmount()
  })

  it('Back pressed while the typing is still to be written goes back, and leaves that entry its own URL', async () => {
    const { wrapper, router } = await mountPage('listing', '/listings/logs')
    await router.push({ path: '/listings/logs', query: { type: '4' } })
    await until(() => wrapper.find('[data-complete="true"]').exists())
    // The typing's pause runs on Vitest's clock: it ends when the test says, after Back has landed.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      await wrapper.get('input[data-testid="filter-listing"]').setValue('Audio')
      const landed = new Promise<void>((resolve) => {
        const stop = router.afterEach(() => {
          stop()
          resolve()
        })
      })
      router.back()
      await landed
      expect(router.currentRoute.value.query.type).toBeUndefined()
      // Every write the typing could still make is due within its 300 ms pause: it has run.
      await vi.advanceTimersByTimeAsync(1000)
    } finally {
      vi.useRealTimers()
    }
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/listings/logs')
    expect(router.options.history.location).toBe('/listings/logs')
    wrapper.unmount()
  })

  it('opens the details drawer from detail=<id>, and hides the columns of hide=…', async () => {
    const records = await allRecords('listing')
    const repeated = records.find(
      (r) =>
        r.listingProductId !== null &&
        records.filter((o) => o.listingProductId === r.listingProductId && o.description === r.description).length > 2,
    )!
    const { wrapper, router } = await mountPage(
      'listing',
      `/listings/logs?detail=${String(repeated.id)}&hide=action,initiator`,
    )
    await until(() => document.querySelector('[data-testid="details-occurrences"]') !== null)
    const count = records.filter(
      (o) => o.listingProductId === repeated.listingProductId && o.description === repeated.description,
    ).length
    expect(document.querySelector('[data-testid="details-occurrences"]')!.getAttribute('data-count')).toBe(
      String(count),
    )
    const headers = wrapper.findAll('[role="columnheader"]').map((h) => h.text())
    expect(headers.some((h) => h.startsWith('Action'))).toBe(false)
    expect(headers.some((h) => h.startsWith('Run Mode'))).toBe(false)
    expect(headers.some((h) => h.startsWith('Message'))).toBe(true)
    expect(router.currentRoute.value.query).toMatchObject({ detail: String(repeated.id), hide: 'action,initiator' })
    wrapper.unmount()
  })
})
