// Search over the real seed pages (content/ built with build()) in Chromium, over HTTP under
// /sub/path/ and from file://: each query lists exactly the stories a plain scan of the JSON
// API finds (and, for person: and topic:, those of the answer key), with no console error and
// no Content-Security-Policy violation. Then the parts around the results: facet links, the
// sort control, suggestions when nothing is found, and the story page marking the query.

import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import { normalizeText } from '../../src/search/tokenizer.js'
import { apiStoriesContaining, effectiveDate, readApiStories, type ApiStory } from '../search/helpers/api-oracle.js'
import { chromiumAvailability } from './helpers.js'
import { openPage, readResults, searchFor, waitForOutcome } from './search-page.js'
import { seedGold, useServedSite } from './seed-site.js'

const TIMEOUT = 120_000
const availability = chromiumAvailability()

/** URLs of the built stories the answer key tags with `pick` (matched by issue date and the body's first words). */
function goldUrls(stories: readonly ApiStory[], pick: (gold: { people: string[]; topics: string[] }) => boolean): string[] {
  return seedGold().flatMap((page) =>
    page.stories.filter(pick).map((gold) => {
      const found = stories.find((s) => s.issueDate === page.issueDate && normalizeText(s.body.join('')).startsWith(normalizeText(gold.lead)))
      if (!found) throw new Error(`No built story for ${page.issueDate} ${gold.lead}`)
      return found.url
    }),
  )
}

const urls = (stories: readonly ApiStory[]) => stories.map((story) => story.url).sort()

interface Case {
  query: string
  expected(stories: readonly ApiStory[]): string[]
  /** The answer key's stories, where it has an opinion (person:, topic:). */
  gold?(stories: readonly ApiStory[]): string[]
}

const ORG = '市新冠肺炎疫情防控工作领导小组'

const CASES: Case[] = [
  ...['胡勇春', '章旭升', '疫情防控', '五金'].map((query) => ({ query, expected: (s: readonly ApiStory[]) => urls(apiStoriesContaining(s, query)) })),
  {
    query: 'person:章旭升',
    expected: (s) => urls(s.filter((story) => story.people.some((p) => p.name === '章旭升'))),
    gold: (s) => goldUrls(s, (g) => g.people.includes('章旭升')).sort(),
  },
  {
    query: 'topic:五金产业',
    expected: (s) => urls(s.filter((story) => story.topics.includes('五金产业'))),
    gold: (s) => goldUrls(s, (g) => g.topics.includes('五金产业')).sort(),
  },
  {
    query: 'date:2022-01..2022-06',
    expected: (s) => urls(s.filter((story) => effectiveDate(story) >= '2022-01-01' && effectiveDate(story) <= '2022-06-30')),
  },
  { query: `org:${ORG}`, expected: (s) => urls(s.filter((story) => story.organizations.includes(ORG))) },
  { query: 'year:2021', expected: (s) => urls(s.filter((story) => effectiveDate(story).startsWith('2021'))) },
  {
    query: '疫情防控 year:2022',
    expected: (s) => urls(apiStoriesContaining(s, '疫情防控').filter((story) => effectiveDate(story).startsWith('2022'))),
  },
  { query: '不存在的词', expected: () => [] },
]

/** The facet links shown beside the results: group heading → [name, count]. */
async function readFacets(page: Page): Promise<Record<string, Array<[string, number]>>> {
  return page.evaluate(() => {
    const out: Record<string, Array<[string, number]>> = {}
    const box = document.getElementById('search-facets')
    if (!box || box.hidden) return out
    for (const section of box.querySelectorAll('section')) {
      out[section.querySelector('h3')?.textContent ?? ''] = [...section.querySelectorAll('a')].map((a) => {
        const count = a.querySelector('.facet-count')?.textContent ?? ''
        return [(a.textContent ?? '').slice(0, -count.length), Number(count.replace(/\D/g, ''))] as [string, number]
      })
    }
    return out
  })
}

describe.skipIf(!availability.run)('search over the built seed content in Chromium', () => {
  const served = useServedSite()
  const bases = () => ({ http: served().server.url, file: pathToFileURL(`${served().site.outDir}/`).href })
  const browser = () => served().browser
  let stories: ApiStory[] = []

  beforeAll(() => {
    stories = readApiStories(served().site.outDir)
  })

  test('the oracle has something to compare: every query but the last finds stories, and the key agrees on person: and topic:', () => {
    for (const { query, expected, gold } of CASES.slice(0, -1)) {
      expect(expected(stories).length, query).toBeGreaterThan(0)
      if (gold) expect(expected(stories), query).toEqual(gold(stories))
    }
  })

  for (const origin of ['http', 'file'] as const) {
    test(`${origin}: each query lists exactly the stories that contain or carry it`, { timeout: TIMEOUT }, async () => {
      for (const { query, expected } of CASES) {
        const view = await searchFor(browser(), bases()[origin], query)
        expect([...view.hrefs].sort(), query).toEqual(expected(stories))
        expect(view.status, query).toMatch(view.hrefs.length > 0 ? `找到 ${view.hrefs.length} 篇` : /没有找到/)
        expect(view.errors, query).toEqual([])
        await view.page.close()
      }
    })

    test(`${origin}: a result opened from the list marks the query on the story page`, { timeout: TIMEOUT }, async () => {
      const view = await searchFor(browser(), bases()[origin], '胡勇春 疫情防控')
      const href = view.hrefs[0]!
      expect(href).not.toContain('#')
      await view.page.focus('#results > li a')
      await view.page.keyboard.press('Enter')
      await view.page.waitForURL((url) => url.href.includes(href.split('/').pop()!))
      await view.page.waitForSelector('.story-body mark')
      expect(new URLSearchParams(new URL(view.page.url()).hash.slice(1)).get('q')).toBe('胡勇春 疫情防控')
      const marks = await view.page.locator('.story-body mark, .story-header mark').allTextContents()
      expect(new Set(marks)).toEqual(new Set(['胡勇春', '疫情防控']))
      expect(view.errors).toEqual([])
      await view.page.close()
    })
  }

  test('facets count the topics, people and years of the results, and a facet link narrows the query', { timeout: TIMEOUT }, async () => {
    const query = '疫情防控'
    const view = await searchFor(browser(), served().server.url, query)
    const found = apiStoriesContaining(stories, query)
    const facets = await readFacets(view.page)
    const years = new Map<string, number>()
    for (const story of found) years.set(effectiveDate(story).slice(0, 4), (years.get(effectiveDate(story).slice(0, 4)) ?? 0) + 1)
    expect(facets['年份']).toEqual([...years].sort((a, b) => (a[0] < b[0] ? 1 : -1)))
    for (const [topic, count] of facets['主题']!) expect(count, topic).toBe(found.filter((s) => s.topics.includes(topic)).length)
    expect(facets['人物']!.length).toBeGreaterThan(0)
    for (const [name, count] of facets['人物']!) expect(count, name).toBe(found.filter((s) => s.people.some((p) => p.name === name)).length)

    const [topic] = facets['主题']!.find(([name]) => name !== query) ?? facets['主题']![0]!
    await view.page.locator('#search-facets a', { hasText: topic }).first().focus()
    await view.page.keyboard.press('Enter')
    const narrowed = `${query} topic:${topic}`
    await waitForOutcome(view.page, narrowed)
    expect(new URL(view.page.url()).searchParams.get('q')).toBe(narrowed)
    expect([...(await readResults(view.page)).hrefs].sort()).toEqual(urls(found.filter((s) => s.topics.includes(topic))))
    await view.page.goBack()
    await waitForOutcome(view.page, query)
    expect(view.errors).toEqual([])
    await view.page.close()
  })

  test('the sort control orders by date, newest first, keeps it in the URL, and Back undoes it', { timeout: TIMEOUT }, async () => {
    const query = '章旭升'
    const view = await searchFor(browser(), served().server.url, query)
    const byRelevance = (await readResults(view.page)).hrefs
    await view.page.selectOption('#search-sort', 'date')
    await view.page.waitForURL(/sort=date/)
    await waitForOutcome(view.page, query)
    const byDate = (await readResults(view.page)).hrefs
    const dateOf = new Map(stories.map((story) => [story.url, effectiveDate(story)]))
    expect([...byDate].sort()).toEqual([...byRelevance].sort())
    expect(byDate.map((href) => dateOf.get(href)!)).toEqual(byDate.map((href) => dateOf.get(href)!).sort().reverse())
    await view.page.goBack()
    await view.page.waitForURL((url) => !url.search.includes('sort='))
    await waitForOutcome(view.page, query)
    expect((await readResults(view.page)).hrefs).toEqual(byRelevance)
    expect(await view.page.inputValue('#search-sort')).toBe('relevance')

    const direct = await searchFor(browser(), served().server.url, query)
    await direct.page.goto(`${served().server.url}search.html?q=${encodeURIComponent(query)}&sort=date`)
    await waitForOutcome(direct.page, query)
    expect((await readResults(direct.page)).hrefs).toEqual(byDate)
    expect([...view.errors, ...direct.errors]).toEqual([])
    await view.page.close()
    await direct.page.close()
  })

  test('nothing found: the status says so, and looser queries that do find stories are offered as links', { timeout: TIMEOUT }, async () => {
    const query = '胡勇春 不存在的词'
    const view = await searchFor(browser(), served().server.url, query)
    expect(view.hrefs).toEqual([])
    expect(view.status).toMatch(/没有找到.*建议/)
    const offered = await view.page.locator('#search-suggestions a').allTextContents()
    expect(offered).toContain('胡勇春')
    await view.page.locator('#search-suggestions a', { hasText: /^胡勇春$/ }).click()
    await waitForOutcome(view.page, '胡勇春')
    expect([...(await readResults(view.page)).hrefs].sort()).toEqual(urls(apiStoriesContaining(stories, '胡勇春')))
    expect(view.errors).toEqual([])
    await view.page.close()
  })

  for (const origin of ['http', 'file'] as const) {
    test(`${origin}: odd and hostile queries never break the page, and markup stays text`, { timeout: TIMEOUT }, async () => {
      const hostile = '<img src=x onerror=alert(1)>'
      const queries = ['', '胡', '胡'.repeat(500), '*', ':', '~', '^', '"胡勇春', '胡勇春"', '“五金', '😀', '😀胡勇春', 'org:', 'year:20x', hostile]
      for (const query of queries) {
        const { page, errors } = await openPage(browser())
        let dialogs = 0
        page.on('dialog', (dialog) => {
          dialogs++
          void dialog.dismiss()
        })
        await page.goto(`${bases()[origin]}search.html?q=${encodeURIComponent(query)}`)
        await waitForOutcome(page, query)
        const view = await readResults(page)
        expect(view.status, query).not.toBe('')
        expect(await page.locator('main img').count(), query).toBe(0)
        if (query === hostile) expect(view.status).toContain(`“${hostile}”`)
        expect(dialogs, query).toBe(0)
        expect(errors, query).toEqual([])
        await page.close()
      }
    })
  }
})
