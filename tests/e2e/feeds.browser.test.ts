// feed.xml and sitemap.xml as a browser's XML parser reads them: well-formed, in the right
// namespace, entries and links as written — including story text XML is touchy about.

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { renderSite } from '../../src/render/index.js'
import type { SiteModel } from '../../src/types.js'
import { fileByPath } from '../render/helpers/html.js'
import { makeIssue, makeModel, makePage, makeStory, sampleModel } from '../search/fixtures/site-model.js'
import { chromiumAvailability, launchChromium } from './helpers.js'

const availability = chromiumAvailability()
const TRICKY = 'a ]]> b <c> & "d" \u0001 \uFFFE 𠀀'

function trickyModel(siteUrl: string | null): SiteModel {
  const date = '2024-05-01'
  const story = makeStory(date, 1, { bodyLine: 3, title: TRICKY, headline: [TRICKY], titleDerived: false, body: [TRICKY], topics: [TRICKY] })
  const model = makeModel([makeIssue(date, [makePage(date, 1, [story])]), ...sampleModel().issues])
  return { ...model, config: { ...model.config, siteUrl } }
}

interface Parsed {
  error: string | null
  root: string
  namespace: string | null
  titles: string[]
  paragraphs: string[]
  links: string[]
  locs: string[]
}

describe.skipIf(!availability.run)('feeds in an XML parser', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  async function parse(xml: string): Promise<Parsed> {
    const page = await browser.newPage()
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml')
      const error = doc.querySelector('parsererror')
      return {
        error: error ? error.textContent : null,
        root: doc.documentElement.localName,
        namespace: doc.documentElement.namespaceURI,
        titles: [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('title')[0]?.textContent ?? ''),
        paragraphs: [...doc.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'p')].map((p) => p.textContent ?? ''),
        links: [...doc.getElementsByTagName('link')].map((l) => l.getAttribute('href') ?? ''),
        locs: [...doc.getElementsByTagName('loc')].map((l) => l.textContent ?? ''),
      }
    }, xml)
    await page.close()
    return parsed
  }

  const expectedText = TRICKY.replace(/[\u0001\uFFFE]/g, '')

  for (const siteUrl of [null, 'https://example.org/archive/']) {
    test(`feed.xml ${siteUrl ? 'with' : 'without'} a site URL is well-formed Atom and keeps the text`, { timeout: 60_000 }, async () => {
      const feed = await parse(String(fileByPath(renderSite(trickyModel(siteUrl)), 'feed.xml').contents))
      expect(feed.error).toBeNull()
      expect([feed.root, feed.namespace]).toEqual(['feed', 'http://www.w3.org/2005/Atom'])
      expect(feed.titles).toHaveLength(1 + sampleModel().issues.flatMap((i) => i.pages).flatMap((p) => p.stories).length)
      expect(feed.titles[0]).toBe(expectedText)
      expect(feed.paragraphs).toContain(expectedText)
      if (siteUrl) for (const link of feed.links) expect(link.startsWith(siteUrl), link).toBe(true)
      else expect(feed.links).toEqual([])
    })
  }

  test('sitemap.xml is well-formed and lists absolute URLs', { timeout: 60_000 }, async () => {
    const sitemap = await parse(String(fileByPath(renderSite(trickyModel('https://example.org/archive/')), 'sitemap.xml').contents))
    expect(sitemap.error).toBeNull()
    expect([sitemap.root, sitemap.namespace]).toEqual(['urlset', 'http://www.sitemaps.org/schemas/sitemap/0.9'])
    expect(sitemap.locs.length).toBeGreaterThan(10)
    for (const loc of sitemap.locs) expect(loc).toMatch(/^https:\/\/example\.org\/archive\/[\w\-./%]+$/)
  })
})
