// Reading term shards in the page (the build side is shard.ts): find the shard that holds a
// term, expand its compact form (format.ts, ShardData) into the JSON lunr.Index.load takes,
// and combine per-shard scores into the score one big index would give.

import lunr from 'lunr'
import type { ShardData } from './format.js'
import type { FieldPosting, SerializedIndex, SerializedPosting } from './lunr-index.js'

export function expandShard(data: ShardData): SerializedIndex {
  const vectors = new Map<string, number[]>()
  const invertedIndex = data.terms.map((term, termIndex): [string, SerializedPosting] => {
    const posting: SerializedPosting = { _index: termIndex }
    data.fields.forEach((field, f) => {
      const docs: FieldPosting = {}
      const groups = data.postings[termIndex]?.[f] ?? []
      let doc = 0
      let i = 0
      while (i < groups.length) {
        doc += groups[i]!
        const score = groups[i + 1]! / 1000
        const count = groups[i + 2]!
        const position: Array<[number, number]> = []
        let start = 0
        for (let k = 0; k < count; k++) {
          start += groups[i + 3 + k]!
          position.push([start, term.length])
        }
        i += 3 + count
        docs[doc] = { position }
        const fieldRef = `${field}/${doc}`
        let vector = vectors.get(fieldRef)
        if (!vector) vectors.set(fieldRef, (vector = []))
        // Terms come in index order, so every vector's elements stay sorted as lunr.Vector needs.
        vector.push(termIndex, score)
      }
      posting[field] = docs
    })
    return [term, posting]
  })
  return {
    version: lunr.version,
    fields: data.fields,
    fieldVectors: [...vectors],
    invertedIndex,
    pipeline: [],
  }
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
