// rank.ts against lunr itself: for any archive and any query of REQUIRED terms, the same
// documents and bit-for-bit the same scores as lunr.Index#query on the small index of the
// query's terms the page used to build (expandTerms + Index.load), and the same documents
// and scores (to 1e-12) as on one lunr.Builder index over the whole archive.

import fc from 'fast-check'
import lunr from 'lunr'
import { expect, test } from 'vitest'
import { FIELD_BOOST, buildLunrIndex } from '../../src/search/build-index.js'
import { SEARCH_FIELDS } from '../../src/search/format.js'
import { loadIndex, serializeIndex } from '../../src/search/lunr-index.js'
import { byRelevance, loneTermScores, scoreRequired, startsIn, topDocs, unpackTerm } from '../../src/search/rank.js'
import { expandTerms, shardPositions, shardPostings } from '../../src/search/shard-reader.js'
import { indexStats, splitIndex } from '../../src/search/shard.js'
import { WordSet } from '../../src/search/words.js'
import { docsOf } from './helpers/docs-of.js'

const BOOSTS = SEARCH_FIELDS.map((field) => FIELD_BOOST[field])

const lunrQuery = (index: lunr.Index, terms: readonly string[]) =>
  new Map(
    index
      .query((q) => {
        for (const term of terms) q.term(term, { fields: [...SEARCH_FIELDS], presence: lunr.Query.presence.REQUIRED, usePipeline: false })
      })
      .map((r) => [Number(r.ref), r.score] as const),
  )

const piece = fc.constantFrom('王', '小', '明', '五', '金', '城', '市', '长', '，', ' ', '\n\n', 'Covid', '19')
const text = (max: number) => fc.array(piece, { maxLength: max }).map((parts) => parts.join(''))

test('the same documents and scores as lunr.Index#query, on the query’s own index and on the whole archive’s', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ title: text(8), body: text(50) }), { minLength: 1, maxLength: 12 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      (texts, picks, withWords) => {
        const docs = docsOf(texts)
        const words = new WordSet(withWords ? ['五金城', '王小明'] : [])
        const whole = buildLunrIndex(docs, words)
        const serialized = serializeIndex(whole)
        if (serialized.invertedIndex.length === 0) return
        const shards = splitIndex(serialized, 30)
        const stats = indexStats(serialized, BOOSTS)
        const postings = new Map(shards.flatMap((shard) => [...shardPostings(shard.data)]))
        const positions = new Map(shards.flatMap((shard) => [...shardPositions(shard.data, shard.positions)]))
        const all = serialized.invertedIndex.map(([term]) => term)
        // Clause order as typed, which need not be the terms' sorted order.
        const terms = [...new Set(picks.map((pick) => all[pick % all.length]!))]
        const clauses = terms.map((term) => unpackTerm(term, [{ postings: postings.get(term)!, positions: positions.get(term)! }], stats))
        const ours = scoreRequired(clauses, SEARCH_FIELDS.length)
        const small = loadIndex(expandTerms(SEARCH_FIELDS, new Map(terms.map((term) => [term, postings.get(term)!])), stats))
        expect(ours).toEqual(lunrQuery(small, terms))
        // The whole index numbers its terms in the order lunr.Builder first met them, not
        // sorted, so its dot products add the same weights in another order: equal to the
        // last bit or two.
        const reference = lunrQuery(whole, terms)
        expect([...ours.keys()].sort()).toEqual([...reference.keys()].sort())
        for (const [doc, score] of ours) expect(Math.abs(score - reference.get(doc)!)).toBeLessThanOrEqual(1e-12 * score)
      },
    ),
    { numRuns: 300, seed: 20251123 },
  )
})

test('starts as lunr records them', () => {
  const docs = docsOf([{ title: '五金城', body: '王小明在五金城。五金城，五金。' }])
  const serialized = serializeIndex(buildLunrIndex(docs))
  const [shard] = splitIndex(serialized, 1_000_000)
  const stats = indexStats(serialized, BOOSTS)
  const postings = unpackTerm('五金', [{ postings: shardPostings(shard!.data).get('五金')!, positions: shardPositions(shard!.data, shard!.positions).get('五金')! }], stats)
  expect(startsIn(postings, 0, 0)).toEqual([0])
  expect(startsIn(postings, 0, 1)).toEqual([4, 8, 12])
  const withoutPositions = unpackTerm('五金', [{ postings: shardPostings(shard!.data).get('五金')!, positions: null }], stats)
  expect(startsIn(withoutPositions, 0, 1)).toEqual([])
})

test("a lone term's first results (topDocs) are those its query lists first, in that order, among as many documents", () => {
  // The query's own scores (scoreRequired), sorted as the page sorts them: topDocs scores a lone term its own way and keeps only the head.
  const listed = (term: string, postings: string, stats: ReturnType<typeof indexStats>, shown: number) => {
    const scores = scoreRequired([unpackTerm(term, [{ postings, positions: null }], stats)], SEARCH_FIELDS.length)
    const docs = [...scores].map(([doc, score]) => ({ doc, score })).sort(byRelevance)
    return { count: scores.size, docs: docs.slice(0, shown).map((hit) => hit.doc) }
  }
  fc.assert(
    fc.property(
      // Few pieces, many stories: equal scores, which the newer story wins, are common.
      fc.array(fc.record({ title: text(3), body: text(12) }), { minLength: 1, maxLength: 40 }),
      fc.nat(),
      fc.integer({ min: 0, max: 8 }),
      (texts, pick, shown) => {
        const serialized = serializeIndex(buildLunrIndex(docsOf(texts)))
        if (serialized.invertedIndex.length === 0) return
        const stats = indexStats(serialized, BOOSTS)
        const postings = new Map(splitIndex(serialized, 30).flatMap((shard) => [...shardPostings(shard.data)]))
        const term = serialized.invertedIndex[pick % serialized.invertedIndex.length]![0]
        expect(topDocs(term, [postings.get(term)!], stats, shown)).toEqual(listed(term, postings.get(term)!, stats, shown))
        // Its scores are the query's to the last bit.
        const unpacked = unpackTerm(term, [{ postings: postings.get(term)!, positions: null }], stats)
        const scores = loneTermScores(unpacked)
        expect(new Map([...unpacked.docs].map((doc, i) => [doc, scores[i]!]))).toEqual(scoreRequired([unpacked], SEARCH_FIELDS.length))
      },
    ),
    { numRuns: 300, seed: 20261208 },
  )
})
