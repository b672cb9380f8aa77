// @vitest-environment node
/** Parts of the log store, run without Pinia: each is given only what its options declare. */
import { describe, expect, it, vi } from 'vitest'
import { markRaw, ref, shallowRef, watch } from 'vue'
import type { Meta } from '@/api/schemas'
import { LogEngine } from '@/engine'
import { defaultViewState, type LogViewState } from '@/logKinds/viewState'
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

describe('the query', () => {
  it('answers each change of the view state at once: a keystroke that reaches it has been painted already (TextFilter)', () => {
    const engine = new LogEngine('listing')
    engine.append(
      ['Item was Revised.', 'Price was changed.', 'Item was Listed.'].map((description, i) =>
        listingRecord({ id: i + 1, description, listingProductId: 5001 + i }),
      ),
    )
    const query = vi.spyOn(engine, 'query')
    const viewState = ref<LogViewState>(defaultViewState())
    const part = useLogResult({
      held: shallowRef(markRaw(engine)),
      viewState,
      markedSince: ref(null),
      histogramRequest: () => undefined,
    })
    expect(part.result.value.shown).toBe(3)
    viewState.value = { ...viewState.value, q: 'Item' }
    expect(part.result.value.shown).toBe(2)
    viewState.value = { ...viewState.value, unique: false }
    expect(part.result.value.shown).toBe(2)
    expect(query).toHaveBeenCalledTimes(3)
  })
})

describe('the views’ refresh while records stream in', () => {
  it('renders at most once in a while, but at once when the load asks for it', () => {
    const refresh = useEngineRefresh('listing')
    let renders = 0
    watch(refresh.held, () => renders++, { flush: 'sync' })
    refresh.changed(false)
    expect(renders).toBe(1)
    // Within the throttle: the records went in, the views wait for the next moment.
    refresh.changed(false)
    expect(renders).toBe(1)
    // The load's own refreshes (its first rows, its end) are forced.
    refresh.changed(true)
    expect(renders).toBe(2)
  })
})
