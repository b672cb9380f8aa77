export { LogEngine, type CodeColumn, type QueryResult } from './LogEngine'
export { parseDescription, safeHref, type MessageSegment, type ParsedMessage } from './message'
export { foldText, matchRanges } from './text'
export * from './types'
