// @vitest-environment node
/** Parts of the log store, run without Pinia: each is given only what its options declare. */
import { describe, expect, it, vi } from 'vitest'
import { markRaw, ref, shallowRef, watch } from 'vue'
import type { Meta } from '@/api/schemas'
import { LogEngine } from '@/engine'
import { defaultViewState, type LogViewState } from '@/logKinds/viewState'
import { afterPaint } from '@/stores/loader/frames'
import { useLogResult } from '@/stores/log/logResult'
import { useClearAll } from '@/stores/log/clearAll'
import { useEngineRefresh } from '@/stores/log/engineRefresh'
import { useLogAccess, type AccessMeta } from '@/stores/log/logAccess'
import { listingRecord } from '../fixtures/records'

describe('whether the admin’s token allows a log', () => {
  function metaOf(access: Meta['access'], errorKind?: 'forbidden') {
    const meta = {
      loads: 0,
      meta: null as AccessMeta['meta'],
      error: null as AccessMeta['error'],
      async load() {
        meta.loads++
        meta.meta = { access }
        if (errorKind) meta.error = { kind: errorKind }
      },
    }
    return meta
  }
  const withToken = { config: { getToken: () => 'token' } }
  const access = { listing: false, order: true, synchronization: true, settings: false }

  it('asks nothing of meta when the host gives no token', async () => {
    const meta = metaOf(access)
    const { allowed, noAccess } = useLogAccess('listing', { config: { getToken: null } }, meta)
    expect(await allowed()).toBe(true)
    expect(meta.loads).toBe(0)
    expect(noAccess.value).toBe(false)
  })

  it('refuses a log the token does not allow, or when meta itself is forbidden', async () => {
    const listing = useLogAccess('listing', withToken, metaOf(access))
    expect(await listing.allowed()).toBe(false)
    expect(listing.noAccess.value).toBe(true)
    expect(await useLogAccess('order', withToken, metaOf(access)).allowed()).toBe(true)
    expect(await useLogAccess('order', withToken, metaOf(undefined, 'forbidden')).allowed()).toBe(false)
  })
})

describe('Clear All', () => {
  function clearAllOf(kind: 'listing' | 'order') {
    const calls: string[] = []
    const part = useClearAll({
      kind,
      config: {
        client: {
          clearLog: async (cleared) => {
            calls.push(`clearLog ${cleared}`)
            return 42
          },
        },
      },
      metaStore: { refresh: async () => void calls.push('meta') },
      forget: () => void calls.push('forget'),
      reload: async () => void calls.push('reload'),
    })
    return { calls, part }
  }

  it('deletes the log, forgets its shape, reads meta again and loads the empty log', async () => {
    const { calls, part } = clearAllOf('listing')
    const clearing = part.clearAll()
    expect(part.clearing.value).toBe(true)
    // One at a time: a second click while the first is under way deletes nothing.
    expect(await part.clearAll()).toBe(0)
    expect(await clearing).toBe(42)
    expect(calls).toEqual(['clearLog listing', 'forget', 'meta', 'reload'])
    expect(part.clearing.value).toBe(false)
  })

  it('refuses the order log, which cannot be cleared, without asking the server', async () => {
    const { calls, part } = clearAllOf('order')
    await expect(part.clearAll()).rejects.toThrow('the order log cannot be cleared')
    expect(calls).toEqual([])
  })
})

describe('the query while the merchant types', () => {
  function resultOf(loadingAtFirst = true) {
    let loading = loadingAtFirst
    const engine = new LogEngine('listing')
    engine.append(
      ['Item was Revised.', 'Price was changed.', 'Item was Listed.'].map((description, i) =>
        listingRecord({ id: i + 1, description, listingProductId: 5001 + i }),
      ),
    )
    const query = vi.spyOn(engine, 'query')
    const viewState = ref<LogViewState>(defaultViewState())
    const held = shallowRef(markRaw(engine))
    const part = useLogResult({
      held,
      viewState,
      markedSince: ref(null),
      histogramRequest: () => undefined,
      loading: () => loading,
    })
    return {
      part,
      viewState,
      query,
      type: (q: string) => (viewState.value = { ...viewState.value, q }),
      loaded: () => (loading = false),
    }
  }

  it('while the log loads, a keystroke in a text filter reaches the query after the next frame; keys typed before it make one query', async () => {
    const { part, viewState, query, type } = resultOf()
    expect(part.result.value.shown).toBe(3)
    query.mockClear()
    type('I')
    // The views' refresh holds off until then: it would query the old filter.
    expect(part.typingPending()).toBe(true)
    type('It')
    type('Item')
    // The key's own task does no query: the rows answer what was there before.
    expect(part.result.value.shown).toBe(3)
    expect(part.queried.value.q).toBe('')
    expect(query).not.toHaveBeenCalled()
    await afterPaint()
    expect(part.queried.value).toBe(viewState.value)
    expect(part.result.value.shown).toBe(2)
    // One query for the three keys.
    expect(query).toHaveBeenCalledTimes(1)
    expect(part.typingPending()).toBe(false)
  })

  it('typing that waits for its frame is applied then, even if the load ended meanwhile', async () => {
    const { part, viewState, type, loaded } = resultOf()
    type('Item')
    loaded()
    expect(part.result.value.shown).toBe(3)
    await afterPaint()
    expect(part.queried.value).toBe(viewState.value)
    expect(part.result.value.shown).toBe(2)
  })

  it('once the log is loaded, a keystroke reaches the query at once', () => {
    const { part, viewState, type } = resultOf(false)
    type('Item')
    expect(part.queried.value).toBe(viewState.value)
    expect(part.result.value.shown).toBe(2)
  })

  it('any other change reaches the query at once, with what was typed', () => {
    const { part, viewState, type } = resultOf()
    type('Item')
    viewState.value = { ...viewState.value, unique: false }
    expect(part.queried.value).toBe(viewState.value)
    expect(part.result.value.shown).toBe(2)
  })
})

describe('the views’ refresh while records stream in', () => {
  it('holds off while typing waits for its query, but not when the load asks for it', () => {
    let typing = true
    const refresh = useEngineRefresh('listing', () => typing)
    let renders = 0
    watch(refresh.held, () => renders++, { flush: 'sync' })
    refresh.changed(false)
    expect(renders).toBe(0)
    typing = false
    refresh.changed(false)
    expect(renders).toBe(1)
    // The load's own refreshes (its first rows, its end) are forced.
    typing = true
    refresh.changed(true)
    expect(renders).toBe(2)
  })
})
