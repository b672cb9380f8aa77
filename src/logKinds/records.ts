import type { EngineRecordByKind } from '@/engine'

/** A record of one log, as the page holds it (the engine's record of that log). */
export type LogRecordOf<K extends keyof EngineRecordByKind> = EngineRecordByKind[K]

/**
 * A record of some log: what the page's parts hold without knowing which log. They read it only
 * through its log's description (`narrowedTitle`, `detailText`, `runKey`, `ownerOf`, the columns),
 * never by field name.
 */
export type LogRecord = LogRecordOf<keyof EngineRecordByKind>
