// Cuts one serialised lunr index into self-contained shards by term range, Pagefind-style:
// terms are already sorted, and a shard closes once it holds `budget` postings (positions
// count one each), so a very common term gets a shard of its own instead of bloating others.
//
// Each shard keeps the global postings and the global field-vector entries of its own terms,
// renumbered consistently. lunr scores a document as dot(query, fieldVector) / |query|, so
// a query spread over shards can be scored exactly: see `combineShardScores`.

import { fieldPostings, type SerializedIndex, type SerializedPosting } from './lunr-index.js'

export interface Shard {
  from: string
  to: string
  index: SerializedIndex
}

export const DEFAULT_SHARD_BUDGET = 20_000

function postingWeight(posting: SerializedPosting): number {
  let weight = 0
  for (const [, docs] of fieldPostings(posting)) {
    for (const metadata of Object.values(docs)) weight += metadata.position?.length ?? 1
  }
  return weight
}

function termChunks(index: SerializedIndex, budget: number): Array<Array<[string, SerializedPosting]>> {
  const chunks: Array<Array<[string, SerializedPosting]>> = []
  let current: Array<[string, SerializedPosting]> = []
  let weight = 0
  for (const entry of index.invertedIndex) {
    current.push(entry)
    weight += postingWeight(entry[1])
    if (weight >= budget) {
      chunks.push(current)
      current = []
      weight = 0
    }
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

function shardOf(index: SerializedIndex, terms: Array<[string, SerializedPosting]>): Shard {
  // Renumber in term order: lunr assigned `_index` in order of first appearance.
  const renumber = new Map<number, number>()
  const invertedIndex = terms.map(([term, posting], newIndex): [string, SerializedPosting] => {
    renumber.set(posting._index, newIndex)
    return [term, { ...posting, _index: newIndex }]
  })
  const fieldVectors: Array<[string, number[]]> = []
  for (const [fieldRef, elements] of index.fieldVectors) {
    const pairs: Array<[number, number]> = []
    for (let i = 0; i < elements.length; i += 2) {
      const mapped = renumber.get(elements[i]!)
      if (mapped !== undefined) pairs.push([mapped, elements[i + 1]!])
    }
    if (pairs.length === 0) continue
    // lunr.Vector walks its elements in index order.
    pairs.sort((a, b) => a[0] - b[0])
    fieldVectors.push([fieldRef, pairs.flat()])
  }
  return {
    from: terms[0]![0],
    to: terms[terms.length - 1]![0],
    index: { version: index.version, fields: index.fields, fieldVectors, invertedIndex, pipeline: index.pipeline },
  }
}

export function splitIndex(index: SerializedIndex, budget = DEFAULT_SHARD_BUDGET): Shard[] {
  return termChunks(index, budget).map((terms) => shardOf(index, terms))
}

/** The shard whose range holds `term`, by binary search over sorted, disjoint ranges; -1 when none does. */
export function findShard(shards: ReadonlyArray<{ from: string; to: string }>, term: string): number {
  let low = 0
  let high = shards.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const shard = shards[mid]!
    if (term < shard.from) high = mid - 1
    else if (term > shard.to) low = mid + 1
    else return mid
  }
  return -1
}

/**
 * One document's global score from its per-shard lunr scores. A shard queried with `n` terms
 * (boost 1, all fields) returns Σ dot / √n; the single big index would return Σ dot / √N for
 * all N query terms, so rescale each part by √n and normalise once.
 */
export function combineShardScores(parts: ReadonlyArray<{ score: number; terms: number }>): number {
  let dot = 0
  let total = 0
  for (const part of parts) {
    dot += part.score * Math.sqrt(part.terms)
    total += part.terms
  }
  return total === 0 ? 0 : dot / Math.sqrt(total)
}
