import { expect, test, type Page } from '@playwright/test'
import { waitForComplete } from './helpers'

/** What the host demo keeps: the app's events, and what mount() returned. */
type HostWindow = Window & {
  hostDemo: {
    events: Record<string, unknown>[]
    current: { language: string; formatLocale: string; update(options: object): void } | null
  }
  TtsLogs: { mount(el: HTMLElement, options: object): unknown }
}

/**
 * Opens the host demo (the built embed in an imitation admin page), collecting the page's errors:
 * uncaught ones, console errors, and failed responses by URL (but the favicon the browser asks
 * for by itself, which the demo has none of).
 */
async function openHost(page: Page, query: string) {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text())
    }
  })
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      errors.push(`${response.status()} ${response.url()}`)
    }
  })
  await page.goto(`/host-demo.html${query}`)
  return errors
}

const heading = (page: Page) => page.locator('#tab-panel').getByRole('heading', { level: 1 })

const hostState = (page: Page) =>
  page.evaluate(() => {
    const demo = (window as unknown as HostWindow).hostDemo
    return {
      language: demo.current?.language,
      formatLocale: demo.current?.formatLocale,
      languageEvents: demo.events.filter((event) => event.type === 'language-change'),
      errorEvents: demo.events.filter((event) => event.type === 'error'),
    }
  })

/**
 * The first row's date as the page shows it, and that record's date formatted in `tag` by the
 * browser's own Intl (the app's time zone is UTC here: `?tz=UTC`).
 */
async function firstRowDate(page: Page, tag: string) {
  const row = page.getByTestId('log-row').first()
  const id = Number(await row.getAttribute('data-id'))
  const shown = (await row.locator('.tts-grid__cell--createDate').textContent())?.trim()
  const expected = await page.evaluate(
    async ({ id, tag }) => {
      const response = await fetch('/api/v1/logs/listing?limit=200&form_key=host-demo-form-key')
      const { items } = (await response.json()) as { items: { id: number; createDate: string }[] }
      const record = items.find((item) => item.id === id)!
      const format = (locale: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(
          Date.parse(record.createDate),
        )
      return { date: format(tag), english: format('en-US') }
    },
    { id, tag },
  )
  return { shown, ...expected }
}

test.describe('the locale option of the embed', () => {
  test("a German admin's locale mounts: English texts, German dates and numbers, no error", async ({ page }) => {
    const errors = await openHost(page, '?locale=de_DE&tz=UTC')
    await expect(heading(page)).toHaveText('Listings Logs & Events')
    await waitForComplete(page)
    await expect(page.locator('#tab-panel [lang]').first()).toHaveAttribute('lang', 'en')

    const { shown, date, english } = await firstRowDate(page, 'de-DE')
    // "20.11.2026, 14:05:09", where English says "Nov 20, 2026, 2:05:09 PM".
    expect(date).not.toBe(english)
    expect(shown).toBe(date)
    // The status line's numbers are German too: "1.234", not "1,234".
    const total = Number(await page.getByTestId('log-summary').getAttribute('data-total'))
    expect(total).toBeGreaterThanOrEqual(1000)
    await expect(page.getByTestId('log-summary')).toContainText(new Intl.NumberFormat('de-DE').format(total))

    expect(await hostState(page)).toEqual({
      language: 'en_US',
      formatLocale: 'de-DE',
      languageEvents: [{ type: 'language-change', language: 'en_US', formatLocale: 'de-DE', requested: 'de_DE' }],
      errorEvents: [],
    })
    expect(errors).toEqual([])
  })

  for (const [locale, formatLocale] of [
    ['fr-FR', 'fr-FR'],
    ['de', 'de'],
  ] as const) {
    test(`${locale} mounts, in English with its own dates`, async ({ page }) => {
      const errors = await openHost(page, `?locale=${locale}&tz=UTC`)
      await expect(heading(page)).toHaveText('Listings Logs & Events')
      await waitForComplete(page)
      const { shown, date } = await firstRowDate(page, formatLocale)
      expect(shown).toBe(date)
      const state = await hostState(page)
      expect([state.language, state.formatLocale]).toEqual(['en_US', formatLocale])
      expect(state.languageEvents).toEqual([
        { type: 'language-change', language: 'en_US', formatLocale, requested: locale },
      ])
      expect(errors).toEqual([])
    })
  }

  test('pl-PL gives Polish, and update() moves to any other locale', async ({ page }) => {
    const errors = await openHost(page, '?locale=pl-PL&tz=UTC')
    await expect(heading(page)).toHaveText('Dzienniki ofert')
    await waitForComplete(page)
    await expect(page.locator('#tab-panel [lang]').first()).toHaveAttribute('lang', 'pl')
    const polish = await firstRowDate(page, 'pl-PL')
    expect(polish.shown).toBe(polish.date)

    await page.evaluate(() => (window as unknown as HostWindow).hostDemo.current!.update({ locale: 'fr_CA' }))
    await expect(heading(page)).toHaveText('Listings Logs & Events')
    const canadian = await firstRowDate(page, 'fr-CA')
    expect(canadian.shown).toBe(canadian.date)
    expect(await hostState(page)).toEqual({
      language: 'en_US',
      formatLocale: 'fr-CA',
      languageEvents: [
        { type: 'language-change', language: 'pl_PL', formatLocale: 'pl-PL', requested: 'pl-PL' },
        { type: 'language-change', language: 'en_US', formatLocale: 'fr-CA', requested: 'fr_CA' },
      ],
      errorEvents: [],
    })
    expect(errors).toEqual([])
  })

  test('what is not a locale throws at mount, naming the option, and adds nothing', async ({ page }) => {
    await openHost(page, '?autostart=0')
    const attempts = await page.evaluate(() => {
      const host = document.getElementById('tab-panel')!
      const attempt = (locale: unknown) => {
        try {
          ;(window as unknown as HostWindow).TtsLogs.mount(host, { locale })
          return 'mounted'
        } catch (error) {
          return (error as Error).message
        }
      }
      return { number: attempt(42), tag: attempt('xx_YY_ZZ'), empty: attempt(''), left: host.innerHTML }
    })
    expect(attempts).toEqual({
      number: 'tts-logs: option "locale" must be a BCP 47 or Magento locale such as de_DE, fr-CA or pl; got 42',
      tag: 'tts-logs: option "locale" must be a BCP 47 or Magento locale such as de_DE, fr-CA or pl; got "xx_YY_ZZ"',
      empty: 'tts-logs: option "locale" must be a BCP 47 or Magento locale such as de_DE, fr-CA or pl; got ""',
      left: '',
    })
  })
})
