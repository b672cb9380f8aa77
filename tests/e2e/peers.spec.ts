import { expect, test, type Page } from '@playwright/test'
import { expectedNew, fetchAll, visitBeforePastMessages, waitForComplete } from './helpers'

// What Sentry, Kibana and Grafana users expect (issue 19), in Chromium, in English and Polish:
// a repeated message's trend, "new since I last looked", highlighted matches, filter for value.

const LANGS = ['en_US', 'pl_PL'] as const
const TEXT = {
  en_US: { newBadge: 'New', message: 'Message', filterFor: /^Filter the log by / },
  pl_PL: { newBadge: 'Nowy', message: 'Wiadomość', filterFor: /^Filtruj dziennik: / },
}
const LISTING_VISIT_KEY = 'tts-logs:last-visit:v1:default:listing'

/** Stores a last visit to the listing log, as the page would have. */
async function rememberVisit(page: Page, at: number) {
  await page.evaluate(({ key, visitedAt }) => localStorage.setItem(key, JSON.stringify({ visitedAt })), {
    key: LISTING_VISIT_KEY,
    visitedAt: new Date(at).toISOString(),
  })
}

async function openLog(page: Page, path: string) {
  await page.goto(path)
  await waitForComplete(page)
  await expect(page.locator('[data-settled="true"]')).toBeVisible()
}

for (const lang of LANGS) {
  test.describe(`in ${lang}`, () => {
    test('a repeated message has a trend of its occurrences, with its numbers in its accessible name', async ({
      page,
      request,
    }) => {
      // Records other tests add on this server (live refresh's, days ahead) each stand alone and
      // can fill the first screen: the page is opened up to the newest repeated message, so that
      // repeated messages are on screen whatever ran before.
      const records = await fetchAll(request, 'listing')
      const key = (r: (typeof records)[number]) => `${r.listingProductId}\u0000${r.description}`
      const occurrences = new Map<string, number>()
      for (const r of records)
        if (r.listingProductId !== null) occurrences.set(key(r), (occurrences.get(key(r)) ?? 0) + 1)
      let newestRepeated = 0
      for (const r of records)
        if (r.listingProductId !== null && occurrences.get(key(r))! > 1)
          newestRepeated = Math.max(newestRepeated, Date.parse(r.createDate))
      await openLog(
        page,
        `/listings/logs?lang=${lang}&to=${encodeURIComponent(new Date(newestRepeated).toISOString())}`,
      )
      const row = page
        .getByTestId('log-row')
        .filter({ has: page.getByTestId('message-trend') })
        .first()
      await expect(row).toBeVisible()
      const count = Number(await row.getAttribute('data-count'))
      expect(count).toBeGreaterThan(1)
      const trend = row.getByTestId('message-trend')
      expect(Number(await trend.getAttribute('data-total'))).toBe(count)

      // The occurrences, from the API: the row's product and message.
      const id = Number(await row.getAttribute('data-id'))
      const shown = records.find((r) => r.id === id)!
      const dates = records
        .filter((r) => r.listingProductId === shown.listingProductId && r.description === shown.description)
        .map((r) => Date.parse(r.createDate))
      expect(dates).toHaveLength(count)
      // Days as the page counts them: the browser's calendar (the admin's time zone), oldest first.
      const label = await page.evaluate(
        ({ dates, lang }) => {
          const tag = lang === 'pl_PL' ? 'pl-PL' : 'en-US'
          const day = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric' })
          const sorted = [...dates].sort((a, b) => a - b)
          const perDay = new Map<string, number>()
          for (const date of sorted) perDay.set(day.format(date), (perDay.get(day.format(date)) ?? 0) + 1)
          let peakDay = ''
          let peak = 0
          for (const [key, n] of perDay) if (n > peak) [peakDay, peak] = [key, n]
          const first = day.format(sorted[0]!)
          const last = day.format(sorted[sorted.length - 1]!)
          return lang === 'pl_PL'
            ? `Trend: ${dates.length} razy, pierwszy raz ${first}, ostatni raz ${last}; najwięcej jednego dnia: ${peak}, ${peakDay}`
            : `Trend: ${dates.length} times, first on ${first}, last on ${last}; at most ${peak} in a day, on ${peakDay}`
        },
        { dates, lang },
      )
      await expect(row.getByRole('img', { name: label, exact: true })).toBeVisible()

      // Only the rows on screen draw one: the grid renders a window of its rows.
      const rendered = await page.getByTestId('log-row').count()
      const shownRows = Number(await page.getByTestId('log-summary').getAttribute('data-shown'))
      expect(rendered).toBeLessThan(shownRows)
      expect(await page.getByTestId('message-trend').count()).toBeLessThanOrEqual(rendered)
    })

    // The visit counts when the merchant leaves the log (English) or after a minute on it (Polish).
    const counts = lang === 'en_US' ? 'on leaving' : 'after a minute'
    test(`messages new since the last visit are marked; new=1 shows only them; the visit counts ${counts}, not on reload`, async ({
      page,
      request,
    }) => {
      const records = await fetchAll(request, 'listing')
      // The last visit: before the ten newest messages first seen in the past.
      const since = visitBeforePastMessages(records)
      const expected = expectedNew(records, since)
      expect(expected.records).toBeGreaterThan(0)
      // The page's timers run on Playwright's clock (time still flows), so a minute passes on demand.
      if (counts === 'after a minute') await page.clock.install()
      // Stored from another page, so that no log page counts a visit meanwhile.
      await page.goto(`/help-center/logs-clearing?lang=${lang}`)
      await rememberVisit(page, since)
      await openLog(page, `/listings/logs?lang=${lang}`)
      const chip = page.getByTestId('new-filter')
      await expect(chip).toHaveAttribute('data-count', String(expected.records))

      await chip.click()
      await expect(page).toHaveURL(/[?&]new=1/)
      await expect(chip).toHaveAttribute('aria-pressed', 'true')
      await expect(page.getByTestId('log-summary')).toHaveAttribute('data-shown', String(expected.rows))
      const rows = page.getByTestId('log-row')
      await expect(rows.first()).toBeVisible()
      const rendered = await rows.count()
      await expect(page.getByTestId('message-new')).toHaveCount(rendered)
      await expect(page.getByTestId('message-new').first()).toHaveText(TEXT[lang].newBadge)
      // The type chips count the new records only.
      let chips = 0
      for (const type of [1, 2, 3, 4])
        chips += Number(await page.getByTestId(`type-count-${type}`).getAttribute('data-count'))
      expect(chips).toBe(expected.records)

      // Reloading to look again keeps the badges: the visit did not count on load.
      await page.reload()
      await waitForComplete(page)
      await expect(page.getByTestId('log-summary')).toHaveAttribute('data-shown', String(expected.rows))
      await expect(page.getByTestId('message-new').first()).toBeVisible()
      const stored = () => page.evaluate((key) => localStorage.getItem(key), LISTING_VISIT_KEY)
      expect(await stored()).toContain(new Date(since).toISOString())

      if (counts === 'on leaving') {
        await page.getByTestId('menu-order').click()
        await waitForComplete(page)
        await page.getByTestId('menu-listing').click()
      } else {
        await page.clock.runFor(61_000)
        await expect.poll(stored).not.toContain(new Date(since).toISOString())
        await page.reload()
      }
      // Coming back, what was new is not any more: new since this visit, it is what came after it.
      await waitForComplete(page)
      const visited = Date.parse((await chip.getAttribute('data-since')) ?? '')
      expect(visited).toBeGreaterThan(since)
      const now = expectedNew(records, visited)
      expect(now.records).toBeLessThan(expected.records)
      await expect(chip).toHaveAttribute('data-count', String(now.records))
      if (!(await chip.getAttribute('aria-pressed'))?.includes('true')) await chip.click()
      await expect(page.getByTestId('log-summary')).toHaveAttribute('data-shown', String(now.rows))
    })

    test('the message filter’s matches are marked in the grid, the Description dialog and the drawer, as text', async ({
      page,
      request,
    }) => {
      const marker = `peers-${lang}`
      // A long message (cut in the grid) with an en dash and markup in it, dated ahead of the seed.
      const description = `Stock sync – failed for ${marker}: TikTok Shop said <b>qty</b> must be a whole number. ${'Check the product’s quantity and its source. '.repeat(5)}`
      const posted = await request.post('/api/v1/logs/listing', {
        data: {
          items: [
            {
              createDate: new Date(Date.now() + 3 * 86_400_000).toISOString(),
              type: 4,
              initiator: 1,
              description,
              accountId: 1,
              shopId: 1,
              listingId: 1,
              listingTitle: 'Highlight test listing',
              productId: 1001,
              productTitle: 'Highlight test product',
              listingProductId: 8_100_000,
              action: 15,
              actionId: 8_100_000,
            },
          ],
        },
      })
      expect(posted.status()).toBe(201)

      // Typed as a merchant types it: a plain hyphen, any case.
      await openLog(page, `/listings/logs?lang=${lang}&q=${encodeURIComponent(`SYNC - failed for ${marker}`)}`)
      const row = page.getByTestId('log-row').first()
      await expect(row.locator('mark')).toHaveText(`sync – failed for ${marker}`)
      await row.getByTestId('message-more').click()
      const dialog = page.getByTestId('message-dialog')
      await expect(dialog.locator('mark')).toHaveText(`sync – failed for ${marker}`)
      await page.keyboard.press('Escape')
      await expect(dialog).toBeHidden()
      await row.getByTestId('row-details').click()
      const drawerMessage = page.getByTestId('details-message')
      await expect(drawerMessage.locator('mark')).toHaveText(`sync – failed for ${marker}`)
      await page.keyboard.press('Escape')
      await expect(drawerMessage).toBeHidden()

      // A fragment of markup is found as text: marked, and no element made of it.
      await page.getByLabel(TEXT[lang].message, { exact: true }).fill(`${marker}: TikTok Shop said <b>q`)
      await expect(row.locator('mark')).toHaveText(`${marker}: TikTok Shop said <b>q`)
      expect(await page.getByTestId('log-grid').locator('b').count()).toBe(0)
    })

    test('filter for value: the drawer adds a record’s product, type or order to the filters, or opens its log', async ({
      page,
    }) => {
      await openLog(page, `/listings/logs?lang=${lang}`)
      const first = page.getByTestId('log-row').first()
      await first.getByTestId('row-details').click()
      const product = page.getByTestId('details-filter-product')
      await expect(product).toHaveAccessibleName(TEXT[lang].filterFor)
      // "Maxi Dress – Red (ID: 1001)", then the controls.
      const productId = /(\d+)\)[^()]*$/.exec(await page.locator('dd[data-field="product"]').innerText())![1]!
      await product.click()
      await expect(page).toHaveURL(new RegExp(`[?&]product=%23${productId}(&|$)`))
      await expect(page.getByTestId('record-drawer').getByTestId('details-fields')).toBeHidden()
      await expect(first).toContainText(productId)

      // The type of the first row, then its product's own log.
      await first.getByTestId('row-details').click()
      await page.getByTestId('details-filter-type').click()
      await expect(page).toHaveURL(/[?&]type=\d(&|$)/)
      await expect(page).toHaveURL(new RegExp(`[?&]product=%23${productId}(&|$)`))
      await first.getByTestId('row-details').click()
      await page.getByTestId('details-open-product').click()
      await expect(page).toHaveURL(/[?&]listingProductId=\d+/)
      await waitForComplete(page)

      // The order log: the TikTok Shop order, then its own log.
      await openLog(page, `/sales/logs?lang=${lang}`)
      await page.getByTestId('log-row').first().getByTestId('row-details').click()
      const order = (await page.locator('dd[data-field="ttsOrder"] a[target="_blank"]').innerText()).trim()
      await page.getByTestId('details-filter-ttsOrder').click()
      await expect(page).toHaveURL(new RegExp(`[?&]ttsOrder=${order}(&|$)`))
      await expect(page.getByTestId('log-row').first()).toContainText(order)
      await page.getByTestId('log-row').first().getByTestId('row-details').click()
      await page.getByTestId('details-open-ttsOrder').click()
      await expect(page).toHaveURL(/[?&]orderId=\d+/)
    })
  })
}
