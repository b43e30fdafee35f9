// Every page of a built site (date pages, stories, people and topic pages, the API page) is
// reached from the home page by following links in Chromium, with no broken link, console
// error or Content-Security-Policy violation, over HTTP under a sub-path and from file://.

import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { renderSite } from '../../src/render/index.js'
import type { OutputFile } from '../../src/types.js'
import { peopleModel } from '../render/fixtures/people-model.js'
import { chromiumAvailability, launchChromium, removeDir, serveStatic, writeSite, type StaticServer } from './helpers.js'
import { crawlSite } from './link-crawl.js'
import { openPage, readResults, waitForOutcome } from './search-page.js'

const TIMEOUT = 120_000
const availability = chromiumAvailability()

interface CrawlSite {
  dir: string
  paths: string[]
  cleanup: string
  /** Whether the build had diagnostics: only then does the home page link the build report. */
  reportLinked: boolean
}

/** Pages a reader can reach: not 404.html (only mistyped addresses lead there), nor an unlinked report. */
function reachablePages(site: CrawlSite): string[] {
  return site.paths.filter((p) => p.endsWith('.html') && p !== '404.html' && (site.reportLinked || p !== 'report.html')).sort()
}

function crawlTests(
  name: string,
  setup: () => Promise<CrawlSite>,
  extra?: (context: () => { browser: Browser; base: Record<'http' | 'file', string> }) => void,
) {
  describe.skipIf(!availability.run)(name, () => {
    let browser: Browser
    let server: StaticServer
    let site: CrawlSite

    beforeAll(async () => {
      site = await setup()
      server = await serveStatic(site.dir)
      browser = await launchChromium()
    }, TIMEOUT)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
      if (site) await removeDir(site.cleanup)
    })

    test('the site has people and topic pages to reach', () => {
      expect(site.paths.filter((p) => p.startsWith('people/') && p !== 'people/index.html').length).toBeGreaterThan(0)
      expect(site.paths.filter((p) => p.startsWith('topics/') && p !== 'topics/index.html').length).toBeGreaterThan(0)
    })

    for (const origin of ['http', 'file'] as const) {
      test(`${origin}: every page is reached from index.html and no link is broken`, { timeout: TIMEOUT }, async () => {
        const base = origin === 'http' ? server.url : pathToFileURL(`${site.dir}/`).href
        const result = await crawlSite(browser, base)
        expect(result.broken).toEqual([])
        expect(result.errors).toEqual([])
        expect(result.visited).toEqual(reachablePages(site))
      })
    }

    extra?.(() => ({ browser, base: { http: server.url, file: pathToFileURL(`${site.dir}/`).href } }))
  })
}

crawlTests(
  'link crawl: hand-made tagged archive',
  async () => {
    const model = peopleModel()
    const files: OutputFile[] = renderSite(model)
    const dir = await writeSite(files)
    return { dir, paths: files.map((f) => f.path), cleanup: dir, reportLinked: model.diagnostics.length > 0 }
  },
  (context) => {
    for (const origin of ['http', 'file'] as const) {
      test(`${origin}: a person page's search link lists that person's stories`, { timeout: TIMEOUT }, async () => {
        const { browser, base } = context()
        const { page, errors } = await openPage(browser)
        await page.goto(`${base[origin]}people/${encodeURIComponent('周明远')}.html`)
        await page.click('.search-link a')
        await waitForOutcome(page, 'person:周明远')
        expect((await readResults(page)).hrefs.sort()).toEqual(['2019/03/05/p1-l6.html', '2019/11/20/p1-l5.html', '2020/01/08/p1-l4.html'])
        expect(errors).toEqual([])
        await page.close()
      })
    }
  },
)

// The seed content through the whole pipeline, when the build module is there.
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
const buildModule = path.join(projectRoot, 'src/build.ts')

if (existsSync(buildModule)) {
  crawlTests('link crawl: the built seed content', async () => {
    const { build } = (await import(pathToFileURL(buildModule).href)) as typeof import('../../src/build.js')
    const scratch = await writeSite([])
    const outDir = path.join(scratch, 'site')
    const result = await build({ contentDir: path.join(projectRoot, 'content'), outDir, keepGoing: true })
    const paths = (await readdir(outDir, { recursive: true })).map((p) => p.split(path.sep).join('/'))
    return { dir: outDir, paths, cleanup: scratch, reportLinked: result.summary.diagnostics.length > 0 }
  })
}
