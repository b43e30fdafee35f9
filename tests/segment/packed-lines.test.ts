import { describe, expect, test } from 'vitest'
import { deserialize, serialize } from 'node:v8'
import { isPacked, packPageLines, pageForTransit, pageFromTransit, sealPacked, unsealedPage, type Packed, type PageInTransit } from '../../src/segment/packed-lines.js'
import type { SegmentedPage } from '../../src/types.js'

function page(): SegmentedPage {
  return {
    page: { contentPath: '2022/2022-01-05/page-01.txt', displayPath: 'content/2022/2022-01-05/page-01.txt', meta: { date: '2022-01-05', page: 1, paper: '示例日报' } } as SegmentedPage['page'],
    lines: [
      { line: 1, raw: 'Y O N G K A N G', text: 'YONGKANG', blankBefore: 0 },
      { line: 3, raw: '本报讯 (记者 王某)', text: '本报讯（记者 王某）', blankBefore: 1 },
      { line: 4, raw: '正文第一行', text: '正文第一行', blankBefore: 0 },
      { line: 7, raw: '', text: '', blankBefore: 2 },
    ],
    stories: [],
    furniture: [],
    lineRoles: [
      { line: 1, kind: 'masthead', story: null },
      { line: 3, kind: 'byline', story: 0 },
      { line: 4, kind: 'body', story: 0 },
      { line: 7, kind: 'fragment', story: 2 },
    ],
  }
}

describe('packPageLines', () => {
  test('gives back the same lines and roles, in the same key order, to every kind of reader', () => {
    const before = page()
    const packed = packPageLines(page())
    expect(packed.lines).toEqual(before.lines)
    expect(packed.lineRoles).toEqual(before.lineRoles)
    expect(Object.keys(packed)).toEqual(Object.keys(before))
    expect(JSON.stringify(packed)).toBe(JSON.stringify(before))
    expect(structuredClone(packed)).toEqual(before)
  })

  test('each read is a fresh array, so a reader that sorts or changes it changes nothing else', () => {
    const packed = packPageLines(page())
    packed.lines.reverse()
    packed.lineRoles[0]!.kind = 'ad'
    expect(packed.lines[0]!.line).toBe(1)
    expect(packed.lineRoles[0]!.kind).toBe('masthead')
  })

  test('a write replaces the packed lines as on a plain object', () => {
    const packed = packPageLines(page())
    packed.lines = [{ line: 9, raw: 'x', text: 'x', blankBefore: 0 }]
    expect(packed.lines).toEqual([{ line: 9, raw: 'x', text: 'x', blankBefore: 0 }])
    expect(packed.lineRoles).toHaveLength(4)
  })

  test('a page whose lines carry anything packing would not restore is left as it is', () => {
    const odd = page()
    ;(odd.lines[0] as unknown as Record<string, unknown>).extra = true
    expect(packPageLines(odd)).toBe(odd)
    const newline = page()
    newline.lines[1]!.raw = 'a\nb'
    expect(packPageLines(newline)).toBe(newline)
  })

  test('stored with v8.serialize (the page cache) and read back, a packed page is the same page, still packed', () => {
    const packed = packPageLines(page())
    const bytes = serialize(pageForTransit(packed))
    // No object per line on disk: the lines are one string and a list of numbers.
    expect(bytes.includes('blankBefore')).toBe(false)
    const stored = deserialize(bytes) as PageInTransit
    expect(stored.packed).toBeDefined()
    const back = pageFromTransit(stored)
    expect(isPacked(back)).toBe(true)
    expect(JSON.stringify(back)).toBe(JSON.stringify(page()))
    expect(Object.keys(back)).toEqual(Object.keys(page()))
    expect(packPageLines(back)).toBe(back)
  })

  test('a page that is not packed (or was written to since) is stored and read back as it is', () => {
    const odd = page()
    ;(odd.lines[0] as unknown as Record<string, unknown>).extra = true
    const again = (p: typeof odd) => pageFromTransit(deserialize(serialize(pageForTransit(p))) as PageInTransit)
    expect(again(odd)).toEqual(odd)
    const written = packPageLines(page())
    written.lines = [{ line: 9, raw: 'x', text: 'x', blankBefore: 0 }]
    expect(isPacked(written)).toBe(false)
    expect(JSON.stringify(again(written))).toBe(JSON.stringify(written))
  })

  test('posted to another thread (a structured clone), a packed page crosses packed and arrives the same page', () => {
    const sent = structuredClone(pageForTransit(packPageLines(page())))
    // The clone copies the packing, not an object per line read through the getters.
    expect(sent.page.lines).toBeNull()
    expect((sent.packed as Packed).numbers).toBeInstanceOf(Int32Array)
    const back = pageFromTransit(sent)
    expect(isPacked(back)).toBe(true)
    expect(JSON.stringify(back)).toBe(JSON.stringify(page()))
    expect(Object.keys(back)).toEqual(Object.keys(page()))
    // A page that is not packed crosses as it is.
    const written = packPageLines(page())
    written.lines = [{ line: 9, raw: 'x', text: 'x', blankBefore: 0 }]
    expect(JSON.stringify(pageFromTransit(structuredClone(pageForTransit(written))))).toBe(JSON.stringify(written))
  })

  test('sealed (its packing as bytes) and read back from larger bytes, a page is the same page, its lines decoded when first read, and it keeps no view of those bytes', () => {
    const sealed = sealPacked(pageForTransit(packPageLines(page())))
    expect(sealed.packed).toBeInstanceOf(Uint8Array)
    expect(sealPacked(sealed)).toBe(sealed)
    const bytes = serialize({ before: 'x'.repeat(100), sealed })
    const read = (deserialize(bytes) as { sealed: PageInTransit }).sealed
    const back = unsealedPage(read)
    const held = pageForTransit(back).packed as Uint8Array
    expect(held).toBeInstanceOf(Uint8Array)
    expect(held.buffer).not.toBe((read.packed as Uint8Array).buffer)
    // Changing the bytes read does not change the page.
    ;(read.packed as Uint8Array).fill(0)
    expect(isPacked(back)).toBe(true)
    expect(JSON.stringify(back)).toBe(JSON.stringify(page()))
    // Decoded once, then held decoded: it crosses to a thread as the packing itself.
    expect(pageForTransit(back).packed).not.toBeInstanceOf(Uint8Array)
    // A page crossing sealed arrives the same page too.
    expect(JSON.stringify(pageFromTransit(structuredClone(sealed)))).toBe(JSON.stringify(page()))
  })
})
