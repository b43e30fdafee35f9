// The page cache's packs (cache/page-cache.ts): what a build puts comes back whole in the
// next, what a build neither read nor put is gone after its save, and daily rebuilds do not
// pile up packs.
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { pageCache } from '../../src/cache/page-cache.js'
import { readEditorData } from '../../src/ingest/editor-data.js'
import { readContent } from '../../src/ingest/read-content.js'
import { encodeResult, runPageJob, type PageResult } from '../../src/parallel/page-job.js'
import { storyHits } from '../../src/tag/index.js'
import { pageForTransit, pageFromTransit } from '../../src/segment/packed-lines.js'
import { ROOT } from '../helpers/score.js'

let results: PageResult[] = []

beforeAll(async () => {
  const content = path.join(ROOT, 'content')
  const { taxonomy } = await readEditorData(content)
  const pages = await readContent(content)
  results = pages.flatMap(({ page }) => (page && 'text' in page ? [runPageJob(page, taxonomy)] : []))
})

const temp = (): string => mkdtempSync(path.join(tmpdir(), 'page-cache-'))
const packsIn = (dir: string): string[] => readdirSync(path.join(dir, 'pages')).filter((name) => name.endsWith('.pages'))

/** What a result looks like once stored: its tokens are named, not held, and its hits parsed when tagging reads them (tag/index.ts StoryHits). */
const asRead = (result: PageResult) => ({ ...result, hits: storyHits(result.hits), terms: [] })

describe('page cache', () => {
  test('a saved entry is read back as it was put, its tokens apart', async () => {
    const dir = temp()
    const first = pageCache(dir)
    expect(first.read(['a', 'b'])).toEqual([undefined, undefined])
    results.forEach((result, i) => first.put(`page-${i}`, encodeResult(result)))
    await first.save()

    const second = pageCache(dir)
    const read = second.read([...results.keys()].map((i) => `page-${i}`))
    read.forEach((cached, i) => {
      expect(JSON.parse(JSON.stringify(asRead(cached!.result)))).toEqual(JSON.parse(JSON.stringify(asRead(results[i]!))))
      expect(cached!.termKeys).toEqual(results[i]!.terms.map((t) => t.key))
      expect(second.readTerms(`page-${i}`)).toEqual(results[i]!.terms.map((t) => t.terms))
    })
    expect(second.readTerms('no-such-page')).toBeNull()
  })

  test('entries a build neither read nor put are dropped, with the packs that held only them', async () => {
    const dir = temp()
    const first = pageCache(dir)
    first.put('old', encodeResult(results[0]!))
    await first.save()
    const [oldPack] = packsIn(dir)

    const second = pageCache(dir)
    second.put('new', encodeResult(results[1]!))
    await second.save()
    expect(packsIn(dir)).not.toContain(oldPack)

    const third = pageCache(dir)
    expect(third.read(['old', 'new']).map(Boolean)).toEqual([false, true])
  })

  test('daily rebuilds, each adding a page and reading the rest, keep a few packs and every entry', async () => {
    const dir = temp()
    const keys: string[] = []
    for (let day = 0; day < 30; day++) {
      const cache = pageCache(dir)
      expect(cache.read(keys).every(Boolean)).toBe(true)
      const key = `day-${day}`
      cache.put(key, encodeResult(results[day % results.length]!))
      keys.push(key)
      await cache.save()
      expect(packsIn(dir).length).toBeLessThanOrEqual(9)
    }
    const last = pageCache(dir)
    last.read(keys).forEach((cached, day) => expect(cached!.termKeys).toEqual(results[day % results.length]!.terms.map((t) => t.key)))
    expect(last.readTerms('day-29')).toEqual(results[29 % results.length]!.terms.map((t) => t.terms))
  })

  test('a damaged index is an empty cache, and the files of an older layout are removed on save', async () => {
    const dir = temp()
    const first = pageCache(dir)
    first.put('page', encodeResult(results[0]!))
    await first.save()
    writeFileSync(path.join(dir, 'pages', 'index.json'), '{"format": 1, "entr')
    mkdirSync(path.join(dir, 'pages', 'ab'))
    writeFileSync(path.join(dir, 'pages', 'ab', 'abcdef.json'), '{}')

    const second = pageCache(dir)
    expect(second.read(['page'])).toEqual([undefined])
    second.put('page', encodeResult(results[0]!))
    await second.save()
    expect(readdirSync(path.join(dir, 'pages')).filter((name) => name !== 'index.json' && !/\.(pages|terms)$/u.test(name))).toEqual([])
    expect(packsIn(dir)).toHaveLength(1)
    expect(pageCache(dir).read(['page']).map(Boolean)).toEqual([true])
  })

  test('a build that changes nothing keeps at most eight packs and, the second time, leaves them as they are', async () => {
    const dir = temp()
    const keys: string[] = []
    for (let day = 0; day < 12; day++) {
      const cache = pageCache(dir)
      cache.read(keys)
      keys.push(`day-${day}`)
      cache.put(`day-${day}`, encodeResult(results[day % results.length]!))
      await cache.save()
    }
    const unchanged = async (): Promise<string[]> => {
      const cache = pageCache(dir)
      expect(cache.read(keys).every(Boolean)).toBe(true)
      await cache.save()
      return packsIn(dir).sort()
    }
    const first = await unchanged()
    expect(first.length).toBeLessThanOrEqual(8)
    expect(await unchanged()).toEqual(first)
  })

  test('a page that cannot be stored fails the save, not the thread that handed it over', async () => {
    const dir = temp()
    writeFileSync(path.join(dir, 'pages'), 'not a folder')
    const cache = pageCache(dir)
    expect(() => cache.put('page', encodeResult(results[0]!))).not.toThrow()
    await expect(cache.save()).rejects.toThrow()
  })

  test("a page read back keeps its lines in its pack until they are wanted: still there once the pack is removed, and on another thread's side", async () => {
    const dir = temp()
    const first = pageCache(dir)
    results.forEach((result, i) => first.put(`page-${i}`, encodeResult(result)))
    await first.save()
    const read = pageCache(dir).read([...results.keys()].map((i) => `page-${i}`))
    // A save of another build removes the pack; the file read from stays open while its pages are alive.
    rmSync(path.join(dir, 'pages'), { recursive: true })
    read.forEach((cached, i) => {
      const page = cached!.result.page!
      const made = results[i]!.page!
      expect(page.lines).toEqual(made.lines)
      expect(page.lineRoles).toEqual(made.lineRoles)
      // A render thread gets where the lines are, and reads them itself.
      const sent = structuredClone(pageForTransit(page))
      expect(sent.packed).not.toBeInstanceOf(Uint8Array)
      expect(pageFromTransit(sent).lines).toEqual(made.lines)
    })
  })

  test('lines named in a file that is no longer the one they were read from are an error, not another text', () => {
    const dir = temp()
    const other = path.join(dir, 'other')
    writeFileSync(other, 'some other file, not a pack')
    const fd = openSync(other, 'r')
    try {
      const page = pageFromTransit({ page: { ...pageForTransit(results[0]!.page!).page, lines: null, lineRoles: null }, packed: { fd, position: 0, length: 8, dev: 1, ino: 1 } })
      expect(() => page.lines).toThrow(/let go of the file/u)
    } finally {
      closeSync(fd)
    }
  })

  test("a save leaves the files another running build is writing, and removes those of builds that are gone", async () => {
    const dir = temp()
    const first = pageCache(dir)
    first.put('page', encodeResult(results[0]!))
    await first.save()
    const pages = path.join(dir, 'pages')
    // The parent process is alive and not this one; a pid past the kernel's limit is no process.
    const running = `other.pages.${process.ppid}.tmp`
    const gone = `other.pages.${2 ** 22 + 1}.tmp`
    const mine = `mine.pages.${process.pid}.tmp`
    for (const name of [running, gone, mine]) writeFileSync(path.join(pages, name), 'x')
    const second = pageCache(dir)
    second.read(['page'])
    await second.save()
    const left = readdirSync(pages)
    expect(left).toContain(running)
    expect(left).not.toContain(gone)
    expect(left).not.toContain(mine)
  })
})
