// The term index in tiers (format.ts TermTier): the newest month's stories, the earlier ones of
// its year, and all before them. A build that keeps the output takes an unchanged older tier as
// the last build left it (tier-state.ts) — its files kept, not made — and still writes what a
// clean build writes.

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
const tierFiles = (files: readonly OutputFile[], tier: number) => files.filter((f) => new RegExp(`^search/terms/(pos-)?${tier}-`).test(f.path)).map((f) => f.path)
const olderTier = (files: readonly OutputFile[]) => tierFiles(files, 0)

describe('tiers', () => {
  test('cut where the newest issue’s month and year begin; a tier without stories left out', () => {
    const docs = collectSearchDocs(sampleModel())
    const starts = tierStarts(docs)
    expect(starts).toHaveLength(3)
    expect(docs[starts[1]! - 1]!.card.issueDate.slice(0, 7)).toBe('2022-12')
    expect(docs[starts[1]!]!.card.issueDate.slice(0, 7)).toBe('2023-04')
    expect(docs[starts[2]! - 1]!.card.issueDate.slice(0, 7)).toBe('2023-04')
    expect(docs[starts[2]!]!.card.issueDate.slice(0, 7)).toBe('2023-05')
    // Every story of the newest year in its month: the year's tier has none.
    const january = collectSearchDocs(withIssue(sampleModel(), '2024-01-02', '市长王小明到五金城。'))
    expect(tierStarts(january)).toEqual([0, january.length - 1])
    // Every story of one year: no tier before it.
    expect(tierStarts(docs.filter((doc) => doc.card.issueDate.startsWith('2023')))).toEqual([0, 1])
    expect(tierStarts(docs.filter((doc) => doc.card.issueDate.startsWith('2023-05')))).toEqual([0])
    expect(tierStarts([])).toEqual([0])
    expect(memorySource(renderSearchFiles(sampleModel())).entry.tiers.map((tier) => tier.from)).toEqual(starts)
  })

  test('a newer issue of the same month: the older tiers are kept whole, not made, and the files are a clean build’s', async () => {
    const dir = temp()
    const first = await build(sampleModel(), { termCacheDir: dir })
    expect(bytesOf(first.files)).toEqual(clean(sampleModel()))
    expect(readdirSync(dir).sort()).toEqual(['postings-0.bin', 'postings-1.bin', 'postings-2.bin', 'tier-0.json', 'tier-1.json'])
    const newer = withIssue(sampleModel(), '2023-05-20', '5月20日，市长王小明到五金城调研五金产业。')
    const next = await build(newer, { termCacheDir: dir, keptOutput: true })
    const older = [...tierFiles(next.files, 0), ...tierFiles(next.files, 1)]
    expect(tierFiles(next.files, 0).length).toBeGreaterThan(0)
    expect(tierFiles(next.files, 1).length).toBeGreaterThan(0)
    // Every file the same as a clean build's, the older tiers' made again from their kept postings when asked for (an output file removed by hand).
    expect(bytesOf(next.files)).toEqual(clean(newer))
    expect(older.every((file) => next.made.has(file))).toBe(true)
    // Not made by the build itself: with their kept postings unreadable the build still goes
    // through, and only asking for one of the older tiers' files (which the output holds) fails.
    writeFileSync(path.join(dir, 'postings-0.bin'), 'damaged')
    writeFileSync(path.join(dir, 'postings-1.bin'), 'damaged')
    const kept = await build(newer, { termCacheDir: dir, keptOutput: true })
    const others = kept.files.filter((file) => !older.includes(file.path))
    expect(bytesOf(others)).toEqual(clean(newer).filter(([file]) => !older.includes(file)))
    for (const tier of [0, 1]) {
      const lost = kept.files.find((file) => file.path === tierFiles(kept.files, tier)[0])!
      expect(() => lost.contents).toThrow(/cannot make them again/)
    }
  })

  test('the month turns: the year’s tier takes in the month before, the oldest is kept, and the files are a clean build’s', async () => {
    const dir = temp()
    await build(sampleModel(), { termCacheDir: dir })
    const june = withIssue(sampleModel(), '2023-06-01', '6月1日，市长王小明到五金城调研五金产业。')
    writeFileSync(path.join(dir, 'postings-0.bin'), 'damaged')
    const turned = await build(june, { termCacheDir: dir, keptOutput: true })
    // The oldest tier kept (its damaged postings are only read to make its files again); the year's, now April and May, a clean build's.
    const others = turned.files.filter((file) => !olderTier(turned.files).includes(file.path))
    expect(memorySource(others).entry.tiers.map((tier) => tier.from)).toEqual(tierStarts(collectSearchDocs(june)))
    expect(bytesOf(others)).toEqual(clean(june).filter(([file]) => !olderTier(turned.files).includes(file)))
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

  test('the year turns: the oldest tier takes in the year before, the files of a third tier go, and the files are a clean build’s', async () => {
    const dir = temp()
    await build(sampleModel(), { termCacheDir: dir })
    const nextYear = withIssue(sampleModel(), '2024-01-02', '市长王小明到五金城。')
    const turned = await build(nextYear, { termCacheDir: dir, keptOutput: true })
    expect(memorySource(turned.files).entry.tiers.map((tier) => tier.from)).toEqual(tierStarts(collectSearchDocs(nextYear)))
    expect(bytesOf(turned.files)).toEqual(clean(nextYear))
    expect(readdirSync(dir).sort()).toEqual(['postings-0.bin', 'postings-1.bin', 'tier-0.json', 'tier-1.json'])
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
