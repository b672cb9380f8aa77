import { describe, expect, it } from 'vitest'
import { defaultViewState, serializeViewState, toEngineFilter } from '@/logKinds/viewState'
import { hideableColumns, parseViewState, withView } from '@/logKinds/views/parseViewState'

describe('the page state in the URL', () => {
  it('reads the dashboard link and writes it back the same', () => {
    const query = { type: '4', unique: '1', from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' }
    const { state, problems } = parseViewState('listing', query)
    expect(problems).toEqual([])
    expect(state).toMatchObject({ types: [4], unique: true, from: query.from, to: query.to })
    // unique=1 is the default, so it is left out of the URL.
    expect(serializeViewState(state)).toEqual({ type: '4', from: query.from, to: query.to })
  })

  it('round-trips every key', () => {
    const query = {
      accountId: '2',
      shopId: '3',
      listingId: '4',
      listingProductId: '5001',
      type: '3,4',
      action: '13,15',
      initiator: '1,2',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
      q: 'błąd',
      listing: 'Summer',
      product: '1001',
      unique: '0',
      numbers: '1',
      view: 'grouped',
      sort: 'productTitle:asc',
      hide: 'action,initiator',
      detail: '77',
    }
    const { state, problems } = parseViewState('listing', query)
    expect(problems).toEqual([])
    expect(serializeViewState(state)).toEqual(query)
    expect(toEngineFilter(state)).toMatchObject({
      accountId: 2,
      types: [3, 4],
      actions: [13, 15],
      message: 'błąd',
      product: '1001',
    })
  })

  it('reports what it cannot use, keeps the rest, and never throws', () => {
    const { state, problems } = parseViewState('order', {
      // 100 (Fatal Error) is the synchronization log's; a code outside 0-65535 is no code at all.
      type: '4,100',
      orderId: 'abc',
      unique: 'yes',
      numbers: '2',
      sort: 'listingTitle:asc',
      view: 'grouped',
      listing: 'x',
      q: 'keep me',
    })
    expect(problems.map((p) => `${p.key}:${p.reason}`)).toEqual([
      'orderId:number',
      'type:codes',
      'listing:notHere',
      'unique:flag',
      'numbers:flag',
      'view:notHere',
      'sort:sort',
    ])
    expect(state).toEqual({ ...defaultViewState(), q: 'keep me' })
  })

  it('reads the Problems view, its sorts and a shape drilled into; refuses them where they do not apply', () => {
    const query = { view: 'problems', sort: 'owners:desc', q: 'brand' }
    const { state, problems } = parseViewState('order', query)
    expect(problems).toEqual([])
    expect(serializeViewState(state)).toEqual(query)
    // Sorting by products is the Problems view's alone.
    expect(parseViewState('listing', { sort: 'owners:desc' }).problems.map((p) => p.reason)).toEqual(['sort'])
    const drilled = parseViewState('listing', { shape: '7a6fa54e', numbers: '1' })
    expect(drilled.problems).toEqual([])
    expect(toEngineFilter(drilled.state)).toEqual({ shape: '7a6fa54e' })
    expect(serializeViewState(drilled.state)).toEqual({ shape: '7a6fa54e', numbers: '1' })
    const refused = parseViewState('synchronization', { view: 'problems', shape: '7a6fa54e' }).problems
    expect(refused.map((p) => `${p.key}:${p.reason}`)).toEqual(['view:notHere', 'shape:notHere'])
    const bad = parseViewState('listing', { view: 'issues', shape: '<script>' }).problems
    expect(bad.map((p) => `${p.key}:${p.reason}`)).toEqual(['view:view', 'shape:shape'])
  })

  it('reads one list of hidden columns for every view, each hiding what it shows of it', () => {
    const { state, problems } = parseViewState('listing', { view: 'problems', hide: 'action,problemShops' })
    expect(problems).toEqual([])
    expect(state.hidden).toEqual(['action', 'problemShops'])
    expect(hideableColumns('listing', 'problems')).not.toContain('worstType')
    expect(hideableColumns('listing', 'problems')).toContain('problemShops')
    expect(hideableColumns('synchronization')).not.toContain('problemShops')
  })

  it('keeps a sort the next view can show, and otherwise goes back to newest first', () => {
    const byCount = {
      ...defaultViewState(),
      view: 'problems' as const,
      sort: { field: 'count' as const, direction: 'desc' as const },
    }
    expect(withView('listing', byCount, 'separated').sort).toEqual({ field: 'createDate', direction: 'desc' })
    const byMessage = { ...byCount, sort: { field: 'message' as const, direction: 'asc' as const } }
    expect(withView('listing', byMessage, 'separated').sort).toEqual(byMessage.sort)
    expect(withView('order', byMessage, 'problems').view).toBe('problems')
  })

  it("reads hidden columns in the log's column order, and never hides the message", () => {
    expect(parseViewState('listing', { hide: 'type,action' }).state.hidden).toEqual(['action', 'type'])
    for (const hide of ['message', 'ttsOrder', 'action,bogus']) {
      const { state, problems } = parseViewState('listing', { hide })
      expect(state.hidden).toEqual([])
      expect(problems).toEqual([{ key: 'hide', value: hide, reason: 'columns' }])
    }
    expect(parseViewState('order', { hide: 'magentoOrder' }).state.hidden).toEqual(['magentoOrder'])
  })

  it("reads the details drawer's record id, and reports a bad one", () => {
    expect(parseViewState('order', { detail: '123' }).state.detail).toBe(123)
    for (const detail of ['0', 'x1', '-5', '1e3']) {
      const { state, problems } = parseViewState('order', { detail })
      expect(state.detail).toBeNull()
      expect(problems).toEqual([{ key: 'detail', value: detail, reason: 'number' }])
    }
  })

  it('treats task 100 ("All") as no task filter', () => {
    expect(parseViewState('synchronization', { task: '100' }).state.tasks).toEqual([])
    expect(parseViewState('synchronization', { numbers: '1' }).problems.map((p) => p.key)).toEqual(['numbers'])
  })
})
