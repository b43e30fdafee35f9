// The built search page in Chromium, over HTTP under a sub-path and from file://, on a small
// made-up archive (search-seed.browser.test.ts does the same over the real seed pages).

import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { renderSite } from '../../src/render/index.js'
import type { SiteModel } from '../../src/types.js'
import { PAGE_SIZE } from '../../src/search/client/results-view.js'
import { makeIssue, makeModel, makePage, makeStory, sampleModel } from '../search/fixtures/site-model.js'
import { storiesContaining as substringMatches } from '../search/helpers/substring-oracle.js'
import { chromiumAvailability, launchChromium, removeDir, serveStatic, writeSite, type StaticServer } from './helpers.js'
import { openPage, readResults, searchFor, waitForOutcome } from './search-page.js'

const TIMEOUT = 60_000
const availability = chromiumAvailability()

/** Story URLs whose indexed text contains `needle`, by plain substring scan (the oracle). */
function storiesContaining(model: SiteModel, needle: string): string[] {
  return substringMatches(model, needle)
    .map((card) => card.url)
    .sort()
}

/**
 * A site built from `makeModel()`, on disk and served over HTTP under a sub-path, and a
 * browser: made before the describe block's tests, removed after them.
 */
function siteInChromium(makeModel: () => SiteModel): { browser: Browser; dir: string; server: StaticServer } {
  const site = {} as { browser: Browser; dir: string; server: StaticServer }
  beforeAll(async () => {
    site.dir = await writeSite(renderSite(makeModel()))
    site.server = await serveStatic(site.dir)
    site.browser = await launchChromium()
  }, TIMEOUT)
  afterAll(async () => {
    await site.browser?.close()
    await site.server?.close()
    if (site.dir) await removeDir(site.dir)
  })
  return site
}

describe.skipIf(!availability.run)('search page in Chromium', () => {
  const model = sampleModel()
  const site = siteInChromium(() => model)
  const origins = () => ({ http: site.server.url, file: pathToFileURL(`${site.dir}/`).href })

  for (const origin of ['http', 'file'] as const) {
    test(`${origin}: a name lists exactly the stories that contain it`, { timeout: TIMEOUT }, async () => {
      const view = await searchFor(site.browser, origins()[origin], '王小明')
      expect(view.errors).toEqual([])
      expect([...view.hrefs].sort()).toEqual(storiesContaining(model, '王小明'))
      expect(view.status).toContain(`找到 ${view.hrefs.length} 篇`)
      expect(new Set(view.marks)).toEqual(new Set(['王小明']))
      await view.page.close()
    })

    test(`${origin}: the first link of a result opens the story page`, { timeout: TIMEOUT }, async () => {
      const view = await searchFor(site.browser, origins()[origin], '客商')
      await view.page.click('#results > li a')
      await view.page.waitForLoadState()
      expect(await view.page.locator('h1').textContent()).toBe('王小明会见客商')
      expect(view.errors).toEqual([])
      await view.page.close()
    })

    test(`${origin}: a query with no hits says that nothing was found`, { timeout: TIMEOUT }, async () => {
      const view = await searchFor(site.browser, origins()[origin], '不存在的词')
      expect(view.hrefs).toEqual([])
      expect(view.status).toMatch(/没有找到/)
      expect(view.errors).toEqual([])
      await view.page.close()
    })
  }

  test('the site is requested only under its sub-path', { timeout: TIMEOUT }, async () => {
    const view = await searchFor(site.browser, site.server.url, '五金')
    await view.page.close()
    expect(site.server.requests.filter((p) => !p.startsWith('/sub/path/'))).toEqual([])
  })

  test('hostile and odd queries never break the page', { timeout: TIMEOUT }, async () => {
    const queries = ['', '小', '存'.repeat(500), '*', ':', '~', '^', '"五金', '😀', 'date:2023-13', 'person:', '<img src=x onerror=alert(1)>']
    for (const query of queries) {
      const view = await searchFor(site.browser, site.server.url, query)
      expect(view.errors, query).toEqual([])
      expect(view.status, query).not.toBe('')
      expect(await view.page.locator('main img').count(), query).toBe(0)
      await view.page.close()
    }
    const markup = await searchFor(site.browser, site.server.url, '<img src=x onerror=alert(1)>')
    expect(markup.status).toContain('“<img src=x onerror=alert(1)>”')
    await markup.page.close()
  })

  test('a query typed into the search box goes into the URL and Back restores the previous one', { timeout: TIMEOUT }, async () => {
    const { page, errors } = await openPage(site.browser)
    await page.goto(`${site.server.url}search.html?q=${encodeURIComponent('王小明')}`)
    await waitForOutcome(page, '王小明')
    await page.fill('input[type="search"][name="q"]', '疫苗')
    await page.press('input[type="search"][name="q"]', 'Enter')
    await waitForOutcome(page, '疫苗')
    expect(new URL(page.url()).searchParams.get('q')).toBe('疫苗')
    expect((await readResults(page)).hrefs).toEqual(storiesContaining(model, '疫苗'))
    await page.goBack()
    await waitForOutcome(page, '王小明')
    expect(new URL(page.url()).searchParams.get('q')).toBe('王小明')
    expect(errors).toEqual([])
    await page.close()
  })

  test('a query typed slowly — its results shown as it grows, then Enter — is one history entry, and Back restores the one before', { timeout: TIMEOUT }, async () => {
    const { page, errors } = await openPage(site.browser)
    await page.goto(`${site.server.url}search.html?q=${encodeURIComponent('王小明')}`)
    await waitForOutcome(page, '王小明')
    const box = 'input[type="search"][name="q"]'
    // Each pause outlasts the typing delay: the results and the address follow the box before Enter.
    for (const typed of ['疫', '疫苗']) {
      await page.fill(box, typed)
      await waitForOutcome(page, typed)
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, typed)
    }
    await page.press(box, 'Enter')
    await page.goBack()
    await waitForOutcome(page, '王小明')
    expect(new URL(page.url()).searchParams.get('q')).toBe('王小明')
    expect(errors).toEqual([])
    await page.close()
  })
})

/** One issue of PAGE_SIZE + 10 stories that all hold 志愿服务 and 志愿者. */
function longListModel(): SiteModel {
  const date = '2024-03-01'
  const stories = Array.from({ length: PAGE_SIZE + 10 }, (_, i) =>
    // Tagged with a topic on every story, so 志愿服务 is one of the index's whole words, whose first page has a top-cards file.
    makeStory(date, 1, { bodyLine: 10 + i * 3, body: [`第${i + 1}条：社区志愿者参加志愿服务，清扫街道。`], topics: ['志愿服务'] }),
  )
  return makeModel([makeIssue(date, [makePage(date, 1, stories)])])
}

describe.skipIf(!availability.run)('long result lists in Chromium', () => {
  let browser: Browser
  let siteDir: string

  beforeAll(async () => {
    siteDir = await writeSite(renderSite(longListModel()))
    browser = await launchChromium()
  }, TIMEOUT)

  afterAll(async () => {
    await browser?.close()
    if (siteDir) await removeDir(siteDir)
  })

  test('results come a page at a time, and the rest on request from the keyboard', { timeout: TIMEOUT }, async () => {
    const view = await searchFor(browser, pathToFileURL(`${siteDir}/`).href, '志愿者')
    expect(view.status).toContain(`找到 ${PAGE_SIZE + 10} 篇`)
    expect(view.hrefs).toHaveLength(PAGE_SIZE)
    await view.page.focus('#search-more')
    await view.page.keyboard.press('Enter')
    await view.page.waitForFunction((count) => document.querySelectorAll('#results > li').length === count, PAGE_SIZE + 10)
    expect(await view.page.locator('#search-more').isHidden()).toBe(true)
    expect(view.errors).toEqual([])
    await view.page.close()
  })

  test('an indexed word’s first page comes from one file, not a file per story; the rest follows on request', { timeout: TIMEOUT }, async () => {
    const { page, errors } = await openPage(browser)
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    await page.goto(`${pathToFileURL(`${siteDir}/`).href}search.html?q=${encodeURIComponent('志愿服务')}`)
    await waitForOutcome(page, '志愿服务')
    const view = await readResults(page)
    expect(view.status).toContain(`找到 ${PAGE_SIZE + 10} 篇`)
    expect(view.hrefs).toHaveLength(PAGE_SIZE)
    expect(requested.filter((url) => url.includes('/search/top/'))).toHaveLength(1)
    expect(requested.filter((url) => /\/search\/terms\/\d/.test(url))).toHaveLength(1)
    expect(requested.filter((url) => url.includes('/search/docs/'))).toEqual([])
    // The same first page, in the same order, as a query the word's file does not serve.
    const plain = await searchFor(browser, pathToFileURL(`${siteDir}/`).href, '志愿服务 街道')
    expect(view.hrefs).toEqual(plain.hrefs)
    await plain.page.close()
    await page.click('#search-more')
    await page.waitForFunction((count) => document.querySelectorAll('#results > li').length === count, PAGE_SIZE + 10).catch(async (error: unknown) => {
      // What the page showed instead, for a failure that has been seen once under a loaded machine and not reproduced alone.
      const shown = await readResults(page)
      const cards = requested.filter((url) => url.includes('/search/docs/')).length
      throw new Error(`${String(error)}; the list held ${shown.hrefs.length} results, ${cards} cards were requested, status: ${shown.status}; errors: ${errors.join(' | ')}`)
    })
    expect(requested.filter((url) => url.includes('/search/docs/'))).toHaveLength(10)
    expect(errors).toEqual([])
    await page.close()
  })
})

describe.skipIf(!availability.run)('the search page’s head script in Chromium', () => {
  const word = '志愿服务'
  const site = siteInChromium(longListModel)

  test('asks for an indexed word’s first page before the main script has arrived', { timeout: TIMEOUT }, async () => {
    const { page, errors } = await openPage(site.browser)
    let topAsked!: () => void
    const topRequested = new Promise<void>((resolve) => (topAsked = resolve))
    page.on('request', (request) => {
      if (request.url().includes('/search/top/')) topAsked()
    })
    let heldUntilTop = false
    // The main script is held back until the word's file has been asked for (or 10 s passed).
    await page.route('**/assets/search.js', async (route) => {
      heldUntilTop = await Promise.race([topRequested.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))])
      await route.continue()
    })
    await page.goto(`${site.server.url}search.html?q=${encodeURIComponent(word)}`)
    await waitForOutcome(page, word)
    expect(heldUntilTop).toBe(true)
    expect((await readResults(page)).hrefs).toHaveLength(PAGE_SIZE)
    expect(errors).toEqual([])
    await page.close()
  })

  test('a word’s file that failed to load early is asked for again by the page', { timeout: TIMEOUT }, async () => {
    const { page } = await openPage(site.browser)
    const tops: string[] = []
    await page.route('**/search/top/**', async (route) => {
      tops.push(route.request().url())
      if (tops.length === 1) await route.abort()
      else await route.continue()
    })
    await page.goto(`${site.server.url}search.html?q=${encodeURIComponent(word)}`)
    await waitForOutcome(page, word)
    const view = await readResults(page)
    expect(tops).toHaveLength(2)
    expect(view.status).toContain(`找到 ${PAGE_SIZE + 10} 篇`)
    expect(view.hrefs).toHaveLength(PAGE_SIZE)
    await page.close()
  })

  test('without the head script the page reads the index’s entry from its own data block and still searches', { timeout: TIMEOUT }, async () => {
    const { page } = await openPage(site.browser)
    // The head script is written into the page: serve the page without it.
    let removed = 0
    await page.route('**/search.html*', async (route) => {
      const response = await route.fetch()
      const html = (await response.text()).replace(/<script id="search-early">[\s\S]*?<\/script>/u, () => {
        removed++
        return ''
      })
      await route.fulfill({ response, body: html })
    })
    await page.goto(`${site.server.url}search.html?q=${encodeURIComponent(word)}`)
    await waitForOutcome(page, word)
    const view = await readResults(page)
    expect(view.status).toContain(`找到 ${PAGE_SIZE + 10} 篇`)
    expect(view.hrefs).toHaveLength(PAGE_SIZE)
    expect(removed).toBe(1)
    await page.close()
  })

  test('a query that is no indexed word, or sorted by date, asks for nothing early', { timeout: TIMEOUT }, async () => {
    for (const search of [`q=${encodeURIComponent(`${word} 街道`)}`, `q=${encodeURIComponent(word)}&sort=date`]) {
      const { page, errors } = await openPage(site.browser)
      await page.goto(`${site.server.url}search.html?${search}`)
      await page.waitForFunction(() => document.querySelectorAll('#results > li').length > 0)
      // The early script marks nothing; the loader's own scripts come after search.js ran.
      const early = await page.evaluate(() => [...document.querySelectorAll('script[data-search-file]')].filter((script) => script.hasAttribute('blocking')).length)
      expect(early, search).toBe(0)
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
