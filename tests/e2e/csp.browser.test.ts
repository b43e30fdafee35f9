// The Content-Security-Policy every page carries lets the site work — the search form and
// its index scripts, the SVG charts, the stylesheet — from file:// and over HTTP under a
// sub-path, with no violation reported; and it does refuse what it should.

import { pathToFileURL } from 'node:url'
import { describe, expect, test } from 'vitest'
import { chromiumAvailability } from './helpers.js'
import { openPage, readResults, waitForOutcome } from './search-page.js'
import { useServedSite } from './seed-site.js'

const TIMEOUT = 120_000
const availability = chromiumAvailability()

describe.skipIf(!availability.run)('Content-Security-Policy in Chromium', () => {
  const served = useServedSite()
  const bases = () => ({ http: served().server.url, file: pathToFileURL(`${served().site.outDir}/`).href })
  const browser = () => served().browser

  for (const origin of ['http', 'file'] as const) {
    test(`${origin}: the policy refuses an inline script and an inline style, and says so`, { timeout: TIMEOUT }, async () => {
      const { page, errors } = await openPage(browser())
      await page.goto(`${bases()[origin]}index.html`)
      const ran = await page.evaluate(async () => {
        const script = document.createElement('script')
        script.textContent = 'document.body.dataset.injected = "yes"'
        document.body.append(script)
        const style = document.createElement('style')
        style.textContent = 'body { display: none }'
        document.head.append(style)
        await new Promise((resolve) => setTimeout(resolve, 100))
        return { script: document.body.dataset.injected ?? 'no', hidden: getComputedStyle(document.body).display === 'none' }
      })
      expect(ran).toEqual({ script: 'no', hidden: false })
      expect(errors.filter((e) => e.startsWith('CSP violation: script-src'))).toHaveLength(1)
      expect(errors.filter((e) => e.startsWith('CSP violation: style-src'))).toHaveLength(1)
      await page.close()
    })

    test(`${origin}: searching from a story page's header form shows results, with no violation`, { timeout: TIMEOUT }, async () => {
      const { page, errors } = await openPage(browser())
      await page.goto(`${bases()[origin]}2022/06/07/p1-l7.html`)
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).display)).toBe('flex')
      await page.fill('input[name="q"]', '疫情防控')
      await page.press('input[name="q"]', 'Enter')
      await page.waitForURL(/search\.html\?q=/)
      await waitForOutcome(page, '疫情防控')
      const view = await readResults(page)
      expect(view.hrefs.length).toBeGreaterThan(0)
      expect(view.marks).toContain('疫情防控')
      expect(errors).toEqual([])
      await page.close()
    })

    test(`${origin}: the charts, calendars and page view render, with no violation`, { timeout: TIMEOUT }, async () => {
      const { page, errors } = await openPage(browser())
      for (const path of [`people/${encodeURIComponent('章旭升')}.html`, '2022/index.html', '2022/06/07/p1.html', 'api.html', 'report.html']) {
        await page.goto(bases()[origin] + path)
        expect(await page.evaluate(() => document.styleSheets.length), path).toBe(1)
      }
      await page.goto(`${bases()[origin]}people/${encodeURIComponent('章旭升')}.html`)
      const bar = page.locator('svg.month-chart rect.chart-bar').first()
      expect(await bar.evaluate((rect) => getComputedStyle(rect).fill)).not.toBe('rgb(0, 0, 0)')
      expect(errors).toEqual([])
      await page.close()
    })
  }
})
