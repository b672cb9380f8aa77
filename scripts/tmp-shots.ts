import { launchChromium } from './chromium.ts'
const base = process.env.BASE ?? 'http://127.0.0.1:4300'
const paths = (process.env.PATHS ?? '/listings/logs').split(' ')
const widths = (process.env.WIDTHS ?? '1440').split(' ').map(Number)
const lang = process.env.LANG_Q ?? ''
const browser = await launchChromium()
for (const w of widths) {
  const page = await browser.newPage({ viewport: { width: w, height: w === 1280 ? 800 : 900 } })
  for (const p of paths) {
    await page.goto(base + p + lang)
    await page.locator('[data-complete="true"]').waitFor({ timeout: 60_000 }).catch(() => undefined)
    await page.waitForTimeout(500)
    const info = await page.evaluate(() => {
      const grid = document.querySelector('[data-testid="log-grid"]')!.getBoundingClientRect()
      const head = document.querySelector('.tts-grid__head')!.getBoundingClientRect()
      const rows = [...document.querySelectorAll('[data-testid="log-row"]')].map((r) => r.getBoundingClientRect())
      const full = rows.filter((r) => r.top >= head.bottom - 1 && r.bottom <= Math.min(innerHeight, grid.bottom) + 1).length
      return { gridTop: Math.round(grid.top), gridBottom: Math.round(grid.bottom), full, scrollH: document.documentElement.scrollHeight, sw: (document.querySelector('[data-testid="log-grid"]') as HTMLElement).scrollWidth, cw: (document.querySelector('[data-testid="log-grid"]') as HTMLElement).clientWidth }
    })
    console.log(p, w, JSON.stringify(info))
    const file = `/tmp/shots/${p.replace(/[^a-z0-9]+/gi, '_')}_${w}.png`
    await page.screenshot({ path: file })
    console.log(file)
  }
  await page.close()
}
await browser.close()
