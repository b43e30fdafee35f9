// A page job's result as bytes (parallel/page-job.ts): what the page workers post and the page
// cache keeps must read back as the result itself.
import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { readEditorData } from '../../src/ingest/editor-data.js'
import { readContent } from '../../src/ingest/read-content.js'
import { decodeResult, decodeStored, encodeResult, runPageJob, type PageResult } from '../../src/parallel/page-job.js'
import { isPacked, pageForTransit } from '../../src/segment/packed-lines.js'
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
    expect(JSON.stringify(back)).toBe(JSON.stringify(result))
    expect(isPacked(back.page!)).toBe(true)
  }
})

test("a decoded page owns its packed numbers: it does not keep the bytes it was read from (a whole pack) alive", () => {
  const encoded = encodeResult(results[0]!)
  const { result, termKeys } = decodeStored(encoded.stored)
  expect(termKeys).toEqual(results[0]!.terms.map((t) => t.key))
  expect(result.terms).toEqual([])
  const numbers = pageForTransit(result.page!).packed!.numbers
  expect(numbers.length).toBeGreaterThan(0)
  expect(numbers.buffer).not.toBe(encoded.stored.buffer)
  expect(numbers.buffer.byteLength).toBe(numbers.byteLength)
})
