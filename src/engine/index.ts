export { LogEngine, type QueryResult } from '@/engine/LogEngine'
export { parseDescription, safeHref, DETAILS_LABEL, type MessageSegment, type ParsedMessage } from '@/engine/message'
export { foldText } from '@/engine/text'
export * from '@/engine/types'
