// axe-core on one page of each kind, built from content/, in the light and the dark colour
// scheme: no violations of any rule axe runs by default (WCAG 2.x A and AA, best practices).

import { createRequire } from 'node:module'
import type { BrowserContext } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { chromiumAvailability } from './helpers.js'
import { waitForOutcome } from './search-page.js'
import { useServedSite } from './seed-site.js'

const TIMEOUT = 120_000
const availability = chromiumAvailability()
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** One page of each kind; the search page with a query that has results. */
const PAGES: Record<string, string> = {
  home: 'index.html',
  year: '2022/index.html',
  month: '2022/06/index.html',
  issue: '2022/06/07/index.html',
  'page view': '2022/06/07/p1.html',
  story: '2022/02/16/p1-l142.html',
  person: `people/${encodeURIComponent('胡勇春')}.html`,
  topic: `topics/${encodeURIComponent('疫情防控')}.html`,
  'people index': 'people/index.html',
  'topics index': 'topics/index.html',
  'search with results': `search.html?q=${encodeURIComponent('疫情防控')}`,
  api: 'api.html',
  report: 'report.html',
  404: '404.html',
}

interface AxeViolation {
  id: string
  help: string
  nodes: Array<{ target: unknown[]; failureSummary?: string }>
}

describe.skipIf(!availability.run)('accessibility (axe-core)', () => {
  const served = useServedSite()
  const contexts = new Map<'light' | 'dark', BrowserContext>()

  beforeAll(async () => {
    // axe is injected as an inline script, which the pages' own policy rightly refuses; the
    // policy itself is tested elsewhere.
    for (const scheme of ['light', 'dark'] as const) {
      contexts.set(scheme, await served().browser.newContext({ bypassCSP: true, colorScheme: scheme }))
    }
  })

  test('every page listed exists in the built site', async () => {
    for (const path of Object.values(PAGES)) {
      const response = await fetch(served().server.url + path)
      expect(response.status, path).toBe(200)
    }
  })

  for (const [kind, path] of Object.entries(PAGES)) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${kind} (${scheme}): no violations`, { timeout: TIMEOUT }, async () => {
        const page = await contexts.get(scheme)!.newPage()
        await page.goto(served().server.url + path)
        if (kind === 'search with results') {
          await waitForOutcome(page, '疫情防控')
          expect(await page.locator('#results > li').count()).toBeGreaterThan(0)
        }
        await page.addScriptTag({ path: AXE_PATH })
        const violations = await page.evaluate(async () => {
          // axe-core registers itself as a global; its result shape is AxeViolation above.
          const axe = (globalThis as unknown as { axe: { run(context: Document): Promise<{ violations: unknown[] }> } }).axe
          return (await axe.run(document)).violations
        })
        const readable = (violations as AxeViolation[]).map(
          (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
        )
        expect(readable).toEqual([])
        await page.close()
      })
    }
  }
})
