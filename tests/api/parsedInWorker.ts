/**
 * Imported first by a test file that runs another suite again with the stream parsed in a worker
 * (streamInWorker.test.ts, logLoaderInWorker.test.ts): `Worker` is the in-process one, which runs
 * the worker's own code, and the file fails unless lines were parsed in it.
 */
import { afterAll, expect, vi } from 'vitest'
import { InProcessWorker } from '../unit/inProcessWorker.ts'

vi.stubGlobal(
  'Worker',
  class extends InProcessWorker {
    constructor() {
      super()
    }
  },
)

afterAll(() => {
  vi.unstubAllGlobals()
  expect(InProcessWorker.linesParsed).toBeGreaterThan(0)
})
