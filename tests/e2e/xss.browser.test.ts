// Markup in the printed text stays text. A content page whose headline, body and byline carry
// `<script>`, an `<img onerror>` and a `javascript:` link is built with build(); the story
// pages, the page view, the issue page and search results are opened in Chromium: no dialog
// opens, no element, handler or link comes out of the text, and the text is shown as written.
// Fields the pipeline never fills with such text (byline names, people, topics, columns, the
// site's title, build messages) are checked the same way on a hand-made model.

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bundleSearchEarly } from '../../src/search/bundle-client.js'
import { renderSite } from '../../src/render/index.js'
import { storyUrl } from '../../src/render/urls.js'
import type { SiteModel } from '../../src/types.js'
import { makeIssue, makeModel, makePage, makeStory } from '../search/fixtures/site-model.js'
import { chromiumAvailability, launchChromium, removeDir, writeSite } from './helpers.js'
import { openPage, waitForOutcome } from './search-page.js'
import { useServedSite } from './seed-site.js'

const TIMEOUT = 120_000
const availability = chromiumAvailability()

const SCRIPT = '<script>alert(1)</script>'
const IMG = '"><img src=x onerror=alert(1)>'
const JS_LINK = 'javascript:alert(1)'

const HOSTILE_PAGE = `---
paper: 测试日报
date: 2023-05-06
page: 1
---
${SCRIPT}市里召开安全生产会议

本报讯（${SCRIPT}记者 王明）5月5日上午，市里召开安全生产工作会议，部署近期安全生产工作。会议指出，${SCRIPT}各部门要压实责任，${IMG}确保安全。
会议要求，要加强检查，${JS_LINK} 及时消除隐患。

${JS_LINK}新桥建成通车

本报讯（${IMG}记者 李明）5月4日，新桥正式建成通车，市民${SCRIPT}出行更加方便。
`

interface PageState {
  dialogs: string[]
  errors: string[]
}

/** Nothing in the page came from the text as markup: no image, inline script, handler attribute or script link. */
async function expectInert(page: Page, state: PageState, where: string): Promise<void> {
  // Long enough for an image error or a script to have run, had one been created.
  await page.waitForTimeout(150)
  const found = await page.evaluate((early) => ({
    images: document.querySelectorAll('img').length,
    // The search page's copy of the index's entry is a JSON data block, never run; its head
    // script is our own code, byte for byte (its policy allows no other).
    inlineScripts: [...document.scripts].filter(
      (s) => !s.src && !(s.type === 'application/json' && s.id === 'search-entry') && !(s.id === 'search-early' && s.text === early),
    ).length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
    ),
    scriptLinks: [...document.querySelectorAll('[href], [src], [action]')].filter((el) =>
      ['href', 'src', 'action'].some((name) => /^\s*javascript:/i.test(el.getAttribute(name) ?? '')),
    ).length,
  }), bundleSearchEarly())
  expect(found, where).toEqual({ images: 0, inlineScripts: 0, handlers: [], scriptLinks: 0 })
  expect(state.dialogs, where).toEqual([])
  expect(state.errors, where).toEqual([])
}

async function openWatched(browser: Browser, url: string): Promise<{ page: Page; state: PageState }> {
  const { page, errors } = await openPage(browser)
  const state: PageState = { dialogs: [], errors }
  page.on('dialog', (dialog) => {
    state.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(url)
  return { page, state }
}

async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText()
}

interface ApiStory {
  url: string
  headline: string[]
  title: string
  body: string[]
}

describe.skipIf(!availability.run)('hostile text from a content page, built with build()', () => {
  let contentRoot: string
  let stories: ApiStory[]

  // Registered first, so it runs before the site is built from it.
  beforeAll(async () => {
    contentRoot = await mkdtemp(path.join(tmpdir(), 'archive-xss-'))
    const dir = path.join(contentRoot, 'content/2023/2023-05-06')
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, 'page-01.txt'), HOSTILE_PAGE)
  })
  afterAll(async () => {
    if (contentRoot) await removeDir(contentRoot)
  })
  const served = useServedSite(() => path.join(contentRoot, 'content'))
  const browser = () => served().browser
  beforeAll(async () => {
    const issue = (await (await fetch(`${served().server.url}api/issues/2023-05-06.json`)).json()) as { pages: Array<{ stories: ApiStory[] }> }
    stories = issue.pages.flatMap((p) => p.stories)
  })

  test('the hostile strings reached the headline and the body of the built stories', () => {
    const text = stories.flatMap((s) => [...s.headline, ...s.body]).join('\n')
    for (const needle of ['<script>alert(1', '<img src=x onerror=alert(', 'javascript:alert(']) expect(text).toContain(needle)
    expect(stories.some((s) => s.headline.some((line) => line.includes('<script>')))).toBe(true)
    expect(stories.some((s) => s.headline.some((line) => line.includes('javascript:')))).toBe(true)
  })

  for (const origin of ['http', 'file'] as const) {
    const base = () => (origin === 'http' ? served().server.url : pathToFileURL(`${served().site.outDir}/`).href)

    test(`${origin}: story pages show headline and body as text`, { timeout: TIMEOUT }, async () => {
      for (const story of stories) {
        const { page, state } = await openWatched(browser(), base() + story.url)
        const text = await mainText(page)
        for (const line of [...story.headline, ...story.body]) expect(text, story.url).toContain(line)
        expect(await page.title()).toContain(story.title)
        await expectInert(page, state, story.url)
        await page.close()
      }
    })

    test(`${origin}: the page view shows the printed lines exactly, markup included`, { timeout: TIMEOUT }, async () => {
      const { page, state } = await openWatched(browser(), `${base()}2023/05/06/p1.html`)
      const lines = await page.locator('.source-lines li').evaluateAll((items) => items.map((li) => li.firstChild?.textContent ?? ''))
      for (const raw of HOSTILE_PAGE.split('---\n')[2]!.split('\n').filter((l) => l.trim() !== '')) expect(lines).toContain(raw)
      await expectInert(page, state, 'page view')
      await page.close()
    })

    test(`${origin}: the issue page and the home page list the hostile titles as text`, { timeout: TIMEOUT }, async () => {
      for (const path of ['2023/05/06/index.html', 'index.html']) {
        const { page, state } = await openWatched(browser(), base() + path)
        const titles = await page.locator('.story-list > li > a').allTextContents()
        expect(titles, path).toEqual(stories.map((s) => s.title))
        await expectInert(page, state, path)
        await page.close()
      }
    })

    test(`${origin}: search results for the hostile words show them as text`, { timeout: TIMEOUT }, async () => {
      for (const query of ['alert', 'onerror', 'javascript', 'script']) {
        const { page, state } = await openWatched(browser(), `${base()}search.html?q=${encodeURIComponent(query)}`)
        await waitForOutcome(page, query)
        expect(await page.locator('#results > li').count(), query).toBeGreaterThan(0)
        expect((await page.locator('#results mark').allTextContents()).map((m) => m.toLowerCase()), query).toContain(query)
        expect(await page.locator('#results').innerText(), query).toMatch(/<script>|<img src=x|javascript:/)
        await expectInert(page, state, `search ${query}`)
        await page.close()
      }
    })
  }
})

/** Hostile text in every field the pipeline would not fill with it. */
function hostileModel(): SiteModel {
  const date = '2023-07-01'
  const story = makeStory(date, 1, {
    bodyLine: 5,
    column: `${SCRIPT}栏目`,
    headline: [`${IMG}标题`],
    title: `${IMG}标题`,
    titleDerived: false,
    byline: [{ name: `${SCRIPT}`, role: JS_LINK }],
    body: [`正文${SCRIPT}${IMG}${JS_LINK}`],
    people: [{ name: `王${IMG}`, roles: [`${SCRIPT}县长`] }],
    topics: [JS_LINK],
    organizations: [`${SCRIPT}局`],
    photographers: [IMG],
    continuedOn: 2,
  })
  const model = makeModel([makeIssue(date, [makePage(date, 1, [story], [`${SCRIPT}广告`])])])
  return {
    ...model,
    config: { title: `档案${SCRIPT}`, description: `说明${IMG}`, siteUrl: null, language: 'zh-CN' },
    diagnostics: [
      { path: `2023/${IMG}.txt`, line: 1, column: 1, severity: 'error', message: `Unexpected ${SCRIPT}`, rule: `ingest:${JS_LINK}` },
    ],
  }
}

describe.skipIf(!availability.run)('hostile text in bylines, people, topics, columns, site settings and build messages', () => {
  let browser: Browser
  let dir: string
  const model = hostileModel()
  const files = renderSite(model)

  beforeAll(async () => {
    dir = await writeSite(files)
    browser = await launchChromium()
  }, TIMEOUT)

  afterAll(async () => {
    await browser?.close()
    if (dir) await removeDir(dir)
  })

  test('every HTML page opens with no dialog and nothing made from the text', { timeout: TIMEOUT }, async () => {
    const pages = files.filter((f) => f.path.endsWith('.html')).map((f) => f.path)
    expect(pages.filter((p) => p.startsWith('people/') || p.startsWith('topics/')).length).toBeGreaterThan(2)
    for (const path of pages) {
      const { page, state } = await openWatched(browser, pathToFileURL(`${dir}/`).href + path.split('/').map(encodeURIComponent).join('/'))
      if (path === 'search.html') await waitForOutcome(page, '')
      await expectInert(page, state, path)
      expect(await page.locator('.site-title').textContent(), path).toBe(`档案${SCRIPT}`)
      await page.close()
    }
  })

  test('the story page shows byline, column, people, roles, topics and credits as written', { timeout: TIMEOUT }, async () => {
    const { page, state } = await openWatched(browser, pathToFileURL(`${dir}/`).href + storyUrl('2023-07-01', 1, 5))
    expect(await page.locator('.story-byline').textContent()).toBe(`${JS_LINK} ${SCRIPT}`)
    expect(await page.locator('.story-column').textContent()).toBe(`${SCRIPT}栏目`)
    expect(await page.locator('.story-people').textContent()).toBe(`王${IMG}（${SCRIPT}县长）`)
    expect(await page.locator('.story-topics a').textContent()).toBe(JS_LINK)
    expect(await page.locator('.story-credits').textContent()).toBe(`摄影：${IMG}`)
    expect(await page.locator('.story-cite cite').textContent()).toBe(`${SCRIPT}. ${IMG}标题[N]. 示例日报, 2023-07-01(1).`)
    await expectInert(page, state, 'story')
    await page.close()
  })

  test('the build report shows paths, messages and rules as written', { timeout: TIMEOUT }, async () => {
    const { page, state } = await openWatched(browser, `${pathToFileURL(`${dir}/`).href}report.html`)
    expect(await page.locator('.report-file h2').textContent()).toBe(`2023/${IMG}.txt`)
    expect(await page.locator('.report-message').textContent()).toBe(`Unexpected ${SCRIPT}`)
    expect(await page.locator('.report-rule').textContent()).toBe(`ingest:${JS_LINK}`)
    await expectInert(page, state, 'report')
    await page.close()
  })
})
