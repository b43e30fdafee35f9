// Follows every link of a built site in the browser, starting at index.html, the way a
// reader clicking around would: the browser resolves each href against the page it is on,
// so relative links are checked over HTTP under a sub-path and from file:// alike.

import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { openPage } from './search-page.js'

/** Files that are not pages (the JSON API) are checked for existence, not opened: a JSON tab makes Chromium ask the server root for a favicon. */
async function fileExists(url: string): Promise<boolean> {
  if (url.startsWith('file:')) return existsSync(fileURLToPath(url))
  const response = await fetch(url, { method: 'HEAD' })
  return response.ok
}

export interface CrawlResult {
  /** HTML pages reached (paths relative to the base, no query or fragment), in code unit order. */
  visited: string[]
  /** `page → href` for links that lead outside the base, to a folder, or to nothing. */
  broken: string[]
  /** Console errors and uncaught exceptions, prefixed with the page. */
  errors: string[]
}

/** `base` is the site root, ending in `/` (an http: or file: URL). */
export async function crawlSite(browser: Browser, base: string): Promise<CrawlResult> {
  const { page, errors: pageErrors } = await openPage(browser)
  let current = ''
  const failedLoads: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) failedLoads.push(`${current}: ${response.status()} ${response.url()}`)
  })
  page.on('requestfailed', (request) => failedLoads.push(`${current}: ${request.failure()?.errorText ?? 'failed'} ${request.url()}`))
  const visited = new Set<string>()
  const broken: string[] = []
  const errors: string[] = []
  const queue = ['index.html']
  const queued = new Set(queue)
  const linkedFrom = new Map<string, string>()
  while (queue.length > 0) {
    const path = queue.shift()!
    current = path
    let links: Array<{ href: string; resolved: string }>
    try {
      const response = await page.goto(base + path, { waitUntil: 'load' })
      // file: navigations have no HTTP status; a missing file makes goto throw instead.
      if (response && base.startsWith('http') && response.status() !== 200) throw new Error(`status ${response.status()}`)
      links = await page.evaluate(() =>
        [...document.querySelectorAll('a[href]')].map((a) => ({ href: a.getAttribute('href') ?? '', resolved: (a as HTMLAnchorElement).href })),
      )
    } catch (error) {
      broken.push(`${path} (linked from ${linkedFrom.get(path) ?? 'nowhere'}): ${(error as Error).message.split('\n')[0]}`)
      continue
    }
    visited.add(path)
    errors.push(...pageErrors.splice(0).map((message) => `${path}: ${message}`))
    for (const { href, resolved } of links) {
      if (href.startsWith('#')) continue
      const target = resolved.replace(/[?#].*$/, '')
      if (!target.startsWith(base) || target.endsWith('/')) {
        broken.push(`${path} → ${href}`)
        continue
      }
      const next = decodeURIComponent(target.slice(base.length))
      if (!next.endsWith('.html')) {
        if (!queued.has(next) && !(await fileExists(target))) broken.push(`${path} → ${href}`)
        queued.add(next)
        continue
      }
      if (!queued.has(next)) {
        queued.add(next)
        linkedFrom.set(next, path)
        queue.push(next)
      }
    }
  }
  await page.close()
  return { visited: [...visited].sort(), broken: [...broken, ...failedLoads], errors }
}
