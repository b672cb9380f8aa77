// @vitest-environment jsdom
/**
 * Messages of 200 characters or more are cut at 200 in the grid, with "more" opening the whole
 * message (domain.md). The boundary is held at 199, 200 and 201 characters as the reader counts
 * them: after params are filled in, a line break being one character.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { createAppI18n } from '@/app/i18n'
import { parseDescription, type ParsedMessage } from '@/engine'
import MessageCell from '@/cells/MessageCell.vue'
import { messageNodes, messageParts } from '@/cells/messageParts'

/** `length` characters, the last three telling where the text ends: ...XYZ. */
const textOf = (length: number) => `${'a'.repeat(length - 3)}XYZ`

/** A message as the page gets it: its elements' HTML (as a browser writes it back), and whether it was cut. */
function messageToHtml(parsed: ParsedMessage, detailsLabel: string, cutAt?: number, highlight?: string) {
  const message = messageParts(parsed, detailsLabel, cutAt, highlight)
  const html = mount({ render: () => h('div', messageNodes(message)) }).element.innerHTML
  return { html, cut: message.cut }
}

const gridHtml = (description: string) => messageToHtml(parseDescription(description), 'Details here')

/** What the reader sees of a message in the grid: its text, and how many elements it holds. */
function shown(description: string) {
  const { html, cut } = gridHtml(description)
  const box = document.createElement('div')
  box.innerHTML = html
  return { text: box.textContent, elements: box.querySelectorAll('*').length, cut }
}

describe('cutting long messages in the grid', () => {
  it('shows a message of 199 characters whole, with no "more"', () => {
    expect(gridHtml(textOf(199))).toEqual({ html: textOf(199), cut: false })
  })

  it('cuts a message of exactly 200 characters', () => {
    expect(gridHtml(textOf(200))).toEqual({ html: `${textOf(200)}…`, cut: true })
  })

  it('cuts a message of 201 characters after its 200th', () => {
    expect(gridHtml(textOf(201))).toEqual({ html: `${'a'.repeat(198)}XY…`, cut: true })
  })

  it('counts characters as read, not as escaped HTML', () => {
    const risky = `${'<&>"'.repeat(49)}'<&` // 199 characters, several of them escaped as 4 to 6
    expect(risky).toHaveLength(199)
    expect(shown(risky)).toEqual({ text: risky, elements: 0, cut: false })
    expect(shown(`${risky}>`)).toEqual({ text: `${risky}>…`, elements: 0, cut: true })
    expect(shown(`${risky}>!`)).toEqual({ text: `${risky}>…`, elements: 0, cut: true })
  })

  it('counts a line break as one character', () => {
    const lines = `${'a'.repeat(98)}\n${'b'.repeat(100)}` // 199 characters
    expect(gridHtml(lines)).toEqual({ html: `${'a'.repeat(98)}<br>${'b'.repeat(100)}`, cut: false })
    expect(gridHtml(`${lines}c`).cut).toBe(true)
  })

  it('counts the message with its params filled in, not the stored JSON', () => {
    const stored = (length: number) => JSON.stringify({ string: 'Reason: %why%', params: { why: textOf(length - 8) } })
    expect(stored(199).length).toBeGreaterThan(200)
    expect(gridHtml(stored(199))).toEqual({ html: `Reason: ${textOf(191)}`, cut: false })
    expect(gridHtml(stored(200))).toEqual({ html: `Reason: ${textOf(192)}…`, cut: true })
  })

  it('cuts inside a link label and keeps the link', () => {
    const description = JSON.stringify({
      string: `${'a'.repeat(190)} !x_start!How to map it!x_end!`,
      params: {},
      links: ['https://example.com/help'],
    })
    expect(gridHtml(description)).toEqual({
      html: `${'a'.repeat(190)} <a href="https://example.com/help" target="_blank" rel="noopener noreferrer">How to ma</a>…`,
      cut: true,
    })
  })

  it('shows the whole message when asked not to cut (the Description dialog)', () => {
    expect(messageToHtml(parseDescription(textOf(201)), 'Details here', 0)).toEqual({ html: textOf(201), cut: false })
  })
})

describe('the "more" control of a message cell', () => {
  const cell = (length: number) => {
    const message = messageParts(parseDescription(textOf(length)), 'Details here')
    return mount(MessageCell, { props: { message, count: 1, type: 1 }, global: { plugins: [createAppI18n()] } })
  }

  it.each([
    [199, false],
    [200, true],
    [201, true],
  ])('at %i characters: offered %s', (length, offered) => {
    expect(cell(length).find('[data-testid="message-more"]').exists()).toBe(offered)
  })
})

describe('highlighting the message filter’s matches', () => {
  const render = (description: string, query: string, cutAt = 0) =>
    messageToHtml(parseDescription(description), 'Details here', cutAt, query).html
  /** The elements of the rendered HTML, by tag. */
  const tags = (html: string) => {
    const box = document.createElement('div')
    box.innerHTML = html
    return Array.from(box.querySelectorAll('*'), (el) => el.tagName.toLowerCase())
  }

  it('marks a fragment of markup in a hostile message as text, and creates no element', () => {
    const hostile = `<img src=x onerror="alert('XSS')"><script>alert(1)</script>`
    for (const fragment of ['<img src=x on', 'onerror="alert', '<script>', '\')"><scr', '>alert(1)</']) {
      const html = render(hostile, fragment)
      expect(tags(html)).toEqual(['mark'])
      const box = document.createElement('div')
      box.innerHTML = html
      expect(box.textContent).toBe(hostile)
      expect(box.querySelector('mark')!.textContent!.toLowerCase()).toBe(fragment.toLowerCase())
    }
  })

  it('marks overlapping matches once, and every match', () => {
    expect(render('Item was Revised. Item was Revised.', 'item')).toBe(
      '<mark>Item</mark> was Revised. <mark>Item</mark> was Revised.',
    )
    expect(render('aaaa b aa', 'aa')).toBe('<mark>aaaa</mark> b <mark>aa</mark>')
  })

  it('marks inside a link and across the end of one, keeping the link', () => {
    const description = JSON.stringify({
      string: 'See !a_start!the product page!a_end! for details.',
      params: {},
      links: ['https://example.com/p/1'],
    })
    expect(render(description, 'page for')).toBe(
      'See <a href="https://example.com/p/1" target="_blank" rel="noopener noreferrer">the product <mark>page</mark></a><mark> for</mark> details.',
    )
  })

  it('marks within what the grid shows of a cut message', () => {
    const html = render(`${'x'.repeat(195)}needle and more after the cut`, 'needle', 200)
    expect(html).toBe(`${'x'.repeat(195)}<mark>needl</mark>…`)
  })

  it('keeps the line breaks between marks', () => {
    expect(render('first line\nsecond line', 'line')).toBe('first <mark>line</mark><br>second <mark>line</mark>')
  })
})

describe('links in a message', () => {
  const linked = (href: string) =>
    gridHtml(JSON.stringify({ string: 'See !a_start!the guide!a_end!.', params: {}, links: [href] })).html

  it('links an http(s) address, opening in a new tab', () => {
    expect(linked('https://example.com/guide?a=1&b=2')).toBe(
      'See <a href="https://example.com/guide?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">the guide</a>.',
    )
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '//evil.example',
  ])('shows the label of a link to %s as text, with no link', (href) => {
    expect(linked(href)).toBe('See the guide.')
    // The parser drops such a link; the parts check again, whatever hands them a message.
    const parsed: ParsedMessage = {
      segments: [
        { kind: 'text', text: 'See ' },
        { kind: 'link', text: 'the guide', href },
      ],
      text: 'See the guide',
    }
    expect(messageToHtml(parsed, 'Details here').html).toBe('See the guide')
  })
})

describe('a message kept to one line (a grouped row’s member)', () => {
  it('has its line breaks as spaces, marks and links kept', () => {
    const description = JSON.stringify({
      string: 'Product was not Revised.\nReason: !a_start!the guide!a_end! says no.\r\nWhat to do: wait.',
      params: {},
      links: ['https://example.com/guide'],
    })
    const message = messageParts(parseDescription(description), 'Details here', 0, 'reason')
    const html = mount({ render: () => h('div', messageNodes(message, false)) }).element.innerHTML
    expect(html).toBe(
      'Product was not Revised. <mark>Reason</mark>: <a href="https://example.com/guide" target="_blank" rel="noopener noreferrer">the guide</a> says no. What to do: wait.',
    )
  })
})
