// The term index in tiers (format.ts TermTier): the newest year's stories and all before
// them. A build that keeps the output takes an unchanged older tier as the last build left it
// (tier-state.ts) — its files kept, not made — and still writes what a clean build writes.

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { collectSearchDocs } from '../../src/search/search-docs.js'
import { renderSearchFiles, searchFilesAsync, tierStarts, type SearchFilesOptions } from '../../src/search/search-files.js'
import type { LazyFile, OutputFile, SiteModel } from '../../src/types.js'
import { makeIssue, makeModel, makePage, makeStory, sampleModel } from './fixtures/site-model.js'
import { memorySource } from './helpers/memory-source.js'

const temp = (): string => mkdtempSync(path.join(tmpdir(), 'tiers-'))

/** The sample archive plus an issue of one story on `date`. */
function withIssue(model: SiteModel, date: string, body: string): SiteModel {
  const story = makeStory(date, 1, { bodyLine: 4, body: [body], people: [{ name: '王小明', roles: ['市长'] }], topics: ['五金产业'] })
  return makeModel([...model.issues, makeIssue(date, [makePage(date, 1, [story])])])
}

/** The files as the build takes them, and which of them it had to make (a LazyFile's contents asked for). */
async function build(model: SiteModel, options: SearchFilesOptions): Promise<{ files: OutputFile[]; made: Set<string> }> {
  const files: OutputFile[] = []
  const made = new Set<string>()
  for await (const file of searchFilesAsync(model, { wordMinDocs: 1, termWorker: false, ...options })) {
    if ('inputs' in file) {
      const lazy: LazyFile = file
      files.push({
        path: lazy.path,
        get contents() {
          made.add(lazy.path)
          return lazy.contents()
        },
      })
    } else files.push(file)
  }
  return { files, made }
}

const bytesOf = (files: OutputFile[]) => files.map((f) => [f.path, Buffer.from(f.contents).toString('base64')] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1))
const clean = (model: SiteModel) => bytesOf(renderSearchFiles(model, { wordMinDocs: 1 }))
const olderTier = (files: readonly OutputFile[]) => files.filter((f) => /^search\/terms\/(pos-)?0-/.test(f.path)).map((f) => f.path)

describe('tiers', () => {
  test('cut where the newest issue’s year begins; one tier when every story is of that year', () => {
    const docs = collectSearchDocs(sampleModel())
    const starts = tierStarts(docs)
    expect(starts).toHaveLength(2)
    expect(docs[starts[1]! - 1]!.card.issueDate.slice(0, 4)).toBe('2022')
    expect(docs[starts[1]!]!.card.issueDate.slice(0, 4)).toBe('2023')
    expect(tierStarts(docs.filter((doc) => doc.card.issueDate.startsWith('2023')))).toEqual([0])
    expect(tierStarts([])).toEqual([0])
    expect(memorySource(renderSearchFiles(sampleModel())).entry.tiers.map((tier) => tier.from)).toEqual(starts)
  })

  test('a newer issue of the same year: the older tier is kept whole, not made, and the files are a clean build’s', async () => {
    const dir = temp()
    const first = await build(sampleModel(), { termCacheDir: dir })
    expect(bytesOf(first.files)).toEqual(clean(sampleModel()))
    expect(readdirSync(dir).sort()).toEqual(['postings-0.bin', 'postings-1.bin', 'tier-0.json'])
    const newer = withIssue(sampleModel(), '2023-06-01', '6月1日，市长王小明到五金城调研五金产业。')
    const next = await build(newer, { termCacheDir: dir, keptOutput: true })
    expect(olderTier(next.files).length).toBeGreaterThan(0)
    // Every file the same as a clean build's, the older tier's made again from its kept postings when asked for (an output file removed by hand).
    expect(bytesOf(next.files)).toEqual(clean(newer))
    expect(olderTier(next.files).every((file) => next.made.has(file))).toBe(true)
    // Not made by the build itself: with its kept postings unreadable the build still goes
    // through, and only asking for one of the older tier's files (which the output holds) fails.
    writeFileSync(path.join(dir, 'postings-0.bin'), 'damaged')
    const kept = await build(newer, { termCacheDir: dir, keptOutput: true })
    const others = kept.files.filter((file) => !olderTier(kept.files).includes(file.path))
    expect(bytesOf(others)).toEqual(clean(newer).filter(([file]) => !olderTier(kept.files).includes(file)))
    const lost = kept.files.find((file) => file.path === olderTier(kept.files)[0])!
    expect(() => lost.contents).toThrow(/cannot make them again/)
  })

  test('without the last output, or when an older story changes, the older tier is made again', async () => {
    const dir = temp()
    await build(sampleModel(), { termCacheDir: dir })
    const newer = withIssue(sampleModel(), '2023-06-01', '市长王小明到五金城。')
    const whole = await build(newer, { termCacheDir: dir, keptOutput: false })
    expect(bytesOf(whole.files)).toEqual(clean(newer))
    const edited = withIssue(sampleModel(), '2023-06-01', '市长王小明到五金城。')
    edited.issues[0]!.pages[0]!.stories[0]!.title = '另一个标题'
    const again = await build(edited, { termCacheDir: dir, keptOutput: true })
    expect(bytesOf(again.files)).toEqual(clean(edited))
  })

  test('the year turns: the older tier takes in the year before, and the files are a clean build’s', async () => {
    const dir = temp()
    await build(sampleModel(), { termCacheDir: dir })
    const nextYear = withIssue(sampleModel(), '2024-01-02', '市长王小明到五金城。')
    const turned = await build(nextYear, { termCacheDir: dir, keptOutput: true })
    expect(memorySource(turned.files).entry.tiers.map((tier) => tier.from)).toEqual(tierStarts(collectSearchDocs(nextYear)))
    expect(bytesOf(turned.files)).toEqual(clean(nextYear))
  })

  test('a kept older tier whose postings are gone is not used', async () => {
    const dir = temp()
    await build(sampleModel(), { termCacheDir: dir })
    rmSync(path.join(dir, 'postings-0.bin'))
    const newer = withIssue(sampleModel(), '2023-06-01', '市长王小明到五金城。')
    const next = await build(newer, { termCacheDir: dir, keptOutput: true })
    expect(bytesOf(next.files)).toEqual(clean(newer))
  })
})
