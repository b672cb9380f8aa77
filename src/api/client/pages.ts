/**
 * Logs read page by page: one page of records, a page for a whole-log load (the compact columns
 * format when the server has it), and a whole log as pages asked for one ahead.
 */
import type { ColumnsPageBody } from '@/api/columns'
import { toApiError } from '@/api/errors'
import { LogPageSchema, MAX_PAGE_SIZE, type LogKindName, type LogQuery } from '@/api/schemas'
import { columnsBatch, validate, validateRecords } from '@/api/client/batches'
import type { Transport } from '@/api/client/transport'
import type { LogBatch, ValidatedPage } from '@/api/client/types'

export interface PageReader {
  getLogPage<K extends LogKindName>(kind: K, query?: LogQuery, signal?: AbortSignal): Promise<ValidatedPage<K>>
  /**
   * A page for loading a whole log: the compact columns format when the server has it (records
   * stay in columns, ready for the engine), else the rows format. Only the envelope is checked
   * before this returns, so the caller can ask for the next page at once; `read()` then checks
   * every record (a bad page throws a clear ApiError, a bad record is counted and explained, the
   * rest are kept).
   */
  getLogBatch<K extends LogKindName>(kind: K, query?: LogQuery, signal?: AbortSignal): Promise<LogBatch<K>>
  /** The whole log from `query.cursor` on, a page per request, the next asked for at once. */
  pageLog<K extends LogKindName>(kind: K, query: LogQuery, signal: AbortSignal): AsyncGenerator<LogBatch<K>>
}

export function createPageReader(transport: Transport): PageReader {
  async function getLogPage<K extends LogKindName>(
    kind: K,
    query: LogQuery = {},
    signal?: AbortSignal,
  ): Promise<ValidatedPage<K>> {
    const data = await transport.get(`/logs/${kind}`, { params: query, signal })
    const page = validate(LogPageSchema, data, 'a page of log records')
    return {
      ...validateRecords(kind, page.items),
      nextCursor: page.nextCursor,
      totalEstimate: page.totalEstimate ?? null,
    }
  }

  /** Whether the server speaks `format=columns`; turned off for good by the first refusal. */
  let columnsSupported = true

  async function getLogBatch<K extends LogKindName>(
    kind: K,
    query: LogQuery = {},
    signal?: AbortSignal,
  ): Promise<LogBatch<K>> {
    if (columnsSupported) {
      let data: unknown
      try {
        data = await transport.get(`/logs/${kind}`, { params: { ...query, format: 'columns' }, signal })
      } catch (error) {
        const apiError = toApiError(error)
        // A server without the compact format may refuse the unknown key: ask in rows from now on.
        if (apiError.status === 400 && /format/.test(JSON.stringify(apiError.details) + apiError.message)) {
          columnsSupported = false
          return getLogBatch(kind, query, signal)
        }
        throw apiError
      }
      const body = data as Partial<ColumnsPageBody> | null
      if (body && typeof body === 'object' && body.format === 'columns') return columnsBatch(kind, data)
      // It ignored the key and sent rows: take them, and stop asking.
      columnsSupported = false
      const page = validate(LogPageSchema, data, 'a page of log records')
      return {
        nextCursor: page.nextCursor,
        totalEstimate: page.totalEstimate ?? null,
        read() {
          const records = validateRecords(kind, page.items)
          return { ...records, columns: null, accepted: records.items.length }
        },
      }
    }
    const page = await getLogPage(kind, query, signal)
    return {
      nextCursor: page.nextCursor,
      totalEstimate: page.totalEstimate,
      read: () => ({
        columns: null,
        items: page.items,
        accepted: page.items.length,
        rejected: page.rejected,
        rejectedCount: page.rejectedCount,
      }),
    }
  }

  async function* pageLog<K extends LogKindName>(
    kind: K,
    query: LogQuery,
    signal: AbortSignal,
  ): AsyncGenerator<LogBatch<K>> {
    let nextPage: Promise<LogBatch<K>> | null = getLogBatch(kind, query, signal)
    while (nextPage) {
      const page: LogBatch<K> = await nextPage
      // Ask for the next page now: the server works on it while this one goes in.
      nextPage = page.nextCursor
        ? getLogBatch(kind, { ...query, limit: MAX_PAGE_SIZE, cursor: page.nextCursor }, signal)
        : null
      // A failed prefetch is reported when it is awaited, not as an unhandled rejection.
      nextPage?.catch(() => undefined)
      yield page
    }
  }

  return { getLogPage, getLogBatch, pageLog }
}
