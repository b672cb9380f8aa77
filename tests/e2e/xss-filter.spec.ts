import { expect, test } from '@playwright/test'
import { XSS_PAYLOADS } from './fixtures/xssPayloads'
import { waitForComplete } from './helpers'
import {
  GROUP_SIZE,
  expectOnlySafeMarkup,
  expectSafeDrawer,
  guard,
  payloadsHadTheirTurn,
  scrollGridTo,
  scrollThrough,
  seedHostileRecords,
  type HostileRange,
} from './xssCorpus'

// The XSS corpus (xssCorpus.ts) in the grouped view, and as fragments in the message filter.
let range: HostileRange
test.beforeAll(async ({ request }) => {
  range = await seedHostileRecords(request)
})

test('hostile messages in the grouped view of the listing log, its members and their dialog run nothing', async ({
  page,
}) => {
  const executed = await guard(page)
  await page.goto(
    `/listings/logs?view=grouped&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`,
  )
  await waitForComplete(page)
  await scrollThrough(page)
  await expectOnlySafeMarkup(page.getByTestId('log-grid'))

  // The group of one product's action run is the newest row: its members, listed in the row,
  // then every one of them, whole, in the dialog, then its drawer.
  await scrollGridTo(page.getByTestId('log-grid'), 0)
  const group = page.getByTestId('log-row').first()
  await expect(group).toHaveAttribute('data-count', String(GROUP_SIZE))
  await expectOnlySafeMarkup(group)
  await group.getByRole('button', { name: `Show all ${GROUP_SIZE} messages of this action` }).click()
  const dialog = page.getByRole('dialog', { name: 'Description' })
  await expect(dialog.getByRole('listitem')).toHaveCount(GROUP_SIZE)
  await expectOnlySafeMarkup(dialog)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await group.getByTestId('row-details').click()
  await expectSafeDrawer(page, await group.getAttribute('data-id'))

  // A payload could run late (an image's error, an animation): once it has had its turn, nothing ran.
  await payloadsHadTheirTurn(page)
  expect(executed).toEqual({ dialogs: [], beacons: [], markers: [] })
})

test('with the message filter set to fragments of each payload, the marks are text: no element is made and nothing runs', async ({
  page,
}) => {
  const executed = await guard(page)
  await page.goto(`/listings/logs?unique=0&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`)
  await waitForComplete(page)
  const input = page.getByLabel('Message', { exact: true })
  const grid = page.getByTestId('log-grid')
  let marked = 0
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    // The start of the payload (its opening markup), or a piece from its middle (an attribute, a quote).
    const third = Math.floor(payload.length / 3)
    const fragment = (i % 2 === 0 ? payload.slice(0, 14) : payload.slice(third, third + 14)).trim()
    if (!fragment) continue
    await input.fill(fragment)
    // The rows, filtered and marked, on the next frame.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
    const found = await grid.evaluate((el) => {
      const marks = [...el.querySelectorAll('mark')]
      return {
        marks: marks.length,
        // A mark holds text (and line breaks) only.
        inside: marks.flatMap((mark) =>
          [...mark.querySelectorAll('*')].filter((e) => e.tagName !== 'BR').map((e) => e.tagName),
        ),
        // A message holds text, line breaks, links and marks only.
        inMessages: [...el.querySelectorAll('.tts-message__text *, .tts-grid__member-text *')]
          .filter((e) => !['A', 'BR', 'MARK'].includes(e.tagName))
          .map((e) => e.outerHTML.slice(0, 80)),
      }
    })
    expect(found.inside, fragment).toEqual([])
    expect(found.inMessages, fragment).toEqual([])
    if (found.marks > 0) marked++
    if (i % 19 === 0 && found.marks > 0) {
      // Whole, in the drawer, with its marks.
      const row = page
        .getByTestId('log-row')
        .filter({ has: page.locator('mark') })
        .first()
      await row.getByTestId('row-details').click()
      await expectSafeDrawer(page, await row.getAttribute('data-id'))
    }
  }
  await expectOnlySafeMarkup(grid)
  // Most fragments are found (a JSON payload shows its own text, not the stored one).
  expect(marked).toBeGreaterThan(XSS_PAYLOADS.length * 0.8)
  await payloadsHadTheirTurn(page)
  expect(executed).toEqual({ dialogs: [], beacons: [], markers: [] })
})
