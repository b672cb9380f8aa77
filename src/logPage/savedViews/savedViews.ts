/**
 * Saved views, like Magento's grid bookmarks: named sets of filters, sort and visible columns,
 * one list per log and per host user, kept in the browser's localStorage. What is stored is the
 * page's URL query (see viewState.ts), so a view restores exactly as a link would, and a value
 * that no longer makes sense is reported the same way.
 */
import { z } from 'zod/mini'
import { browserStorage, logStorageKey } from '@/app/browserStorage'
import type { LogKind } from '@/logKinds'

export interface SavedView {
  name: string
  query: Record<string, string>
}

export const VIEW_NAME_MAX = 60
/** Enough for any merchant; keeps one log's list well inside localStorage's quota. */
export const VIEWS_MAX = 50

const savedViewSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(VIEW_NAME_MAX)),
  query: z.record(z.string(), z.string().check(z.maxLength(1000))),
})
const savedViewsSchema = z.array(savedViewSchema)

export function storageKey(userKey: string, kind: LogKind): string {
  return logStorageKey('saved-views', userKey, kind)
}

/** `corrupt`: the data is not a list, or some entries are unreadable (the readable ones are kept). */
export type ReadResult =
  { ok: true; views: SavedView[] } | { ok: false; reason: 'unavailable' | 'corrupt'; views: SavedView[] }

/** Reads a log's views. Unreadable data is reported, and left where it is until a save. */
export function readViews(userKey: string, kind: LogKind): ReadResult {
  const store = browserStorage()
  if (!store) return { ok: false, reason: 'unavailable', views: [] }
  let raw: string | null
  try {
    raw = store.getItem(storageKey(userKey, kind))
  } catch {
    return { ok: false, reason: 'unavailable', views: [] }
  }
  if (raw === null) return { ok: true, views: [] }
  const data = safeJson(raw)
  if (!Array.isArray(data)) return { ok: false, reason: 'corrupt', views: [] }
  // One bad entry costs only itself.
  const views: SavedView[] = []
  for (const entry of data) {
    const parsed = savedViewSchema.safeParse(entry)
    if (parsed.success) views.push(parsed.data)
  }
  return views.length === data.length ? { ok: true, views } : { ok: false, reason: 'corrupt', views }
}

/**
 * Writes a log's views. Data that could not be read is first copied aside (`…:unreadable`), so
 * saving never destroys what was there. Throws when the browser refuses to store.
 */
export function writeViews(userKey: string, kind: LogKind, views: SavedView[]): void {
  const store = browserStorage()
  if (!store) throw new Error('localStorage is not available')
  const key = storageKey(userKey, kind)
  const existing = store.getItem(key)
  if (existing !== null && !savedViewsSchema.safeParse(safeJson(existing)).success) {
    store.setItem(`${key}:unreadable`, existing)
  }
  store.setItem(key, JSON.stringify(views))
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Adds a view, or replaces the one of the same name (names compare case-insensitively). */
export function withView(views: SavedView[], view: SavedView): SavedView[] {
  const name = view.name.trim()
  const rest = views.filter((v) => v.name.toLowerCase() !== name.toLowerCase())
  return [...rest, { name, query: view.query }].sort((a, b) => a.name.localeCompare(b.name))
}

export function withoutView(views: SavedView[], name: string): SavedView[] {
  return views.filter((v) => v.name !== name)
}
