/** The audit trail of writes: one JSON line on stdout for each, whatever its outcome. */
import type { LogKindName } from '../../src/api/schemas.ts'
import { AuthError, type Identity } from '../auth.ts'
import { StoreError } from '../store.ts'
import { HttpError } from './http.ts'

/**
 * One JSON line on the server's stdout for every write, done, refused or failed: what was asked
 * for, by whom (`sub`: the admin, once requests carry a token; null until then), how many records,
 * and when. Nothing else is written there as JSON, so a log collector can pick these out.
 */
export interface AuditLine {
  audit: 'clear-all' | 'settings'
  outcome: 'done' | 'refused' | 'failed'
  sub: string | null
  /** The log cleared, or the settings changed. */
  log?: LogKindName
  setting?: 'logs-clearing'
  /** Records deleted (Clear All done). */
  records?: number
  /** The answer's status when not done. */
  status?: number
  time: string
}

function audit(line: Omit<AuditLine, 'time' | 'sub'>, sub: string | null) {
  const entry: AuditLine = { ...line, sub, time: new Date().toISOString() }
  process.stdout.write(`${JSON.stringify(entry)}\n`)
}

/** Runs a write, auditing it whatever its outcome. */
export async function audited<T>(
  identity: Identity,
  line: Omit<AuditLine, 'time' | 'sub' | 'outcome'>,
  write: () => Promise<T>,
  records?: (result: T) => number,
) {
  const sub = identity.sub || null
  try {
    const result = await write()
    audit({ ...line, outcome: 'done', ...(records && { records: records(result) }) }, sub)
    return result
  } catch (error) {
    const status =
      error instanceof HttpError || error instanceof StoreError || error instanceof AuthError ? error.status : 500
    audit({ ...line, outcome: status === 403 ? 'refused' : 'failed', status }, sub)
    throw error
  }
}
