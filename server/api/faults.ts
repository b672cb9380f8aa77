/** Test mode only: faults injected into the next matching requests, and the endpoint that sets them. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { issuesToDetails } from '../../src/api/schemas.ts'
import { readBody, send } from './http.ts'
import type { StreamFault } from './streaming.ts'

/** A fault the test mode injects into the next matching requests. */
export const FaultSchema = z.strictObject({
  /** Applies to requests whose path (after /api/v1) starts with this, e.g. `/logs/listing`. */
  path: z.string().startsWith('/'),
  /** Only requests whose query string contains this, e.g. `listingId=1`. */
  query: z.string().max(200).optional(),
  /** Only GET, POST, ... requests. @default every method */
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).optional(),
  /** Answer with this status and an error body. */
  status: z.int().min(200).max(599).optional(),
  /** Answer 200 with this raw body instead (e.g. an HTML page, broken JSON). */
  rawBody: z.string().max(2_000_000).optional(),
  /** Wait this long before answering (or before the other fault). */
  delayMs: z.int().min(0).max(120_000).optional(),
  /** Destroy the connection without an answer. */
  reset: z.boolean().optional(),
  /**
   * A streamed load (`format=columns-stream`): send this many whole lines, then half of the next
   * (the end line when there are no more), then destroy the connection (a second later).
   */
  dropAfterChunks: z.int().min(0).optional(),
  /** A streamed load: line N (from 0) is sent broken (not JSON); the lines after it are whole. */
  malformedChunk: z.int().min(0).optional(),
  /** A streamed load: wait this long before reading each line after the first (a slow database). */
  lineDelayMs: z.int().min(0).max(60_000).optional(),
  /** Skip this many matching requests before the fault starts. @default 0 */
  after: z.int().min(0).default(0),
  /** How many matching requests get it. @default 1 */
  times: z.int().min(1).max(1_000_000).default(1),
})
export type Fault = z.infer<typeof FaultSchema>
const FaultListSchema = z.strictObject({ faults: z.array(FaultSchema).max(100) })

export interface Faults {
  /** Faults are waiting for requests. */
  readonly pending: boolean
  /**
   * Applies the first matching injected fault: `true` when it answered the request itself, the
   * fault when it changes a streamed answer, else `false`.
   */
  inject(req: IncomingMessage, res: ServerResponse, path: string, search: string): Promise<boolean | StreamFault>
  /** `/__test/faults`: POST sets the faults, DELETE clears them. */
  control(req: IncomingMessage, res: ServerResponse): Promise<void>
}

export function createFaults(corsHeaders: Record<string, string>): Faults {
  let faults: Fault[] = []
  /**
   * Applies the first matching injected fault: `true` when it answered the request itself, the
   * fault when it changes a streamed answer, else `false`.
   */
  async function injectFault(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    search: string,
  ): Promise<boolean | StreamFault> {
    const fault = faults.find(
      (f) =>
        path.startsWith(f.path) && (!f.method || f.method === req.method) && (!f.query || search.includes(f.query)),
    )
    if (!fault) return false
    if (fault.after > 0) {
      fault.after -= 1
      return false
    }
    fault.times -= 1
    if (fault.times <= 0) faults = faults.filter((f) => f !== fault)
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault.reset) {
      req.socket.destroy()
      return true
    }
    if (fault.rawBody !== undefined) {
      res.writeHead(fault.status ?? 200, { 'Content-Type': 'text/html; charset=utf-8', ...corsHeaders })
      res.end(fault.rawBody)
      return true
    }
    if (fault.status !== undefined) {
      send(res, fault.status, { error: `Injected fault ${fault.status}`, details: [] }, corsHeaders)
      return true
    }
    if (fault.dropAfterChunks !== undefined || fault.malformedChunk !== undefined || fault.lineDelayMs !== undefined)
      return fault
    return false
  }

  async function testControl(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'DELETE') {
      faults = []
      return send(res, 200, { faults })
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'Method not allowed', details: [] })
    const parsed = FaultListSchema.safeParse(await readBody(req))
    if (!parsed.success) return send(res, 400, { error: 'Invalid faults', details: issuesToDetails(parsed.error) })
    faults = parsed.data.faults
    send(res, 200, { faults })
  }

  return {
    get pending() {
      return faults.length > 0
    },
    inject: injectFault,
    control: testControl,
  }
}
