// @vitest-environment node
import { describe, expectTypeOf, it } from 'vitest'
import type { ValueFilter } from '@/logKinds/columns'
import type { LogViewState } from '@/logKinds/viewState'

describe('the log descriptions', () => {
  it('let a drawer field set only filters the page state has, with their own values', () => {
    // Checked by the type checker (npm run typecheck): ValueFilter is written out apart from the view state.
    expectTypeOf<keyof ValueFilter>().toExtend<keyof LogViewState>()
    expectTypeOf<Required<ValueFilter>>().toExtend<Pick<LogViewState, keyof ValueFilter>>()
  })
})
