// A page job's result as bytes (parallel/page-job.ts): what the page workers post and the page
// cache keeps must read back as the result itself.
import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { readEditorData } from '../../src/ingest/editor-data.js'
import { readContent } from '../../src/ingest/read-content.js'
import { decodeResult, decodeStored, encodeResult, runPageJob, type PageResult } from '../../src/parallel/page-job.js'
import { storyHits } from '../../src/tag/index.js'
import { isPacked, pageForTransit, pageFromTransit } from '../../src/segment/packed-lines.js'
import { ROOT } from '../helpers/score.js'

let results: PageResult[] = []

beforeAll(async () => {
  const content = path.join(ROOT, 'content')
  const { taxonomy } = await readEditorData(content)
  results = (await readContent(content)).flatMap(({ page }) => (page && 'text' in page ? [runPageJob(page, taxonomy)] : []))
})

test('a result encoded and decoded is the same result, its page packed', () => {
  expect(results.length).toBeGreaterThan(0)
  for (const result of results) {
    const back = decodeResult(encodeResult(result))
    // The hits come back as their JSON, parsed when tagging reads them (tag/index.ts StoryHits).
    expect(typeof back.hits).toBe('string')
    expect(storyHits(back.hits)).toEqual(storyHits(result.hits))
    expect(JSON.stringify({ ...back, hits: null })).toBe(JSON.stringify({ ...result, hits: null }))
    expect(isPacked(back.page!)).toBe(true)
  }
})

test("a decoded page keeps its lines as bytes of its own: not a view of the bytes it was read from (a whole pack)", () => {
  const encoded = encodeResult(results[0]!)
  const { result, termKeys } = decodeStored(encoded.stored)
  expect(termKeys).toEqual(results[0]!.terms.map((t) => t.key))
  expect(result.terms).toEqual([])
  const held = pageForTransit(result.page!).packed as Uint8Array
  expect(held).toBeInstanceOf(Uint8Array)
  expect(held.buffer).not.toBe(encoded.stored.buffer)
  // The bytes read may be reused (the page cache reads a pack through one buffer): the page is not changed by it.
  encoded.stored.fill(0)
  expect(JSON.stringify(result.page!.lines)).toBe(JSON.stringify(results[0]!.page!.lines))
})

test('a page read back crosses to a render thread with its lines in bytes of their own, not the shared block they are kept in', () => {
  const pages = results.map((r) => decodeStored(encodeResult(r).stored).result.page!)
  const kept = pageForTransit(pages[1]!).packed as Uint8Array
  const sent = structuredClone(pageForTransit(pages[1]!)).packed as Uint8Array
  expect(sent.byteLength).toBe(kept.byteLength)
  // A clone copies a view's whole buffer: what is sent must be its own.
  expect(sent.buffer.byteLength).toBe(sent.byteLength)
  expect(JSON.stringify(pageFromTransit(structuredClone(pageForTransit(pages[1]!))).lines)).toBe(JSON.stringify(results[1]!.page!.lines))
})
