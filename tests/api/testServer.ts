import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
