// @vitest-environment jsdom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MessageCell from '@/cells/MessageCell.vue'
import { createAppI18n } from '@/app/i18n'
import { parseDescription } from '@/engine'
import { messageParts } from '@/cells/messageParts'

function cell(description: string, count = 1, type = 1) {
  const message = messageParts(parseDescription(description), 'Details here')
  return mount(MessageCell, { props: { message, count, type }, global: { plugins: [createAppI18n()] } })
}

describe('MessageCell', () => {
  it('renders params, links and line breaks, and nothing else as HTML', () => {
    const wrapper = cell(
      JSON.stringify({
        string: 'Attribute "%a%" is required.\nSee !x_start!the guide!x_end!.',
        params: { a: '<img src=x onerror=alert(1)>' },
        links: ['https://docs.example.com/guide'],
      }),
    )
    const text = wrapper.get('.tts-message__text')
    expect(text.element.querySelectorAll('img')).toHaveLength(0)
    expect(text.text()).toContain('Attribute "<img src=x onerror=alert(1)>" is required.')
    expect(text.findAll('br')).toHaveLength(1)
    const link = text.get('a')
    expect(link.attributes()).toMatchObject({
      href: 'https://docs.example.com/guide',
      target: '_blank',
      rel: 'noopener noreferrer',
    })
    expect(link.text()).toBe('the guide')
  })

  it('cuts a message of 200 characters or more and offers "more"', async () => {
    const wrapper = cell('x'.repeat(250))
    expect(wrapper.get('.tts-message__text').text()).toBe(`${'x'.repeat(200)}…`)
    await wrapper.get('[data-testid="message-more"]').trigger('click')
    expect(wrapper.emitted('more')).toHaveLength(1)
    expect(cell('y'.repeat(199)).find('[data-testid="message-more"]').exists()).toBe(false)
  })

  it('shows the count of a collapsed row after the message, coloured by type', () => {
    const wrapper = cell('Item was Revised.', 7, 4)
    const count = wrapper.get('[data-testid="message-count"]')
    expect(count.text()).toBe('(7)')
    expect(count.classes()).toContain('tts-type--4')
    expect(cell('Item was Revised.', 1).find('[data-testid="message-count"]').exists()).toBe(false)
  })
})
