// The boxes that hold the form controls' places until Element Plus's code loads after the first
// rows (src/app/deferredUi.ts): each is the control's own element tree, with its classes, so the
// control looks the same and takes the same place when it arrives (tests/e2e/firstRequest.spec.ts
// measures that in Chromium, the select's box included: its tree is simpler than the select's).
// And the box does nothing: it is inert.
import { flushPromises, mount } from '@vue/test-utils'
import { ElAlert, ElButton, ElProgress, provideGlobalConfig } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref, type Component } from 'vue'
import { elementParts } from '@/app/deferredUi'
import { ELEMENT_NAMESPACE } from '@/app/elementNamespace'
import { createAppI18n } from '@/app/i18n'
import LiteAlert from '@/app/LiteAlert.vue'
import LiteButton from '@/app/LiteButton.vue'
import LiteProgress from '@/app/LiteProgress.vue'
import LazyCheckbox from '@/app/LazyCheckbox.vue'
import LazyInput from '@/app/LazyInput.vue'
import LazySelect from '@/app/LazySelect.vue'
import LazyTag from '@/app/LazyTag.vue'
import { loadLocale } from '@/locales'
import { elementApp } from './helpers'

const loaded = elementParts.value
afterEach(() => {
  elementParts.value = loaded
})

/** An element's tree: tag and classes, children in order (what CSS lays out). */
function shape(element: Element): string {
  const classes = [...element.classList].filter((name) => name !== 'is-focus').sort()
  const children = [...element.children].map(shape).join('')
  return `<${element.tagName.toLowerCase()}${classes.length ? `.${classes.join('.')}` : ''}>${children}</>`
}

function render(component: Component, props: Record<string, unknown>, text?: string) {
  const wrapper = mount(component, {
    props,
    slots: text === undefined ? {} : { default: () => text },
    global: {
      // The app's i18n (the controls take Element Plus's texts in its language: elementScope.ts),
      // and the namespace at the root for Element Plus's own components, compared below.
      plugins: [
        createAppI18n('en_US'),
        { install: (app) => void provideGlobalConfig({ namespace: ELEMENT_NAMESPACE }, app, true) },
      ],
      // el-alert's own <Transition>, as the page renders it (test-utils stubs it otherwise).
      stubs: { transition: false },
    },
  })
  const element = wrapper.element as HTMLElement
  const result = { shape: shape(element), text: element.textContent?.trim(), element }
  return { ...result, unmount: () => wrapper.unmount() }
}

/** The control and its box for the same props. */
function both(component: Component, props: Record<string, unknown>, text?: string) {
  const real = render(component, props, text)
  elementParts.value = null
  const box = render(component, props, text)
  elementParts.value = loaded
  return { real, box }
}

const VARIANTS: [string, Component, Record<string, unknown>, string?][] = [
  ['a ticked checkbox', LazyCheckbox, { modelValue: true }, 'Only unique'],
  ['an unticked, disabled checkbox', LazyCheckbox, { modelValue: false, disabled: true }, 'Numbers as equal'],
  ['an empty clearable input', LazyInput, { modelValue: '', clearable: true, placeholder: 'Message' }],
  ['a small input with a value', LazyInput, { modelValue: 'revised', size: 'small' }],
  ['a closable info tag', LazyTag, { type: 'info', closable: true, disableTransitions: true }, 'Type: Error'],
  ['a large info tag', LazyTag, { type: 'info', size: 'large', disableTransitions: true }, 'Read-only'],
]

describe('the box of a control that is still loading', () => {
  it.each(VARIANTS)('is %s’s element tree, with its classes and text', (_, component, props, text) => {
    const { real, box } = both(component, props, text)
    // A line per closing tag: a difference reads as a diff of lines.
    expect(box.shape.replaceAll('</>', '</>\n')).toBe(real.shape.replaceAll('</>', '</>\n'))
    expect(box.text).toBe(real.text)
    real.unmount()
    box.unmount()
  })

  it('shows an input’s value, and takes neither focus nor typing (inert, hidden from assistive technology)', async () => {
    const { real, box } = both(LazyInput, { modelValue: 'revised', id: 'message' })
    await flushPromises()
    expect(box.element.querySelector('input')!.value).toBe('revised')
    expect(box.element.hasAttribute('inert')).toBe(true)
    expect(box.element.getAttribute('aria-hidden')).toBe('true')
    // The label's id is the real input's only: a label never names the box.
    expect(box.element.querySelector('#message')).toBeNull()
    expect(real.element.querySelector('#message')).not.toBeNull()
    real.unmount()
    box.unmount()
  })

  it('becomes the control, with its listeners, once Element Plus has loaded', async () => {
    elementParts.value = null
    const values: boolean[] = []
    const wrapper = mount(
      {
        render: () =>
          h(
            LazyCheckbox,
            {
              modelValue: false,
              'data-testid': 'unique',
              'onUpdate:modelValue': (value: boolean) => values.push(value),
            },
            () => 'Only unique',
          ),
      },
      {
        global: {
          // As in the app: its i18n, and no Element Plus configuration at the root (the control
          // brings its own: elementScope.ts).
          plugins: [createAppI18n('en_US')],
        },
      },
    )
    expect(wrapper.find('[data-testid="unique"]').exists()).toBe(false)
    elementParts.value = loaded
    await wrapper.vm.$nextTick()
    await wrapper.find('[data-testid="unique"] input').setValue(true)
    expect(values).toEqual([true])
    wrapper.unmount()
  })
})

describe('a loaded control under the app alone', () => {
  // No Element Plus configuration but what the app registers, as createLogsApp does: the control
  // gets the app's namespace, ids and language from it (src/app/elementScope.ts).
  it.each([
    ['en_US', 'Select'],
    ['pl_PL', 'Wybierz'],
  ] as const)('has the app’s namespace, ids and Element Plus’s texts in %s', async (locale, placeholder) => {
    await loadLocale(locale)
    const i18n = createAppI18n(locale)
    const wrapper = mount(LazySelect, {
      props: { modelValue: null, options: [{ value: 1, label: 'One' }] },
      attachTo: document.body,
      global: {
        plugins: [i18n, elementApp(i18n, 7321)],
      },
    })
    await flushPromises()
    const root = wrapper.element as HTMLElement
    expect(root.classList.contains(`${ELEMENT_NAMESPACE}-select`)).toBe(true)
    expect(root.querySelector('[class^="el-"]')).toBeNull()
    expect(root.querySelector('input')!.id).toMatch(new RegExp(`^${ELEMENT_NAMESPACE}-id-7321-\\d+$`))
    expect(root.querySelector(`.${ELEMENT_NAMESPACE}-select__placeholder`)!.textContent!.trim()).toBe(placeholder)
    wrapper.unmount()
  })

  it('gets them from a lazily loaded part set up before the controls’ code, once for the whole app', async () => {
    // The app's modules as a page has them before any of Element Plus's code has arrived (the
    // tests' setup loads the controls at once): the date filter, a dialog or the drawer may come
    // first, and gives the app the configuration.
    vi.resetModules()
    const { registerElementApp } = await import('@/app/elementApps')
    const { provideElementContext } = await import('@/app/elementScope')
    const { ELEMENT_IDS } = await import('@/app/elementNamespace')
    const { createAppI18n } = await import('@/app/i18n')
    const { ElTag } = await import('element-plus')
    const i18n = createAppI18n('en_US')
    const Part = defineComponent({
      setup() {
        provideElementContext()
        return () => h(ElTag, { disableTransitions: true }, () => 'part')
      },
    })
    const Later = defineComponent({ setup: () => () => h(ElTag, { disableTransitions: true }, () => 'later') })
    const shown = ref(false)
    const wrapper = mount(() => [h(Part), shown.value ? h(Later) : null], {
      attachTo: document.body,
      global: {
        plugins: [
          i18n,
          {
            install: (app) => {
              const ids = { prefix: 7322, current: 0 }
              app.provide(ELEMENT_IDS, ids)
              app.onUnmount(registerElementApp({ app, locale: i18n.global.locale, ids }))
            },
          },
        ],
      },
    })
    const tags = () => [...document.querySelectorAll(`.${ELEMENT_NAMESPACE}-tag`)].map((tag) => tag.textContent!.trim())
    expect(tags()).toEqual(['part'])
    // Anything of Element Plus's set up after it, anywhere in the app, has it too.
    shown.value = true
    await flushPromises()
    expect(tags()).toEqual(['part', 'later'])
    expect(document.querySelector('[class^="el-"]')).toBeNull()
    wrapper.unmount()
  })
})

describe('the page’s buttons', () => {
  it.each([
    ['a button', {}, 'Reset'],
    ['a small primary button', { type: 'primary', size: 'small' }, 'Retry'],
    ['a small round primary button', { type: 'primary', size: 'small', round: true }, '3 new'],
    ['a plain danger button, disabled', { type: 'danger', plain: true, disabled: true }, 'Clear All'],
    ['a small primary submit button', { type: 'primary', size: 'small', nativeType: 'submit' }, 'Save'],
  ])('are %s as el-button renders it, without its code', (_, props, text) => {
    const real = render(ElButton, props, text)
    const lite = render(LiteButton, props, text)
    expect(lite.shape).toBe(real.shape)
    expect(lite.text).toBe(real.text)
    for (const name of ['type', 'disabled', 'aria-disabled'])
      expect(lite.element.getAttribute(name), name).toBe(real.element.getAttribute(name))
    real.unmount()
    lite.unmount()
  })
})

describe('the page’s notices and progress bars', () => {
  it.each([
    [
      'an error with a description',
      LiteAlert,
      ElAlert,
      { type: 'error', title: 'Failed', showIcon: true, closable: false },
      'Why',
    ],
    ['an info notice', LiteAlert, ElAlert, { type: 'info', title: 'No access', showIcon: true, closable: false }],
    ['a warning', LiteAlert, ElAlert, { type: 'warning', title: 'Rejected', showIcon: true, closable: false }, 'List'],
    ['a bar without its text', LiteProgress, ElProgress, { percentage: 42, strokeWidth: 6, showText: false }],
    ['a bar with its text', LiteProgress, ElProgress, { percentage: 7, strokeWidth: 6 }],
  ])('are %s as Element Plus renders it, without its code', (_, lite, real, props, text?: string) => {
    const ours = render(lite, props, text)
    const theirs = render(real, props, text)
    expect(ours.shape).toBe(theirs.shape)
    expect(ours.text).toBe(theirs.text)
    for (const name of ['role', 'aria-valuenow', 'aria-valuemin', 'aria-valuemax', 'style'])
      expect(ours.element.getAttribute(name), name).toBe(theirs.element.getAttribute(name))
    const styles = (element: Element) => [...element.querySelectorAll('[style]')].map((e) => e.getAttribute('style'))
    expect(styles(ours.element)).toEqual(styles(theirs.element))
    ours.unmount()
    theirs.unmount()
  })
})
