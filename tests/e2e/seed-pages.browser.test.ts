// Every kind of page, built from content/ by the real pipeline, read in Chromium the way a
// reader finds it (home → month → issue → story), and checked against the answer key
// tests/fixtures/seed-gold.json: headline lines, byline, dates, lead and end of the body,
// people and topics; furniture dimmed on the page view; people, topics, search, API and 404.

import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { chromiumAvailability } from './helpers.js'
import { openPage, waitForOutcome } from './search-page.js'
import { formatDate, monthPath, seedGold, useServedSite, type GoldPage, type GoldStory } from './seed-site.js'

const TIMEOUT = 120_000
const availability = chromiumAvailability()
const gold = seedGold()

function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents()
}

/** The printed text of the page view's lines under `selector`, without the role labels after it. */
function lineTexts(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluateAll((items) => items.map((li) => li.firstChild?.textContent ?? '').join('').replace(/\s+/g, ''))
}

describe.skipIf(!availability.run)('the seed archive, page by page, against the answer key', () => {
  const served = useServedSite()
  const errors: string[] = []

  async function open(path: string): Promise<Page> {
    const tab = await openPage(served().browser)
    const response = await tab.page.goto(served().server.url + path)
    expect(response?.status(), path).toBe(200)
    tab.page.on('close', () => errors.push(...tab.errors.map((e) => `${path}: ${e}`)))
    return tab.page
  }

  /** From the month page's calendar to the issue, as a reader would click. */
  async function openIssueFromCalendar(date: string): Promise<Page> {
    const page = await open(monthPath(date))
    await page.locator('.calendar td.has-issue a', { hasText: String(Number(date.slice(8))) }).first().click()
    await page.waitForURL(`**/${date.replaceAll('-', '/')}/index.html`)
    return page
  }

  /** The story as the JSON API has it (the model the page was rendered from). */
  async function apiStory(page: Page): Promise<{ topics: string[] }> {
    const url = new URL(page.url())
    const [year, month, day, file] = url.pathname.split('/').slice(-4)
    const issue = (await (await fetch(`${served().server.url}api/issues/${year}-${month}-${day}.json`)).json()) as {
      pages: Array<{ stories: Array<{ url: string; topics: string[] }> }>
    }
    return issue.pages.flatMap((p) => p.stories).find((s) => s.url === `${year}/${month}/${day}/${file}`)!
  }

  async function checkStory(page: Page, paper: GoldPage, story: GoldStory): Promise<void> {
    const where = `${paper.issueDate} ${story.lead}`
    const headline = await texts(page, '.story-headline > *')
    if (story.headline.length > 0) expect(headline, where).toEqual(story.headline)
    else expect(await page.locator('.story-headline .derived').count(), where).toBe(1)
    expect(await page.locator('.story-byline').textContent(), where).toBe(story.byline.names.map((name) => `${story.byline.role} ${name}`).join('　'))
    const dates = (await page.locator('.story-dates').textContent()) ?? ''
    if (story.date) expect(dates, where).toContain(`事件日期 ${formatDate(story.date)}`)
    expect(dates, where).toContain(`见报 ${formatDate(paper.issueDate)} 第${paper.page}版`)
    const paragraphs = await texts(page, '.story-body p')
    expect(paragraphs[0]!.startsWith(story.lead), where).toBe(true)
    expect(paragraphs[paragraphs.length - 1]!.endsWith(story.end), where).toBe(true)
    expect((await texts(page, '.story-people a')).sort(), where).toEqual([...story.people].sort())
    // Every topic the key names is shown; the page shows exactly the model's topics (whether the
    // tagger should have added more is the answer-key test's business, not the page's).
    const topics = await texts(page, '.story-topics a')
    expect(topics, where).toEqual(expect.arrayContaining(story.topics))
    expect(topics, where).toEqual((await apiStory(page)).topics)
    expect(await page.locator('.story-cite cite').textContent(), where).toContain(`[N]. 永康日报, ${paper.issueDate}(${paper.page}).`)
  }

  test('the answer key has stories to check', () => {
    expect(gold.flatMap((p) => p.stories).length).toBeGreaterThan(10)
  })

  for (const paper of gold) {
    test(`${paper.issueDate}: month calendar → issue → each story shows what the page printed`, { timeout: TIMEOUT }, async () => {
      const issue = await openIssueFromCalendar(paper.issueDate)
      const links = issue.locator('.issue-page .story-list > li > a')
      expect(await links.count()).toBe(paper.stories.length)
      const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
      await issue.close()
      for (const [i, story] of paper.stories.entries()) {
        const page = await open(hrefs[i]!.slice(served().server.url.length))
        await checkStory(page, paper, story)
        await page.close()
      }
    })

    test(`${paper.issueDate}: the page view lists the stories beside the lines and dims the furniture`, { timeout: TIMEOUT }, async () => {
      const page = await open(`${paper.issueDate.replaceAll('-', '/')}/p${paper.page}.html`)
      expect(await page.locator('.page-stories li').count()).toBe(paper.stories.length)
      const storyText = await lineTexts(page, '.page-region--story .source-lines li')
      const furnitureText = await lineTexts(page, '.page-region--furniture .source-lines li')
      for (const fragment of paper.notInAnyStory) {
        const squeezed = fragment.replace(/\s+/g, '')
        expect(storyText.includes(squeezed), fragment).toBe(false)
        expect(furnitureText.includes(squeezed), fragment).toBe(true)
      }
      // Each story's region links to its story, and each line has its number.
      expect(await page.locator('.page-region--story h2 a').count()).toBeGreaterThanOrEqual(paper.stories.length)
      const first = page.locator('.source-lines li').first()
      expect(await first.getAttribute('id')).toBe(`L${await first.getAttribute('value')}`)
      await page.close()
    })
  }

  test('the 2022-06-04 inspection by 胡勇春: byline 张赤奎, event date, and "view on page" lands on its first line', { timeout: TIMEOUT }, async () => {
    const issue = await openIssueFromCalendar('2022-06-07')
    await issue.locator('.issue-page .story-list > li > a').first().click()
    await issue.waitForLoadState()
    expect(await issue.locator('.story-byline').textContent()).toBe('融媒首席记者 张赤奎')
    expect(await issue.locator('.story-dates time').first().getAttribute('datetime')).toBe('2022-06-04')
    expect(await issue.locator('.story-dates').textContent()).toContain('事件日期 2022年6月4日')
    expect(await issue.locator('.story-people a', { hasText: '胡勇春' }).count()).toBe(1)
    await issue.locator('a.view-on-page').click()
    await issue.waitForLoadState()
    const target = issue.locator('.source-lines li:target')
    expect(await target.count()).toBe(1)
    expect(await target.textContent()).toContain('张赤奎')
    await issue.close()
  })

  test('home: the latest issue with its stories, recent people and topics, and every issue in the calendar', { timeout: TIMEOUT }, async () => {
    const latest = [...gold].sort((a, b) => (a.issueDate < b.issueDate ? 1 : -1))[0]!
    const page = await open('index.html')
    expect(await page.locator('.latest-issue h2').textContent()).toBe(`最新一期：永康日报 ${formatDate(latest.issueDate)}`)
    expect(await page.locator('.latest-issue .story-list > li').count()).toBe(latest.stories.length)
    const recentPeople = await texts(page, '.recent-names .name-counts a')
    for (const name of latest.stories.flatMap((s) => s.people)) expect(recentPeople).toContain(name)
    const days = await page.locator('.archive-days a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect([...days].sort()).toEqual(gold.map((p) => `${p.issueDate.replaceAll('-', '/')}/index.html`).sort())
    await page.close()
  })

  test('year pages show a calendar for each month with an issue', { timeout: TIMEOUT }, async () => {
    for (const year of [...new Set(gold.map((p) => p.issueDate.slice(0, 4)))]) {
      const page = await open(`${year}/index.html`)
      const months = [...new Set(gold.filter((p) => p.issueDate.startsWith(year)).map((p) => p.issueDate.slice(0, 7)))].sort()
      expect(await texts(page, '.calendar caption')).toEqual(months.map((m) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`))
      await page.close()
    }
  })

  test('person and people index: 胡勇春 lists exactly the stories the key names him in', { timeout: TIMEOUT }, async () => {
    const expected = gold.flatMap((p) => p.stories.filter((s) => s.people.includes('胡勇春')).map((s) => s.lead))
    const index = await open('people/index.html')
    const names = await texts(index, '.entry-list > li > a:first-child')
    expect([...names].sort()).toEqual([...new Set(gold.flatMap((p) => p.stories.flatMap((s) => s.people)))].sort())
    await index.locator('.entry-list > li > a', { hasText: /^胡勇春$/ }).click()
    await index.waitForLoadState()
    expect(await index.locator('h1').textContent()).toBe('胡勇春')
    expect(await index.locator('.dated-story-list > li').count()).toBe(expected.length)
    expect(await index.locator('svg.month-chart').count()).toBe(1)
    await index.close()
  })

  test('topic and topics index: 疫情防控 lists exactly the stories the key files under it', { timeout: TIMEOUT }, async () => {
    const expected = gold.flatMap((p) => p.stories.filter((s) => s.topics.includes('疫情防控')))
    const index = await open('topics/index.html')
    await index.locator('.entry-list > li > a', { hasText: /^疫情防控$/ }).click()
    await index.waitForLoadState()
    expect(await index.locator('h1').textContent()).toBe('疫情防控')
    expect(await index.locator('.dated-story-list > li').count()).toBe(expected.length)
    await index.close()
  })

  test('search with results, api.html, the build report and 404', { timeout: TIMEOUT }, async () => {
    const search = await open(`search.html?q=${encodeURIComponent('person:胡勇春 疫情')}`)
    await waitForOutcome(search, 'person:胡勇春 疫情')
    const expected = gold.flatMap((p) => p.stories).filter((s) => s.people.includes('胡勇春'))
    const found = await search.locator('#results > li').count()
    expect(found).toBeGreaterThan(0)
    expect(found).toBeLessThanOrEqual(expected.length)
    expect(await search.locator('#search-status').textContent()).toContain(`找到 ${found} 篇`)
    expect(await search.locator('#results mark').first().textContent()).toBe('疫情')
    await search.close()

    const api = await open('api.html')
    expect(await api.locator('h1').textContent()).toBe('数据接口')
    // Fetched rather than opened: a JSON tab makes Chromium ask the server root for a favicon.
    const href = await api.locator('a[href="api/issues.json"]').first().evaluate((a) => (a as HTMLAnchorElement).href)
    const issues = (await (await fetch(href)).json()) as Array<{ date: string }>
    expect(issues.map((i) => i.date).sort()).toEqual(gold.map((p) => p.issueDate).sort())
    await api.close()

    const report = await open('report.html')
    expect(await report.locator('.report-file').count()).toBe(new Set(served().site.result.summary.diagnostics.map((d) => d.path)).size)
    expect(await report.locator('.report-table tbody tr').count()).toBe(served().site.result.summary.diagnostics.length)
    await report.close()

    const missing = await open('404.html')
    expect(await missing.locator('h1').textContent()).toBe('找不到这个页面')
    await missing.close()
  })

  test('no page logged an error or broke the Content-Security-Policy', () => {
    expect(errors).toEqual([])
  })
})
