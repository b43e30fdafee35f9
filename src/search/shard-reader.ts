// Reading term shards (the build side is term-index.ts, its reference shard.ts): find the
// shard that holds a term, and turn the packed postings (and positions) of some terms back
// into the JSON lunr.Index.load takes.
//
// A lunr index of a query's terms alone scores exactly as one big index over every story
// would: lunr scores a document as dot(query vector, field vector) / |query vector|, and the
// dot product only involves the query's own terms, whose weights follow from the shards'
// counts and the whole index's numbers (rank.ts fieldWeight, IndexStats) as lunr computed
// them. The page used to build that index per query; it now scores the postings directly
// (rank.ts), and expandTerms is the lunr form rank.ts is tested against.

import lunr from 'lunr'
import type { IndexStats, PositionData, ShardData } from './format.js'
import type { FieldPosting, SerializedIndex, SerializedPosting } from './lunr-index.js'
import { fieldWeight, lunrIdf } from './rank.js'
import { VarintReader } from './varint.js'

/**
 * A lunr index holding exactly `postings` (term → packed postings, format.ts ShardData),
 * with the field-vector weights the whole archive's index gives those terms (from `stats`), and for the
 * terms in `positions` (term → packed PositionData) their positions as lunr metadata; with
 * `keep`, only those documents (a document's score depends on its own weights alone).
 */
export function expandTerms(
  fields: readonly string[],
  postings: ReadonlyMap<string, string>,
  stats: IndexStats,
  positions: ReadonlyMap<string, string> = new Map(),
  keep?: ReadonlySet<number>,
): SerializedIndex {
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const vectors = new Map<string, number[]>()
  const invertedIndex = terms.map((term, termIndex): [string, SerializedPosting] => {
    const posting: SerializedPosting = { _index: termIndex }
    const reader = new VarintReader(postings.get(term)!)
    const packedStarts = positions.get(term)
    const starts = packedStarts === undefined ? null : new VarintReader(packedStarts)
    // Every field's postings first: the weights need the term's document count over all of them.
    const read = fields.map(() => {
      const count = reader.int()
      const entries: Array<{ doc: number; length: number; tf: number }> = []
      for (let d = 0, doc = 0; d < count; d++) entries.push({ doc: (doc += reader.int()), length: reader.int(), tf: reader.int() })
      return entries
    })
    const idf = lunrIdf(
      read.reduce((n, entries) => n + entries.length, 0),
      stats.documentCount,
    )
    fields.forEach((field, fieldIndex) => {
      const docs: FieldPosting = {}
      for (const { doc, length, tf } of read[fieldIndex]!) {
        let position: Array<[number, number]> | undefined
        if (starts) {
          position = []
          let start = 0
          for (let k = 0; k < tf; k++) position.push([(start += starts.int()), term.length])
        }
        if (keep && !keep.has(doc)) continue
        docs[doc] = position ? { position } : {}
        const fieldRef = `${field}/${doc}`
        let vector = vectors.get(fieldRef)
        if (!vector) vectors.set(fieldRef, (vector = []))
        // Terms come in index order, so every vector's elements stay sorted as lunr.Vector needs.
        vector.push(termIndex, fieldWeight(idf, tf, length, stats.averageFieldLengths[fieldIndex]!, stats.fieldBoosts[fieldIndex]!))
      }
      posting[field] = docs
    })
    return [term, posting]
  })
  return { version: lunr.version, fields: [...fields], fieldVectors: [...vectors], invertedIndex, pipeline: [] }
}

/** Every term of a shard with its packed postings. */
export function shardPostings(data: ShardData): Map<string, string> {
  return new Map(data.terms.map((term, i) => [term, data.postings[i]!]))
}

/** Every term of a shard with its packed positions. */
export function shardPositions(data: ShardData, positions: PositionData): Map<string, string> {
  return new Map(data.terms.map((term, i) => [term, positions.positions[i]!]))
}

/** The range among sorted, disjoint ranges that holds `term`, by binary search; -1 when none does. */
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

/** Where `term` sits in a sorted list, -1 when absent. */
export function findTerm(terms: readonly string[], term: string): number {
  let low = 0
  let high = terms.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (terms[mid]! < term) low = mid + 1
    else if (terms[mid]! > term) high = mid - 1
    else return mid
  }
  return -1
}
