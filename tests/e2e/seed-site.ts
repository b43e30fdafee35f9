// The seed content (content/) built by the real pipeline into a temporary folder, and its
// answer key, for browser tests that check the pages against what the printed pages say.

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import { formatDate } from '../../src/render/labels.js'
import { launchChromium, removeDir, serveStatic, writeSite, type StaticServer } from './helpers.js'

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface BuiltSite {
  outDir: string
  result: BuildResult
  remove(): Promise<void>
}

/** Builds `contentDir` (default: the project's content/) with `build()`, as `npm run build` does. */
export async function buildSite(contentDir = path.join(PROJECT_ROOT, 'content'), siteUrl: string | null = null): Promise<BuiltSite> {
  const scratch = await writeSite([])
  const outDir = path.join(scratch, 'site')
  const result = await build({ contentDir, outDir, siteUrl, keepGoing: true })
  return { outDir, result, remove: () => removeDir(scratch) }
}

export interface ServedSite {
  site: BuiltSite
  /** The built site over HTTP under a sub-path. */
  server: StaticServer
  browser: Browser
}

/**
 * Registers hooks that build a content folder (default: content/), serve it under a sub-path
 * and launch Chromium before the suite's tests, and close it all after them. `contentDir` may
 * be made in a hook of the suite that runs first. Returns the running parts, for tests.
 */
export function useServedSite(contentDir?: () => string): () => ServedSite {
  let served: Partial<ServedSite> = {}
  beforeAll(async () => {
    const site = await buildSite(contentDir?.())
    served = { site, server: await serveStatic(site.outDir), browser: await launchChromium() }
  }, 120_000)
  afterAll(async () => {
    await served.browser?.close()
    await served.server?.close()
    await served.site?.remove()
  })
  return () => served as ServedSite
}

export interface GoldStory {
  kind: string
  headline: string[]
  byline: { role: string; names: string[] }
  date: string | null
  lead: string
  end: string
  people: string[]
  topics: string[]
}

export interface GoldPage {
  issueDate: string
  page: number
  stories: GoldStory[]
  notInAnyStory: string[]
}

export function seedGold(): GoldPage[] {
  const gold = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/seed-gold.json'), 'utf8')) as { pages: GoldPage[] }
  return gold.pages
}

/** `2022-06-07` → `2022/06/index.html`, the month page a reader opens to find the issue. */
export function monthPath(date: string): string {
  return `${date.slice(0, 4)}/${date.slice(5, 7)}/index.html`
}

export { formatDate }
