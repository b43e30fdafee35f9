// The term index's postings kept between builds (postings-store.ts): the search files must be
// exactly those of a build without them, whatever was kept; and what was kept is really used.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { docTerms } from '../../src/search/doc-terms.js'
import { loadPostings, savePostings } from '../../src/search/postings-store.js'
import { renderSearchFiles, searchFilesAsync, type SearchFilesOptions } from '../../src/search/search-files.js'
import { collectPostings } from '../../src/search/term-index.js'
import type { LazyFile, OutputFile, SiteModel } from '../../src/types.js'
import { makeIssue, makeModel, makePage, makeStory, sampleModel } from './fixtures/site-model.js'

const temp = (): string => mkdtempSync(path.join(tmpdir(), 'postings-'))
const stamp = { fingerprint: 'code', words: ['王小明'], docs: ['a', 'b'] }
const table = () => collectPostings([docTerms(['王小明', '王小明到五金城']), docTerms(['市长', '市长王小明'])], ['王小明'])

/** The sample archive plus a newer (or, with `date`, any) issue of one story. */
function withIssue(model: SiteModel, date: string, body: string): SiteModel {
  const story = makeStory(date, 1, { bodyLine: 4, body: [body], people: [{ name: '王小明', roles: ['市长'] }], topics: ['五金产业'] })
  return makeModel([...model.issues, makeIssue(date, [makePage(date, 1, [story])])])
}

const bytesOf = (files: OutputFile[]) => files.map((f) => [f.path, Buffer.from(f.contents).toString('base64')])
// Whole words from one story on, so the sample archive has some (they must match for the kept table to be used).
const options = (termCacheDir?: string): SearchFilesOptions => ({ wordMinDocs: 1, ...(termCacheDir ? { termCacheDir } : {}) })

describe('kept postings', () => {
  test('are read back as written, and only under the same code, words and first stories', () => {
    const file = path.join(temp(), 'postings.bin')
    expect(loadPostings(file, 'code', stamp.words, stamp.docs)).toBeNull()
    savePostings(file, table(), stamp)
    expect(loadPostings(file, 'code', stamp.words, stamp.docs)).toEqual({ postings: table(), covered: 2 })
    expect(loadPostings(file, 'code', stamp.words, ['a', 'b', 'c'])?.covered).toBe(2)
    expect(loadPostings(file, 'other code', stamp.words, stamp.docs)).toBeNull()
    expect(loadPostings(file, 'code', ['王小明', '五金城'], stamp.docs)).toBeNull()
    expect(loadPostings(file, 'code', stamp.words, ['b', 'a'])).toBeNull()
    expect(loadPostings(file, 'code', stamp.words, ['a'])).toBeNull()
  })

  test('a damaged file is not used', () => {
    const file = path.join(temp(), 'postings.bin')
    savePostings(file, table(), stamp)
    const bytes = readFileSync(file)
    writeFileSync(file, bytes.subarray(0, bytes.length - 8))
    expect(loadPostings(file, 'code', stamp.words, stamp.docs)).toBeNull()
    writeFileSync(file, 'not a table')
    expect(loadPostings(file, 'code', stamp.words, stamp.docs)).toBeNull()
  })

  test('a build after a newer issue is added, an older one inserted, or nothing changed writes the files of a build without them', () => {
    const file = temp()
    const first = sampleModel()
    expect(bytesOf(renderSearchFiles(first, options(file)))).toEqual(bytesOf(renderSearchFiles(first, options())))
    const newer = withIssue(first, '2023-06-01', '6月1日，市长王小明到五金城调研五金产业。')
    expect(bytesOf(renderSearchFiles(newer, options(file)))).toEqual(bytesOf(renderSearchFiles(newer, options())))
    expect(bytesOf(renderSearchFiles(newer, options(file)))).toEqual(bytesOf(renderSearchFiles(newer, options())))
    // An issue older than the rest comes first in doc order: nothing kept applies.
    const older = withIssue(newer, '2020-01-02', '王小明在五金城。')
    expect(bytesOf(renderSearchFiles(older, options(file)))).toEqual(bytesOf(renderSearchFiles(older, options())))
  })

  test('are really used: a kept table changed on disk shows in the next build (so the check above is not vacuous)', () => {
    const dir = temp()
    renderSearchFiles(sampleModel(), options(dir))
    // The newest year's tier, which a newer issue of that year is appended to.
    const file = path.join(dir, 'postings-1.bin')
    const bytes = readFileSync(file)
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + bytes.readUInt32LE(0))) as { firstDoc: number; stamp: { fingerprint: string; words: string[]; docs: string[] } }
    expect(header.firstDoc).toBeGreaterThan(0)
    const { postings } = loadPostings(file, header.stamp.fingerprint, header.stamp.words, header.stamp.docs, header.firstDoc)!
    // Every story's fields made three times as long: the lengths written change.
    for (let i = 0; i < postings.fieldLength.length; i++) postings.fieldLength[i]! *= 3
    savePostings(file, postings, header.stamp)
    const newer = withIssue(sampleModel(), '2023-06-01', '市长王小明到五金城。')
    expect(bytesOf(renderSearchFiles(newer, options(dir)))).not.toEqual(bytesOf(renderSearchFiles(newer, options())))
  })
})

describe('cards in a build that keys its stories (with a postings file)', () => {
  /** The files as the build takes them: each card keyed by its inputs. */
  const entries = async (model: SiteModel) => {
    const out: (OutputFile | LazyFile)[] = []
    for await (const f of searchFilesAsync(model, { ...options(temp()), termWorker: false })) out.push(f)
    return out
  }
  const cardKeys = async (model: SiteModel) =>
    new Map((await entries(model)).flatMap((f) => ('inputs' in f && f.path.startsWith('search/docs/') ? [[f.path, f.inputs] as const] : [])))

  test('come keyed by their inputs, made when asked into the bytes of a build without keys', async () => {
    const model = sampleModel()
    const made = (await entries(model)).map((f) => ('inputs' in f ? { path: f.path, contents: f.contents() } : f))
    expect(made.filter((f) => f.path.startsWith('search/docs/'))).toHaveLength(model.issues.flatMap((i) => i.pages.flatMap((p) => p.stories)).length)
    expect(bytesOf(made).sort()).toEqual(bytesOf(renderSearchFiles(model, options())).sort())
    expect((await entries(model)).filter((f) => 'inputs' in f).every((f) => f.path.startsWith('search/docs/') || f.path.startsWith('search/terms/'))).toBe(true)
  })

  test("a card's key changes with its story's title, body or date, and only that card's", async () => {
    const base = await cardKeys(sampleModel())
    expect(await cardKeys(sampleModel())).toEqual(base)
    const story = (model: SiteModel) => model.issues[0]!.pages[0]!.stories[0]!
    const edits: ((model: SiteModel) => void)[] = [
      (m) => (story(m).title = '另一个标题'),
      (m) => (story(m).paragraphs = [{ ...story(m).paragraphs[0]!, text: '另一段正文。' }]),
      (m) => (story(m).date = '2020-01-01'),
    ]
    for (const edit of edits) {
      const model = sampleModel()
      edit(model)
      const keys = await cardKeys(model)
      const changed = [...keys].filter(([file, key]) => base.get(file) !== key)
      expect(changed).toHaveLength(1)
    }
  })
})
