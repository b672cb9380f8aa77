import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { createRequestGuard } from '@/stores/loader/requests'
import { useVisits } from '@/stores/loader/visits'
import type { LoadStatus } from '@/stores/loader/types'

describe('the loader’s request guard', () => {
  it('lets only the newest request land, and aborts the one it replaces', () => {
    const guard = createRequestGuard()
    const first = guard.start()
    const second = guard.start()
    expect(first.signal.aborted).toBe(true)
    expect(guard.isCurrent(first.request)).toBe(false)
    expect(guard.isCurrent(second.request)).toBe(true)
  })

  it('drops what is in flight when invalidated (a new narrowing, leaving the page)', () => {
    const guard = createRequestGuard()
    const { request, signal } = guard.start()
    guard.invalidate()
    expect(signal.aborted).toBe(true)
    expect(guard.isCurrent(request)).toBe(false)
    expect(guard.settle(request)).toBe(false)
  })

  it('settles the current request without aborting it', () => {
    const guard = createRequestGuard()
    const { request, signal } = guard.start()
    expect(guard.settle(request)).toBe(true)
    guard.invalidate()
    expect(signal.aborted).toBe(false)
  })
})

describe('leaving a log page and coming back', () => {
  function visitsOf(status: LoadStatus, loaded = 0) {
    const state = { status: ref<LoadStatus>(status), loaded: ref(loaded), fetched: 0, changed: 0 }
    const visits = useVisits({
      status: state.status,
      loaded: state.loaded,
      fetchNewer: async () => {
        state.fetched++
        expect(state.status.value).toBe('loading')
      },
      changed: () => state.changed++,
    })
    return { state, visits }
  }

  it('catches up on a log left loaded, saying it is loading meanwhile', async () => {
    const { state, visits } = visitsOf('complete')
    expect(visits.comingBack()).toBeNull()
    visits.left()
    await visits.comingBack()
    expect(state).toMatchObject({ fetched: 1, changed: 1 })
    expect(state.status.value).toBe('complete')
    expect(visits.comingBack()).toBeNull()
  })

  it('resumes a load left half way, then asks for what arrived at the top', async () => {
    const { state, visits } = visitsOf('loading', 1000)
    visits.left()
    expect(state.status.value).toBe('idle')
    state.status.value = 'complete'
    await visits.loadEnded()
    expect(state.fetched).toBe(1)
    expect(visits.loadEnded()).toBeNull()
  })

  it('has nothing to catch up on after a new narrowing', () => {
    const { visits } = visitsOf('complete')
    visits.left()
    visits.reset()
    expect(visits.comingBack()).toBeNull()
  })
})
