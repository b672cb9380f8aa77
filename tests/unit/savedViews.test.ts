// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { readViews, storageKey, withoutView, withView, writeViews } from '@/logPage/savedViews/savedViews'

beforeEach(() => localStorage.clear())

describe('saved views in localStorage', () => {
  it('keeps one list per host user and per log', () => {
    writeViews('admin-1', 'listing', [{ name: 'Errors', query: { type: '4' } }])
    writeViews('admin-2', 'listing', [{ name: 'Warnings', query: { type: '3' } }])
    expect(readViews('admin-1', 'listing')).toEqual({ ok: true, views: [{ name: 'Errors', query: { type: '4' } }] })
    expect(readViews('admin-2', 'listing').views.map((v) => v.name)).toEqual(['Warnings'])
    expect(readViews('admin-1', 'order')).toEqual({ ok: true, views: [] })
    expect(readViews('', 'listing')).toEqual({ ok: true, views: [] })
    expect(storageKey('', 'order')).toBe('tts-logs:saved-views:v1:default:order')
    expect(storageKey('a:b/c', 'order')).toBe('tts-logs:saved-views:v1:a%3Ab%2Fc:order')
  })

  it('reports unreadable data, and copies it aside before a save replaces it', () => {
    const key = storageKey('u', 'listing')
    localStorage.setItem(key, '[{"name":"ok","query":{"type":"4"}},{"name":5}]')
    expect(readViews('u', 'listing')).toEqual({
      ok: false,
      reason: 'corrupt',
      views: [{ name: 'ok', query: { type: '4' } }],
    })
    for (const bad of ['{not json', '[{"name":"","query":{}}]', '{"name":"x"}', '[{"name":"x","query":{"type":4}}]']) {
      localStorage.setItem(key, bad)
      expect(readViews('u', 'listing')).toEqual({ ok: false, reason: 'corrupt', views: [] })
    }
    writeViews('u', 'listing', [{ name: 'Fresh', query: {} }])
    expect(localStorage.getItem(`${key}:unreadable`)).toBe('[{"name":"x","query":{"type":4}}]')
    expect(readViews('u', 'listing').views).toEqual([{ name: 'Fresh', query: {} }])
  })

  it('replaces a view of the same name whatever its case, and keeps the list sorted', () => {
    let views = withView([], { name: 'Warnings', query: { type: '3' } })
    views = withView(views, { name: ' errors ', query: { type: '4' } })
    views = withView(views, { name: 'WARNINGS', query: { type: '3', unique: '0' } })
    expect(views).toEqual([
      { name: 'errors', query: { type: '4' } },
      { name: 'WARNINGS', query: { type: '3', unique: '0' } },
    ])
    expect(withoutView(views, 'errors').map((v) => v.name)).toEqual(['WARNINGS'])
  })
})
