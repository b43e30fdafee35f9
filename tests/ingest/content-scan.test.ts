// The content scan (cache/content-scan.ts): a rebuild reads only the content files whose stat
// changed, and builds from the others exactly what reading them would give.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { contentScan } from '../../src/cache/content-scan.js'
import { pageCache } from '../../src/cache/page-cache.js'
import { readContent, readPageText } from '../../src/ingest/read-content.js'
import { readFile } from '../../src/ingest/read-file.js'
import { buildModel } from '../../src/pipeline.js'
import { renderSite } from '../../src/render/index.js'
import { ROOT } from '../helpers/score.js'

const temp = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix))

/** The seed pages in a folder of their own, and a reader that counts what it reads. */
function setup() {
  const content = path.join(temp('scan-'), 'content')
  cpSync(path.join(ROOT, 'content'), content, { recursive: true })
  const reads: string[] = []
  const readBytes = (file: string) => {
    reads.push(path.relative(content, file))
    return readFile(file)
  }
  return { content, reads, readBytes, scanFile: path.join(temp('scan-cache-'), 'content-scan.json') }
}

const PAGE = '2023/2023-03-16/page-01.txt'

describe('content scan', () => {
  test('a second read takes unchanged files from the scan, with the same pages and messages, and reads a changed one', async () => {
    const { content, reads, readBytes, scanFile } = setup()
    const first = await contentScan(scanFile, { racyMs: 0 })
    const read = await readContent(content, { readBytes, scan: first })
    await first.save()
    expect(reads.length).toBe(read.length)
    expect(read.every((r) => r.page && 'text' in r.page)).toBe(true)

    reads.length = 0
    const again = await readContent(content, { readBytes, scan: await contentScan(scanFile, { racyMs: 0 }) })
    expect(reads).toEqual([])
    expect(again.map((r) => r.file.messages.map(String))).toEqual(read.map((r) => r.file.messages.map(String)))
    expect(again.map((r) => r.file.path)).toEqual(read.map((r) => r.file.path))
    again.forEach((r, i) => {
      const { text: _, ...facts } = read[i]!.page as { text: string }
      expect(r.page).toMatchObject(facts)
      expect(r.page).not.toHaveProperty('text')
    })

    // An edit changes the file's stat: it alone is read again.
    const file = path.join(content, PAGE)
    writeFileSync(file, readFileSync(file, 'utf8').replace('今晚举行', '明晚举行'))
    reads.length = 0
    await readContent(content, { readBytes, scan: await contentScan(scanFile, { racyMs: 0 }) })
    expect(reads).toEqual([PAGE])
  })

  test("a first build's scan is kept though the cache folder does not exist yet", async () => {
    const { content, reads, readBytes } = setup()
    const scanFile = path.join(temp('scan-cache-'), 'not-yet', 'content-scan.json')
    const first = await contentScan(scanFile, { racyMs: 0 })
    await readContent(content, { readBytes, scan: first })
    await first.save()
    reads.length = 0
    await readContent(content, { readBytes, scan: await contentScan(scanFile, { racyMs: 0 }) })
    expect(reads).toEqual([])
  })

  test('a file written shortly before it was read is read again next time, whatever its stat', async () => {
    const { content, reads, readBytes, scanFile } = setup()
    const scan = await contentScan(scanFile, { racyMs: 60 * 60 * 1000 })
    await readContent(content, { readBytes, scan })
    await scan.save()
    reads.length = 0
    await readContent(content, { readBytes, scan: await contentScan(scanFile) })
    expect(reads.length).toBeGreaterThan(0)
    // Its modification time set an hour back does not help: the change time (which a program cannot set) is recent.
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000)
    utimesSync(path.join(content, PAGE), hourAgo, hourAgo)
    const aged = await contentScan(scanFile, { racyMs: 30 * 60 * 1000 })
    await readContent(content, { scan: aged })
    await aged.save()
    reads.length = 0
    await readContent(content, { readBytes, scan: await contentScan(scanFile) })
    expect(reads).toContain(PAGE)
  })

  test('a scan written by other code, or damaged, is not trusted', async () => {
    const { content, reads, readBytes, scanFile } = setup()
    writeFileSync(scanFile, '{"code":"other","files":{}}')
    await readContent(content, { readBytes, scan: await contentScan(scanFile, { racyMs: 0 }) })
    const all = reads.length
    writeFileSync(scanFile, '{"code":')
    reads.length = 0
    await readContent(content, { readBytes, scan: await contentScan(scanFile, { racyMs: 0 }) })
    expect(reads.length).toBe(all)
  })

  test('pages taken from the scan whose page jobs must run again (the taxonomy changed) are read then, and the site is what a clean build makes', async () => {
    const { content, reads, readBytes, scanFile } = setup()
    const cacheDir = temp('scan-pages-')
    const warm = await contentScan(scanFile, { racyMs: 0 })
    await buildModel(content, null, { readBytes, scan: warm }, undefined, pageCache(cacheDir))
    const files = (m: Awaited<ReturnType<typeof buildModel>>) => renderSite(m.model).map((f) => [f.path, String(f.contents)])
    // Nothing changed: nothing is read, every page comes from the page cache, and the site is the same.
    reads.length = 0
    const unchanged = await buildModel(content, null, { readBytes, scan: await contentScan(scanFile, { racyMs: 0 }) }, undefined, pageCache(cacheDir))
    expect(reads).toEqual([])
    expect(files(unchanged)).toEqual(files(await buildModel(content)))
    // Another topic: every page's key changes, and every page is segmented again from its text.
    mkdirSync(path.join(content, '_data'))
    writeFileSync(path.join(content, '_data', 'topics.yaml'), 'topics:\n  春季招聘:\n    keywords: { 招聘会: 3 }\n')
    reads.length = 0
    const scanned = await buildModel(content, null, { readBytes, scan: await contentScan(scanFile, { racyMs: 0 }) }, undefined, pageCache(cacheDir))
    const pages = scanned.model.issues.reduce((n, issue) => n + issue.pages.length, 0)
    // Read once each: by readPageText, not by the scan.
    expect(reads.length).toBe(pages)
    const clean = await buildModel(content)
    expect(scanned.model.diagnostics).toEqual(clean.model.diagnostics)
    expect(files(scanned)).toEqual(files(clean))
  }, 60_000)

  test('a page that no longer reads as it did when scanned fails with a message naming its file', async () => {
    const { content } = setup()
    const file = new VFile({ path: PAGE })
    const page = { meta: { paper: '永康日报', date: '2023-03-16', page: 1, source: null }, contentPath: PAGE, displayPath: PAGE, firstLine: 6, textKey: 'not-its-text' }
    expect(await readPageText(content, page, file)).toBeNull()
    expect(file.messages.map((m) => [m.fatal, m.ruleId, m.reason])).toEqual([[true, 'read', 'Cannot read page: the file changed while the site was being built; build again']])
  })
})
