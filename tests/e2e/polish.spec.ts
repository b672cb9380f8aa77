import { expect, test, type Page } from '@playwright/test'
import elementEn from 'element-plus/es/locale/lang/en'
import enUS from '../../src/locales/en_US.ts'
import plPL from '../../src/locales/pl_PL.ts'

const messages = { en_US: enUS, pl_PL: plPL }
import { at, leaves } from '../unit/messageTree.ts'
import { chooseOptions, waitForComplete, waitForSettled } from './helpers'

const PAGES = [
  ['listing', '/listings/logs'],
  ['order', '/sales/logs'],
  ['synchronization', '/help-center/synchronization-logs'],
] as const

/** Every string leaf of a nested object, with its dotted key. */
const texts = (value: unknown, prefix?: string) =>
  leaves(value, prefix).filter((leaf): leaf is [string, string] => typeof leaf[1] === 'string')

/**
 * The English texts a Polish page must not say: Element Plus's English and ours, as patterns
 * (`{label}` stands for anything), except where our Polish rightly says the same ("Info",
 * "System", "External Change", "TikTok Shop").
 */
const ENGLISH: { key: string; text: string; pattern: RegExp }[] = [
  ...texts(elementEn.el, 'el'),
  ...texts(messages.en_US).filter(([key, text]) => at(messages.pl_PL, key) !== text),
]
  .flatMap(([key, value]) => value.split('|').map((text) => [key, text.trim()] as const))
  .filter(([, text]) => /[a-z]{2}/i.test(text) && !['OK', 'ID: {id}'].includes(text))
  .map(([key, text]) => ({
    key,
    text,
    pattern: new RegExp(
      `^${text
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+')}$`,
      'i',
    ),
  }))

/** What a screen reader reads that is not on screen: aria-label, aria-description, visually hidden text. */
async function screenReaderTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>('.tts-logs *, .tts-logs')) {
      for (const name of ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext']) {
        const value = element.getAttribute(name)
        if (value?.trim()) texts.push(value.trim())
      }
      const style = getComputedStyle(element)
      const hidden =
        (style.clip !== 'auto' && style.clip !== '') ||
        style.clipPath === 'inset(50%)' ||
        (style.position === 'absolute' && style.width === '1px' && style.overflow === 'hidden')
      if (hidden && element.textContent?.trim()) texts.push(element.textContent.trim())
    }
    return texts
  })
}

test.describe('the Polish UI', () => {
  test("uses the merchant guide's words", async ({ page }) => {
    await page.goto('/listings/logs?lang=pl_PL&action=15,25&q=cena')
    await waitForComplete(page)
    const menu = page.getByRole('navigation', { name: 'TikTok Shop' })
    await expect(menu.getByRole('link', { name: 'Dzienniki i wydarzenia' })).toHaveCount(2)
    await expect(page.getByText('Dzienniki i zdarzenia')).toHaveCount(0)
    // Actions 15 and 25 as the guide writes them, and Polish quotes around typed text.
    await expect(page.getByTestId('chip-action')).toHaveText('Działanie: Przejrzyj produkt na kanale, External Change')
    await expect(page.getByTestId('chip-q')).toHaveText('Wiadomość: „cena”')
    // Opened from the keyboard: the box's middle holds the chosen actions' tags and their ×.
    await page.getByLabel('Działanie', { exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('option', { name: 'Przejrzyj produkt na kanale', exact: true })).toBeVisible()
    await expect(page.getByRole('option', { name: 'External Change', exact: true })).toBeVisible()
    await page.keyboard.press('Escape')
    // Natural wordings of the view mode, the numbers checkbox and the run mode.
    await page.locator('.tts-el-select', { has: page.getByLabel('Tryb widoku', { exact: true }) }).click()
    await expect(page.getByRole('option', { name: 'Pojedyncze wpisy' })).toBeVisible()
    await expect(page.getByRole('option', { name: 'Zgrupowane według działań' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('filter-numbers')).toHaveText('Ignoruj różnice w liczbach')

    // Clear All names the log in the genitive: "z dziennika ofert".
    await page.goto('/listings/logs?lang=pl_PL')
    await waitForComplete(page)
    await page.getByTestId('clear-all').click()
    await expect(page.getByTestId('clear-all-dialog')).toContainText(/wpisów \([\d\s\u00a0]+\) z dziennika ofert\./)
    await page.getByRole('button', { name: 'Anuluj' }).click()

    // The sync log's Detailed column and the Details link have different words.
    await page.goto('/help-center/synchronization-logs?lang=pl_PL')
    await waitForComplete(page)
    await expect(page.getByRole('columnheader', { name: 'Opis szczegółowy' })).toBeVisible()
    await expect(
      page
        .getByTestId('log-row')
        .first()
        .getByRole('button', { name: /^Szczegóły/ }),
    ).toBeVisible()
  })

  for (const [kind, path] of PAGES) {
    test(`says nothing in English to a screen reader on the ${kind} log`, async ({ page }) => {
      await page.goto(`${path}?lang=pl_PL`)
      await waitForComplete(page)
      // A multi-select tag (its close button) and the open date picker (its tables and buttons).
      await chooseOptions(page, 'Typ', ['Błąd'])
      await expect(page.locator('.tts-filters__bar .tts-el-select__selected-item .tts-el-tag').first()).toBeVisible()
      await page.locator('.tts-filters__field--date input').first().click()
      await expect(page.locator('.tts-date-range-popper')).toBeVisible()
      const texts = await screenReaderTexts(page)
      expect(texts.length).toBeGreaterThan(20)
      const english = texts.flatMap((text) =>
        ENGLISH.filter(({ pattern }) => pattern.test(text)).map(({ key }) => `${text} (${key})`),
      )
      expect(english).toEqual([])
    })
  }

  test('starts the week on Monday, with day names that fit, and heads the month "listopad 2026"', async ({ page }) => {
    await page.goto('/listings/logs?lang=pl_PL')
    await waitForComplete(page)
    await page.locator('.tts-filters__field--date input').first().click()
    const popper = page.locator('.tts-date-range-popper')
    const header = popper.locator('table.tts-el-date-table').first().locator('th')
    await expect(header.first()).toHaveText('Pn')
    await expect(header.first()).toHaveAttribute('aria-label', 'poniedziałek')
    await expect(header).toHaveText(['Pn', 'Wt', 'Śr', 'Cz', 'Pt', 'So', 'Nd'])
    // Each day name on one line (EP's "niedz." wrapped).
    const lines = await header.evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange()
        range.selectNodeContents(cell)
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
      }),
    )
    expect(lines).toEqual([1, 1, 1, 1, 1, 1, 1])
    // The month first, then the year, as Polish (and English) say it.
    // (Element Plus writes the year first in its own button; on screen the month comes first.)
    const labels = popper
      .locator('.tts-el-date-range-picker__header')
      .first()
      .locator('.tts-el-date-range-picker__header-label')
    await expect(labels).toHaveText([
      /^\s*\d{4}\s*$/,
      /^(styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień)$/,
    ])
    // Measured once the popper's opening transition has ended, both in one call: two calls
    // apart during the transition read two different moments of the zoom (5.67 px apart once).
    await waitForSettled(popper)
    const [year, month] = await labels.evaluateAll((els) =>
      els.map((el) => {
        const { x, y, width } = el.getBoundingClientRect()
        return { x, y, width }
      }),
    )
    if (!year || !month) throw new Error('the picker has no year and month labels')
    expect(month.x + month.width).toBeLessThanOrEqual(year.x)
    expect(Math.abs(month.y - year.y)).toBeLessThan(2)
    const label = popper.locator('.tts-el-date-range-picker__header').first()
    await expect(label).not.toContainText('rok')

    // English keeps Sunday first.
    await page.goto('/listings/logs?lang=en_US')
    await waitForComplete(page)
    await page.locator('.tts-filters__field--date input').first().click()
    await expect(
      page.locator('.tts-date-range-popper table.tts-el-date-table').first().locator('th').first(),
    ).toHaveText('Sun')
  })

  for (const width of [1024, 1440]) {
    test(`the date picker opens rightward from its input, at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 })
      await page.goto('/listings/logs?lang=pl_PL')
      await waitForComplete(page)
      // On a laptop's window the filter panel starts hidden (issue 29): Filtry shows it.
      const toggle = page.getByTestId('filters-toggle')
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click()
      const input = page.locator('.tts-filters__field--date .tts-el-date-editor').first()
      await input.locator('input').first().click()
      const popper = page.locator('.tts-date-range-popper')
      await expect(popper).toBeVisible()
      // Measured where the popper stays, once its opening transition has ended.
      await waitForSettled(popper)
      const inputBox = (await input.boundingBox())!
      const popperBox = (await popper.boundingBox())!
      expect(popperBox.x).toBeGreaterThanOrEqual(inputBox.x - 1)
      expect(popperBox.x + popperBox.width).toBeLessThanOrEqual(width)
      expect(popperBox.y).toBeGreaterThan(inputBox.y)
    })
  }
})
