// The direct indexer (term-index.ts) against the reference it replaces: lunr.Builder
// (buildLunrIndex) serialised and cut by splitIndex. Same bytes, and therefore the same
// results and scores in the page.

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { FIELD_BOOST, buildLunrIndex } from '../../src/search/build-index.js'
import { createSearchEngine } from '../../src/search/engine.js'
import { SEARCH_FIELDS, type DocCard } from '../../src/search/format.js'
import { serializeIndex } from '../../src/search/lunr-index.js'
import { collectSearchDocs, type SearchDoc } from '../../src/search/search-docs.js'
import { renderSearchFiles, searchFilesAsync } from '../../src/search/search-files.js'
import { termShardFilesAsync } from '../../src/search/term-index-thread.js'
import type { OutputFile } from '../../src/types.js'
import { indexStats, splitIndex } from '../../src/search/shard.js'
import { appendPostings, buildTermShards, collectPostings, postingsStats } from '../../src/search/term-index.js'
import { docTerms } from '../../src/search/doc-terms.js'
import { WordSet } from '../../src/search/words.js'
import { makeIssue, makeModel, makePage, makeStory, sampleModel } from './fixtures/site-model.js'
import { lunrResults } from './helpers/lunr-oracle.js'
import { memorySource } from './helpers/memory-source.js'
import { docsOf } from './helpers/docs-of.js'

/** The shards the build wrote before term-index.ts: lunr.Builder (tokenizing `words` whole too), toJSON, splitIndex. */
function referenceShards(docs: readonly SearchDoc[], budget: number, words: readonly string[] = []) {
  return splitIndex(serializeIndex(buildLunrIndex(docs, new WordSet(words))), budget).map((s) => ({
    from: s.from,
    to: s.to,
    json: JSON.stringify(s.data),
    positions: JSON.stringify(s.positions),
  }))
}

function directShards(docs: readonly SearchDoc[], budget: number, words: readonly string[] = []) {
  return buildTermShards(
    docs.map((doc) => docTerms([doc.card.titleText, doc.card.body])),
    budget,
    undefined,
    words,
  ).map((s) => ({ from: s.from, to: s.to, json: Buffer.from(s.json).toString('utf8'), positions: Buffer.from(s.positions).toString('utf8') }))
}

// Few distinct characters, so terms repeat across documents and fields (idf, tf and length all vary).
const piece = fc.constantFrom('王', '小', '明', '五', '金', '城', '市', '长', '，', '。', ' ', '\n', '\n\n', 'Covid', 'ＡＢ', '19', 'e\u0301', '𠀋', '-')
const text = (max: number) => fc.array(piece, { maxLength: max }).map((parts) => parts.join(''))
// Whole words from the same characters: they overlap each other and the texts' bigram chains.
const word = fc.array(fc.constantFrom('王', '小', '明', '五', '金', '城'), { minLength: 3, maxLength: 5 }).map((chars) => chars.join(''))

describe('buildTermShards', () => {
  test('writes exactly the shards lunr.Builder plus splitIndex give, at any budget', () => {
    const docs = collectSearchDocs(sampleModel())
    for (const budget of [1, 50, 40_000]) expect(directShards(docs, budget)).toEqual(referenceShards(docs, budget))
  })

  test('the same, for generated archives (empty fields, repeated terms, astral and combining characters)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ title: text(8), body: text(60) }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 200 }), (texts, budget) => {
        const docs = docsOf(texts)
        expect(directShards(docs, budget)).toEqual(referenceShards(docs, budget))
      }),
      { numRuns: 150, seed: 20240601 },
    )
  }, 60_000)

  test('the numbers the page weighs the counts with are lunr.Builder\'s (document count, average field lengths, boosts)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ title: text(8), body: text(60) }), { minLength: 1, maxLength: 12 }), fc.array(word, { maxLength: 3 }), (texts, words) => {
        const docs = docsOf(texts)
        const sorted = [...new Set(words)].sort()
        const reference = indexStats(serializeIndex(buildLunrIndex(docs, new WordSet(sorted))), SEARCH_FIELDS.map((field) => FIELD_BOOST[field]))
        const direct = postingsStats(collectPostings(docs.map((doc) => docTerms([doc.card.titleText, doc.card.body])), sorted))
        expect(direct).toEqual(reference)
        expect(direct.documentCount).toBe(docs.length)
      }),
      { numRuns: 100, seed: 20261206 },
    )
  })

  test('with whole words: found wherever their text occurs, exactly as lunr.Builder tokenizing them finds them', () => {
    const docs = collectSearchDocs(sampleModel())
    const words = ['五金产业', '五金城', '王小明', '疫情防控']
    const shards = directShards(docs, 40_000, words)
    expect(shards).toEqual(referenceShards(docs, 40_000, words))
    // The words are really there (a word that no story holds, 疫情防控, is no term), and they change the scores.
    const terms = shards.flatMap((s) => (JSON.parse(s.json) as { terms: string[] }).terms)
    expect(terms).toEqual(expect.arrayContaining(['五金产业', '五金城', '王小明']))
    expect(terms).not.toContain('疫情防控')
    expect(shards).not.toEqual(directShards(docs, 40_000))
  })

  test('the same with generated words over generated archives (overlapping words, repeated characters, words across line breaks)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text(8), body: text(60) }), { minLength: 1, maxLength: 10 }),
        fc.uniqueArray(word, { maxLength: 6 }),
        fc.integer({ min: 1, max: 200 }),
        (texts, words, budget) => {
          const docs = docsOf(texts)
          const sorted = [...words].sort()
          expect(directShards(docs, budget, sorted)).toEqual(referenceShards(docs, budget, sorted))
        },
      ),
      { numRuns: 150, seed: 20240602 },
    )
  }, 60_000)

  test('the same for a story longer than 65,535 characters (its offsets need the wide arrays)', () => {
    const long = '王小明到五金城调研。'.repeat(7000) + '市长'
    const docs = docsOf([{ title: '五金城', body: long }, { title: '市长', body: '王小明市长' }])
    expect(long.length).toBeGreaterThan(0xffff)
    const direct = directShards(docs, 40_000, ['王小明'])
    expect(direct).toEqual(referenceShards(docs, 40_000, ['王小明']))
    expect(direct.some((shard) => shard.json.includes('市长'))).toBe(true)
  })

  test('the same for a story whose few terms stand more than 65,535 characters in (the offset, not the token count, needs the room)', () => {
    const docs = docsOf([{ title: '市长', body: `${'。'.repeat(70_000)}王小明市长` }, { title: '王小明', body: '市长' }])
    expect(directShards(docs, 40_000, ['王小明'])).toEqual(referenceShards(docs, 40_000, ['王小明']))
  })

  test('the same for an archive of more distinct bigrams than the term table starts with (it grows and keeps every id)', () => {
    // 300 characters of the CJK block, every pair of them once: 90,000 distinct bigrams, plus Latin words and numbers beside them.
    const chars = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i * 7))
    const docs = docsOf(
      chars.map((first, i) => ({ title: `第${i}篇 report${i % 7}`, body: chars.map((second) => first + second).join('，') })),
    )
    expect(directShards(docs, 200_000)).toEqual(referenceShards(docs, 200_000))
  }, 120_000)

  test('postings appended to an earlier table are the table of all the stories collected at once (generated archives, words, any cut)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text(8), body: text(60) }), { minLength: 1, maxLength: 10 }),
        fc.uniqueArray(word, { maxLength: 6 }),
        fc.nat(),
        (texts, words, at) => {
          const all = docsOf(texts).map((doc) => docTerms([doc.card.titleText, doc.card.body]))
          const sorted = [...words].sort()
          const cut = at % (all.length + 1)
          const appended = appendPostings(collectPostings(all.slice(0, cut), sorted), all.slice(cut), sorted)
          expect(appended).toEqual(collectPostings(all, sorted))
        },
      ),
      { numRuns: 200, seed: 20261205 },
    )
  }, 60_000)

  test('appending keeps the wide arrays of an earlier table that needed them, and the narrow ones otherwise', () => {
    const long = docsOf([{ title: '市长', body: `${'。'.repeat(70_000)}王小明市长` }]).map((doc) => docTerms([doc.card.titleText, doc.card.body]))
    const short = docsOf([{ title: '王小明', body: '市长' }]).map((doc) => docTerms([doc.card.titleText, doc.card.body]))
    const wide = appendPostings(collectPostings(long, ['王小明']), short, ['王小明'])
    expect(wide).toEqual(collectPostings([...long, ...short], ['王小明']))
    expect(wide.starts).toBeInstanceOf(Int32Array)
    expect(appendPostings(collectPostings(short, []), short, []).starts).toBeInstanceOf(Uint16Array)
  })

  test('no documents, no shards', () => {
    expect(buildTermShards([], 100)).toEqual([])
  })
})

describe('search over the written files equals one lunr.Builder index', () => {
  const bodies = ['王小明在五金城调研。', '市长王小明强调五金产业。五金城，五金城。', 'Covid 19 防控', '小明', '城市长廊王小明']
  const model = makeModel(
    bodies.map((body, i) => makeIssue(`2023-05-0${i + 1}`, [makePage(`2023-05-0${i + 1}`, 1, [makeStory(`2023-05-0${i + 1}`, 1, { body: [body, body.slice(2)], title: body.slice(0, 4) })])])),
  )
  const docs = collectSearchDocs(model)
  const index = buildLunrIndex(docs)
  const engine = createSearchEngine(memorySource(renderSearchFiles(model, { shardBudget: 7, shardDirSize: 2, cardFolderSize: 2 })))

  test.each(['王小明', '五金', '五金城', '小', '城 王', 'covid', '19 covid', '明在', '市长 五金产业'])('%s: same documents, same order, same scores', async (query) => {
    const expected = lunrResults(index, query)
    const outcome = await engine.search(query)
    if (outcome.status !== 'done') throw new Error('expected results')
    // The engine also requires multi-token terms to occur as written; lunr alone only requires the tokens.
    const confirmed = new Set(outcome.hits.map((h) => String(h.doc)))
    const expectedHits = expected.filter((r) => confirmed.has(r.ref))
    expect(outcome.hits.length).toBeGreaterThan(0)
    expect(outcome.hits.map((h) => String(h.doc))).toEqual(expectedHits.map((r) => r.ref))
    outcome.hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expectedHits[i]!.score, 12))
    const cards: DocCard[] = await engine.cards(outcome.hits.map((h) => h.doc))
    expect(cards.map((c) => c.id)).toEqual(expectedHits.map((r) => docs[Number(r.ref)]!.card.id))
  })
})

describe('on a worker thread', () => {
  test('the search files are byte for byte those built in this thread', () => {
    const model = sampleModel()
    const here = renderSearchFiles(model, { shardBudget: 50, termWorker: false })
    const there = renderSearchFiles(model, { shardBudget: 50, termWorker: true })
    expect(there.map((f) => [f.path, Buffer.from(f.contents).toString('utf8')])).toEqual(here.map((f) => [f.path, Buffer.from(f.contents).toString('utf8')]))
  })

  test('made without blocking this thread (as the build makes them), the files are the same', async () => {
    const model = sampleModel()
    const here = renderSearchFiles(model, { shardBudget: 50, termWorker: false })
    const there: OutputFile[] = []
    const files = searchFilesAsync(model, { shardBudget: 50, termWorker: true })
    // This thread is free while the worker works: a timer fires before the first term shard arrives.
    let ticked = false
    setTimeout(() => (ticked = true), 0)
    for await (const file of files) {
      if (file.path.startsWith('search/terms/') && there.every((f) => !f.path.startsWith('search/terms/'))) expect(ticked).toBe(true)
      there.push('inputs' in file ? { path: file.path, contents: file.contents() } : file)
    }
    const text = (list: OutputFile[]) => list.map((f) => [f.path, Buffer.from(f.contents).toString('utf8')] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1))
    expect(text(there)).toEqual(text(here))
  })

  test('a worker that fails makes the build fail, naming the worker', async () => {
    const failing = termShardFilesAsync([{ from: 0, docs: [{ terms: 'x', fields: ['\u0000', '\u0000'] }] }], { budget: 50, words: [], topCount: 0, worker: true })
    await expect(failing).rejects.toThrow(/term-index worker failed/u)
  })
})
