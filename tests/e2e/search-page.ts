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

export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
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
