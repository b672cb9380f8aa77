import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ApiError } from '@/api/errors'
import type { Fault } from '../../server/api.ts'
import { startApiServer, type RunningApiServer } from '../../server/server.ts'
import type { SeedCounts } from '../../server/db.ts'

/** The seed's newest record time: this hour, so Logs Clearing at start removes nothing. */
export const SEED_NOW = Math.floor(Date.now() / 3_600_000) * 3_600_000

export interface TestServer extends RunningApiServer {
  apiUrl: string
  stop(): Promise<void>
}

/** The real preview backend on a random port and a temporary database. */
export async function startTestServer(
  seed: SeedCounts = { listing: 3000, order: 800, synchronization: 300 },
  options: { testMode?: boolean; cors?: string; formKey?: string } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tts-logs-api-'))
  const server = await startApiServer({
    dbFile: join(dir, 'test.sqlite'),
    seed,
    now: SEED_NOW,
    testMode: options.testMode,
    cors: options.cors,
    formKey: options.formKey,
  })
  return {
    ...server,
    apiUrl: `${server.url}/api/v1`,
    stop: async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Arms the test-mode server's fault injection (`POST /__test/faults`) for the next requests. */
export async function injectFaults(server: TestServer, ...faults: Partial<Fault>[]): Promise<void> {
  const response = await fetch(`${server.apiUrl}/__test/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ faults }),
  })
  if (response.status !== 200) throw new Error(`the server refused the faults: HTTP ${response.status}`)
}

/** The ApiError a call fails with; throws when it succeeds or fails otherwise. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw new Error(`expected an ApiError, got ${String(error)}`, { cause: error })
  }
  throw new Error('expected the call to fail')
}
