import lunr from 'lunr'
import { describe, expect, test } from 'vitest'
import { buildLunrIndex } from '../../src/search/build-index.js'
import { serializeIndex } from '../../src/search/lunr-index.js'
import { collectSearchDocs } from '../../src/search/search-docs.js'
import { combineShardScores, findShard, splitIndex } from '../../src/search/shard.js'
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

  test('shards cover every term exactly once, in sorted, disjoint ranges', () => {
    expect(shards.flatMap((s) => s.index.invertedIndex.map(([term]) => term))).toEqual(index.invertedIndex.map(([term]) => term))
    for (let i = 1; i < shards.length; i++) expect(shards[i - 1]!.to < shards[i]!.from).toBe(true)
  })

  test('every shard loads as a lunr index of its own', () => {
    for (const shard of shards) expect(() => lunr.Index.load(shard.index)).not.toThrow()
  })

  test('a term that alone exceeds the budget gets a shard of its own', () => {
    const tiny = splitIndex(index, 1)
    expect(tiny).toHaveLength(index.invertedIndex.length)
  })
})

test('combineShardScores rescales each shard by its share of the query terms', () => {
  // Shard scores are dot/√n; the whole index would give (dot₁ + dot₂)/√(n₁+n₂).
  expect(combineShardScores([{ score: 2 / Math.sqrt(1), terms: 1 }, { score: 6 / Math.sqrt(3), terms: 3 }])).toBeCloseTo(8 / 2, 12)
})
