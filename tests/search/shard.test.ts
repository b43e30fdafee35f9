import lunr from 'lunr'
import { describe, expect, test } from 'vitest'
import { FIELD_BOOST, buildLunrIndex } from '../../src/search/build-index.js'
import { SEARCH_FIELDS } from '../../src/search/format.js'
import { fieldPostings, serializeIndex, type SerializedIndex } from '../../src/search/lunr-index.js'
import { collectSearchDocs } from '../../src/search/search-docs.js'
import { expandTerms, findShard, shardPositions, shardPostings } from '../../src/search/shard-reader.js'
import { indexStats, postingsBytes, splitIndex } from '../../src/search/shard.js'
import { sampleModel } from './fixtures/site-model.js'

describe('findShard', () => {
  const shards = [
    { from: 'a', to: 'c' },
    { from: 'f', to: 'k' },
    { from: '五', to: '金' },
  ]

  test('finds the shard whose range holds the term, bounds included', () => {
    expect([findShard(shards, 'a'), findShard(shards, 'b'), findShard(shards, 'k'), findShard(shards, '五')]).toEqual([0, 0, 1, 2])
  })

  test('a term between two ranges is in no shard', () => {
    expect(findShard(shards, 'd')).toBe(-1)
  })
})

describe('splitIndex', () => {
  const index = serializeIndex(buildLunrIndex(collectSearchDocs(sampleModel())))
  const shards = splitIndex(index, 50)
  const stats = indexStats(index, SEARCH_FIELDS.map((field) => FIELD_BOOST[field]))

  /** term → field/doc → [weight, starts] */
  function contents(serialized: SerializedIndex): Map<string, Map<string, [number, number[]]>> {
    const weights = new Map<string, number>()
    for (const [fieldRef, elements] of serialized.fieldVectors) {
      for (let i = 0; i < elements.length; i += 2) weights.set(`${elements[i]}:${fieldRef}`, elements[i + 1]!)
    }
    const out = new Map<string, Map<string, [number, number[]]>>()
    for (const [term, posting] of serialized.invertedIndex) {
      const entries = new Map<string, [number, number[]]>()
      for (const [field, docs] of fieldPostings(posting)) {
        for (const [doc, metadata] of Object.entries(docs)) {
          const ref = `${field}/${doc}`
          entries.set(ref, [weights.get(`${posting._index}:${ref}`)!, (metadata.position ?? []).map(([start]) => start)])
        }
      }
      out.set(term, entries)
    }
    return out
  }

  test('shards cover every term exactly once, in sorted, disjoint ranges', () => {
    expect(shards.flatMap((s) => s.data.terms)).toEqual(index.invertedIndex.map(([term]) => term))
    for (let i = 1; i < shards.length; i++) expect(shards[i - 1]!.to < shards[i]!.from).toBe(true)
  })

  test('expanded shards hold exactly the postings, positions and weights of the whole index (weights from the counts and indexStats, as lunr.Builder made them)', () => {
    const merged = new Map(shards.flatMap((shard) => [...contents(expandTerms(index.fields, shardPostings(shard.data), stats, shardPositions(shard.data, shard.positions)))]))
    expect(merged).toEqual(contents(index))
  })

  test('without their positions, the same postings and weights (what a query of one token per word loads)', () => {
    const withoutPositions = (serialized: SerializedIndex) =>
      new Map([...contents(serialized)].map(([term, entries]) => [term, new Map([...entries].map(([ref, [weight]]) => [ref, weight]))]))
    const merged = new Map(shards.flatMap((shard) => [...withoutPositions(expandTerms(index.fields, shardPostings(shard.data), stats))]))
    expect(merged).toEqual(withoutPositions(index))
    // …and no position is made up.
    for (const shard of shards) for (const [, entries] of contents(expandTerms(index.fields, shardPostings(shard.data), stats))) for (const [, [, starts]] of entries) expect(starts).toEqual([])
  })

  test('every expanded shard, and any few terms of it, load as a lunr index of their own', () => {
    for (const shard of shards) {
      expect(() => lunr.Index.load(expandTerms(index.fields, shardPostings(shard.data), stats, shardPositions(shard.data, shard.positions)))).not.toThrow()
      const some = new Map([...shardPostings(shard.data)].filter((_, i) => i % 3 === 0))
      expect(() => lunr.Index.load(expandTerms(index.fields, some, stats))).not.toThrow()
    }
  })

  test('a shard (postings and positions together) stays within the budget unless it holds a single term', () => {
    for (const budget of [20, 50, 200]) {
      for (const shard of splitIndex(index, budget)) {
        expect(shard.positions.positions).toHaveLength(shard.data.terms.length)
        if (shard.data.terms.length > 1) expect(postingsBytes(shard.data.postings) + postingsBytes(shard.positions.positions)).toBeLessThanOrEqual(budget)
      }
    }
  })

  test('a term that alone exceeds the budget gets a shard of its own', () => {
    const tiny = splitIndex(index, 1)
    expect(tiny).toHaveLength(index.invertedIndex.length)
  })
})
