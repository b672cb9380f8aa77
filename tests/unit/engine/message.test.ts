import { describe, expect, it } from 'vitest'
import { parseDescription, safeHref } from '@/engine'

describe('parseDescription', () => {
  it('keeps plain text as text, new lines included', () => {
    expect(parseDescription('Line one\nLine <b>two</b>')).toEqual({
      segments: [{ kind: 'text', text: 'Line one\nLine <b>two</b>' }],
      text: 'Line one\nLine <b>two</b>',
    })
  })

  it('fills %params% and turns marked text into links', () => {
    const description = JSON.stringify({
      string: 'Attribute "%attr%" is required. !x_start!How to map it!x_end! Thanks.',
      params: { attr: 'Brand' },
      links: ['https://docs.example.com/attributes'],
    })
    expect(parseDescription(description).segments).toEqual([
      { kind: 'text', text: 'Attribute "Brand" is required. ' },
      { kind: 'link', text: 'How to map it', href: 'https://docs.example.com/attributes' },
      { kind: 'text', text: ' Thanks.' },
    ])
  })

  it('appends links without a marker for the UI to label, and keeps their label out of the text', () => {
    const parsed = parseDescription(JSON.stringify({ string: 'Failed.', params: {}, links: ['https://a.example/x'] }))
    expect(parsed.segments).toEqual([
      { kind: 'text', text: 'Failed.' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: '', href: 'https://a.example/x', detached: true },
    ])
    // The filter searches, and the CSV writes, the message's own words only.
    expect(parsed.text).toBe('Failed.')
  })

  it('never makes a link of javascript:, data: or relative URLs', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/admin',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
    ]) {
      const parsed = parseDescription(JSON.stringify({ string: '!x_start!click!x_end!', params: {}, links: [href] }))
      expect(parsed.segments).toEqual([{ kind: 'text', text: 'click' }])
    }
  })

  it('treats params and link labels as text, never markup', () => {
    const parsed = parseDescription(
      JSON.stringify({ string: '%p%', params: { p: '<img src=x onerror=alert(1)>' }, links: [] }),
    )
    expect(parsed.segments).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }])
  })

  it('shows JSON that is not the message form as it is', () => {
    expect(parseDescription('{"a": 1}').text).toBe('{"a": 1}')
    expect(parseDescription('{broken').text).toBe('{broken')
    expect(parseDescription(JSON.stringify({ string: 'x', params: 'nope', links: 'nope' })).text).toBe('x')
  })

  it('leaves unknown placeholders alone', () => {
    expect(parseDescription(JSON.stringify({ string: '%missing% and %p%', params: { p: 3 } })).text).toBe(
      '%missing% and 3',
    )
  })
})

describe('safeHref', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1')
    expect(safeHref('http://example.com')).toBe('http://example.com/')
    expect(safeHref('ftp://example.com')).toBeNull()
    expect(safeHref('vbscript:x')).toBeNull()
    expect(safeHref(42)).toBeNull()
  })
})
