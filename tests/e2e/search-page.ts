// Drives search.html in a browser tab and reads back what a reader would see.

import type { Browser, Page } from 'playwright-core'

export interface SearchView {
  status: string
  /** href attribute of the first link of each result, in order. */
  hrefs: string[]
  /** Text of each <mark> in the results. */
  marks: string[]
  /** Console errors and uncaught exceptions seen while the page was open. */
  errors: string[]
}

/** The name of the binding through which pages report Content-Security-Policy violations. */
const CSP_BINDING = '__reportCspViolation'

/**
 * A new tab that records console errors, uncaught exceptions and every Content-Security-Policy
 * violation (`securitypolicyviolation` events, reported through a binding so they survive
 * navigation) in `errors`. `browser` may also be a context, to open the tab in it.
 */
export async function openPage(browser: Pick<Browser, 'newPage'>): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.exposeBinding(CSP_BINDING, (_source, text: string) => errors.push(`CSP violation: ${text}`))
  // Injected by the browser's debugging protocol, so the page's own policy does not apply to it.
  await page.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (globalThis as unknown as Record<string, (text: string) => void>)[binding]
      report?.(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI}`)
    })
  }, CSP_BINDING)
  return { page, errors }
}

/** Waits until the results list shows the outcome for `query` (the page marks it with `data-query`). */
export async function waitForOutcome(page: Page, query: string): Promise<void> {
  await page.waitForFunction((expected) => {
    const list = document.getElementById('results')
    return list?.dataset.query === expected && !list.hasAttribute('aria-busy')
  }, query)
}

export async function readResults(page: Page): Promise<Omit<SearchView, 'errors'>> {
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    hrefs: [...document.querySelectorAll('#results > li')].map((li) => li.querySelector('a')?.getAttribute('href') ?? ''),
    marks: [...document.querySelectorAll('#results mark')].map((mark) => mark.textContent ?? ''),
  }))
}

/** Opens `search.html?q=…` under `base` (a URL ending in `/`) and waits for the outcome. */
export async function searchFor(browser: Browser, base: string, query: string): Promise<SearchView & { page: Page }> {
  const { page, errors } = await openPage(browser)
  await page.goto(`${base}search.html?q=${encodeURIComponent(query)}`)
  await waitForOutcome(page, query)
  return { ...(await readResults(page)), errors, page }
}
