// feed.xml, sitemap.xml and robots.txt.

import { describe, expect, test } from 'vitest'
import { FEED_SIZE, feedEntryId } from '../../src/render/feed.js'
import { renderSite } from '../../src/render/index.js'
import { uuidV5 } from '../../src/render/uuid.js'
import type { SiteModel } from '../../src/types.js'
import { makeIssue, makeModel, makePage, makeStory, sampleModel } from '../search/fixtures/site-model.js'
import { fileByPath } from './helpers/html.js'

function withSiteUrl(model: SiteModel, siteUrl: string | null): SiteModel {
  return { ...model, config: { ...model.config, siteUrl } }
}

function feedOf(model: SiteModel): string {
  return String(fileByPath(renderSite(model), 'feed.xml').contents)
}

function all(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1]!)
}

describe('uuid v5', () => {
  test('matches the RFC example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
  })
})

describe('feed.xml', () => {
  test('without a site URL: valid Atom with stable urn:uuid ids, full text and no links', () => {
    const feed = feedOf(sampleModel())
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">')).toBe(true)
    expect(feed).not.toContain('<link')
    const ids = all(feed, /<id>([^<]+)<\/id>/g)
    expect(ids).toHaveLength(6)
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[\da-f]{8}-[\da-f]{4}-5[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/)
    expect(ids[1]).toBe(feedEntryId('示例日报', '2023-05-02-p1-l8'))
    expect(all(feed, /<updated>([^<]+)<\/updated>/g)[0]).toBe('2023-05-02T00:00:00Z')
    expect(feed).toContain('<author><name>陈一凡</name></author>')
    expect(feed).toContain('<category term="五金产业" />')
    expect(feed).toContain('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">')
    expect(feed).toContain('<p>他指出，要把创新摆在首位，支持企业建设5G工厂。</p>')
  })

  test('ids do not change when the site gets an address; links appear, absolute', () => {
    const plain = feedOf(sampleModel())
    const placed = feedOf(withSiteUrl(sampleModel(), 'https://example.org/archive'))
    expect(all(placed, /<id>([^<]+)<\/id>/g)).toEqual(all(plain, /<id>([^<]+)<\/id>/g))
    expect(placed).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/archive/feed.xml" />')
    expect(all(placed, /<link rel="alternate" type="text\/html" href="([^"]+)"/g)).toEqual([
      'https://example.org/archive/index.html',
      'https://example.org/archive/2023/05/02/p1-l8.html',
      'https://example.org/archive/2023/05/02/p1-l14.html',
      'https://example.org/archive/2023/05/02/p2-l5.html',
      'https://example.org/archive/2023/04/18/p1-l6.html',
      'https://example.org/archive/2022/12/30/p1-l4.html',
    ])
  })

  test(`holds the ${FEED_SIZE} newest stories`, () => {
    const issues = Array.from({ length: 30 }, (_, i) => {
      const date = `2024-01-${String(i + 1).padStart(2, '0')}`
      return makeIssue(date, [makePage(date, 1, [makeStory(date, 1, { bodyLine: 3, body: ['甲。'] }), makeStory(date, 1, { bodyLine: 6, body: ['乙。'] })])])
    })
    const feed = feedOf(makeModel(issues.reverse()))
    const published = all(feed, /<published>([^<]+)<\/published>/g)
    expect(published).toHaveLength(FEED_SIZE)
    expect(published[0]).toBe('2024-01-30T00:00:00Z')
    expect(published[FEED_SIZE - 1]).toBe('2024-01-06T00:00:00Z')
  })

  test('story text is escaped, and characters XML cannot carry are dropped', () => {
    const date = '2024-03-01'
    const story = makeStory(date, 1, { bodyLine: 3, title: '<b>A & B</b>', headline: ['<b>A & B</b>'], titleDerived: false, body: ['x < y & z\u0007 ]]> "q"'] })
    const feed = feedOf(makeModel([makeIssue(date, [makePage(date, 1, [story])])]))
    expect(feed).toContain('<title>&#x3C;b>A &#x26; B&#x3C;/b></title>')
    expect(feed).toContain('<p>x &#x3C; y &#x26; z ]]<![CDATA[>]]> "q"</p>')
    // Outside CDATA sections, XML allows no `]]>`.
    expect(feed.replace(/<!\[CDATA\[[^\]]*\]\]>/g, '')).not.toContain(']]>')
    expect(feed).not.toContain('\u0007')
  })

  test('an empty archive still has a valid feed with a fixed date', () => {
    const feed = feedOf(makeModel([]))
    expect(feed).toContain('<updated>1970-01-01T00:00:00Z</updated>')
    expect(feed).not.toContain('<entry>')
  })
})

describe('sitemap.xml and robots.txt', () => {
  test('no sitemap without a site URL; robots.txt allows everything', () => {
    const files = renderSite(sampleModel())
    expect(files.map((f) => f.path)).not.toContain('sitemap.xml')
    expect(String(fileByPath(files, 'robots.txt').contents)).toBe('User-agent: *\nDisallow:\n')
  })

  test('with a site URL, every page worth finding is listed by absolute URL and robots.txt names the sitemap', () => {
    const files = renderSite(withSiteUrl(sampleModel(), 'https://example.org/archive/'))
    const sitemap = String(fileByPath(files, 'sitemap.xml').contents)
    const locs = all(sitemap, /<loc>([^<]+)<\/loc>/g)
    const pages = files.filter((f) => f.path.endsWith('.html') && !['404.html', 'search.html', 'report.html'].includes(f.path))
    expect(locs.map((loc) => decodeURI(loc.replace('https://example.org/archive/', ''))).sort()).toEqual(pages.map((f) => f.path).sort())
    expect(locs).toContain('https://example.org/archive/people/%E7%8E%8B%E5%B0%8F%E6%98%8E.html')
    expect(String(fileByPath(files, 'robots.txt').contents)).toContain('Sitemap: https://example.org/archive/sitemap.xml\n')
  })
})
