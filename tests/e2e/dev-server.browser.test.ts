// npm run dev: the dev server builds a temporary copy of content/ with build(), serves it on a
// random port, and after a content file changes, rebuilds and reloads the open page, which
// then shows the new text; its reload script stays out of the files on disk and within the
// pages' Content-Security-Policy. The CLI starts and serves too.

import { spawn, type ChildProcess } from 'node:child_process'
import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDevServer, type DevServer } from '../../src/dev/server.js'
import { chromiumAvailability, launchChromium, removeDir, writeSite } from './helpers.js'
import { openPage } from './search-page.js'
import { PROJECT_ROOT } from './seed-site.js'

const TIMEOUT = 120_000
const availability = chromiumAvailability()
const PAGE_FILE = '2021/2021-12-10/page-01.txt'
const STORY = '2021/12/10/p1-l267.html'
const OLD_TITLE = '胡勇春检查疫情防控工作'
const NEW_TITLE = '胡勇春检查防汛防台工作'

async function htmlFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((p) => p.endsWith('.html')).map((p) => path.join(dir, p))
}

describe.skipIf(!availability.run)('npm run dev', () => {
  let scratch: string
  let contentDir: string
  let outDir: string
  let server: DevServer
  let browser: Browser

  beforeAll(async () => {
    scratch = await writeSite([])
    contentDir = path.join(scratch, 'content')
    outDir = path.join(scratch, 'public')
    await cp(path.join(PROJECT_ROOT, 'content'), contentDir, { recursive: true })
    server = await startDevServer({ build: { contentDir, outDir, siteUrl: null, keepGoing: true }, port: 0 })
    browser = await launchChromium()
  }, TIMEOUT)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (scratch) await removeDir(scratch)
  })

  test('serves pages with the reload script, while the files on disk have none', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const served = await (await fetch(`${server.url}index.html`)).text()
    expect(served).toContain('<script src="/__dev/reload.js" data-dev-build="1" defer></script>')
    expect(served).toMatch(/content="[^"]*connect-src &#x27;self&#x27;"/)
    for (const file of await htmlFiles(outDir)) expect(await readFile(file, 'utf8'), file).not.toContain('__dev')
    expect((await fetch(`${server.url}no-such-page.html`)).status).toBe(404)
    expect((await fetch(`${server.url}bad%E0%A4%A.html`)).status).toBe(404)
    expect((await fetch(`${server.url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404)
    expect((await fetch(`${server.url}index.html`)).status).toBe(200)
  })

  test('a changed content file is rebuilt and the open page reloads with the new text', { timeout: TIMEOUT }, async () => {
    const { page, errors } = await openPage(browser)
    await page.goto(server.url + STORY)
    expect(await page.locator('h1').textContent()).toBe(OLD_TITLE)
    // Whether the page's event stream opens before or after the rebuild, the reload comes:
    // the server says the build number on connect, and the page compares it with its own.

    const file = path.join(contentDir, PAGE_FILE)
    const text = await readFile(file, 'utf8')
    expect(text).toContain(`\n${OLD_TITLE}\n`)
    const reloaded = page.waitForEvent('load', { timeout: 30_000 })
    await writeFile(file, text.replace(`\n${OLD_TITLE}\n`, `\n${NEW_TITLE}\n`))
    await reloaded
    await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, NEW_TITLE, { timeout: 30_000 })
    expect(server.build()).toBeGreaterThan(1)
    expect(await page.locator('script[data-dev-build]').getAttribute('data-dev-build')).toBe(String(server.build()))
    expect(await readFile(path.join(outDir, STORY), 'utf8')).toContain(NEW_TITLE)
    expect(errors).toEqual([])
    await page.close()
  })

  test('the command line starts the server on the port asked for and serves the site', { timeout: TIMEOUT }, async () => {
    const out = path.join(scratch, 'cli-public')
    const tsx = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx')
    const child: ChildProcess = spawn(tsx, ['src/cli/dev.ts', '--content', contentDir, '--out', out, '--port', '0'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const match = /Serving .* at (http:\/\/\S+\/)/.exec(output)
          if (match) resolve(match[1]!)
        })
        child.once('exit', (code) => reject(new Error(`dev exited with ${code}: ${output}`)))
      })
      const page = await (await fetch(`${url}${STORY}`)).text()
      expect(page).toContain('/__dev/reload.js')
      expect(page).toContain('<h1>')
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  })
})
