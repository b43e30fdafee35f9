// Cuts one serialised lunr index into shards by term range, Pagefind-style: terms are
// already sorted, and a shard holds at most `budget` bytes of packed postings, so a very
// common term gets a shard of its own instead of bloating others. Shards are written in the
// compact ShardData and PositionData form (format.ts) and expanded back into lunr's form by
// the page.
//
// This is the reference the build's direct indexer (term-index.ts) is tested against: it
// starts from what lunr.Builder itself computed. Each shard keeps the global postings of its
// own terms with their raw counts (each posting's term frequency and field length), and
// indexStats the numbers lunr weighs them with. lunr scores a document as
// dot(query, fieldVector) / |query|, and the dot product only involves the query's terms, so
// the page can score a query exactly from the postings of its terms alone (shard-reader.ts).

import type { IndexStats, PositionData, ShardData } from './format.js'
import { VarintWriter } from './varint.js'
import { fieldPostings, type FieldPosting, type SerializedIndex } from './lunr-index.js'

export interface Shard {
  from: string
  to: string
  data: ShardData
  positions: PositionData
}

/**
 * Bytes of packed postings and positions per shard. Small, because a rare term (a person's
 * name) loads its whole shard: two bigrams of a name cost two shards.
 */
export const DEFAULT_SHARD_BUDGET = 12_000

/**
 * What one more term adds to a shard's two arrays: its packed postings and positions, each
 * quoted, and unless it is the shard's first term a comma before each.
 */
export function termBytes(postings: number, positions: number, first: boolean): number {
  return postings + 2 + positions + 2 + (first ? 0 : 2)
}

/** Key of one field of one document (numbers hash faster than "field/doc" strings). */
function slot(fieldIndex: number, doc: number, fieldCount: number): number {
  return doc * fieldCount + fieldIndex
}

/**
 * lunr's field length of each field of each document: its tokens, each of which lunr records
 * one position for (the index keeps positions), so the positions of all its terms.
 */
function fieldLengths(index: SerializedIndex): Map<number, number> {
  const lengths = new Map<number, number>()
  for (const [fieldRef] of index.fieldVectors) {
    const cut = fieldRef.indexOf('/')
    lengths.set(slot(index.fields.indexOf(fieldRef.slice(0, cut)), Number(fieldRef.slice(cut + 1)), index.fields.length), 0)
  }
  for (const [, posting] of index.invertedIndex) {
    for (const [field, docs] of fieldPostings(posting)) {
      for (const [doc, metadata] of Object.entries(docs)) {
        const key = slot(index.fields.indexOf(field), Number(doc), index.fields.length)
        lengths.set(key, (lengths.get(key) ?? 0) + (metadata.position?.length ?? 0))
      }
    }
  }
  return lengths
}

/**
 * What the page weighs the shards' counts with (format.ts IndexStats), as lunr.Builder had
 * them: every document has a field vector for each field, so the document count is theirs
 * over the fields, and each field's average length is its total over that count.
 */
export function indexStats(index: SerializedIndex, boosts: readonly number[]): IndexStats {
  const fieldCount = index.fields.length
  const documentCount = index.fieldVectors.length / fieldCount
  const totals = new Array<number>(fieldCount).fill(0)
  for (const [key, length] of fieldLengths(index)) totals[key % fieldCount]! += length
  return { documentCount, averageFieldLengths: totals.map((total) => (documentCount === 0 ? 0 : total / documentCount)), fieldBoosts: [...boosts] }
}

/** One term's postings and positions, packed as format.ts describes ShardData.postings and PositionData.positions. */
function encodePostings(
  fields: readonly string[],
  term: string,
  docsByField: ReadonlyMap<string, FieldPosting>,
  lengths: ReadonlyMap<number, number>,
): { postings: string; positions: string } {
  const out = new VarintWriter()
  const starts = new VarintWriter()
  fields.forEach((field, fieldIndex) => {
    const docs = docsByField.get(field) ?? {}
    const refs = Object.keys(docs)
      .map(Number)
      .sort((a, b) => a - b)
    out.int(refs.length)
    let previousDoc = 0
    for (const doc of refs) {
      const length = lengths.get(slot(fieldIndex, doc, fields.length))
      if (length === undefined) throw new Error(`Unexpected posting of "${term}" in ${field}/${doc} without a field vector`)
      // lunr records positions in token order, so starts already ascend.
      const positions = docs[doc]!.position ?? []
      out.int(doc - previousDoc)
      out.int(length)
      out.int(positions.length)
      let previousStart = 0
      for (const [start] of positions) {
        starts.int(start - previousStart)
        previousStart = start
      }
      previousDoc = doc
    }
  })
  return { postings: out.take(), positions: starts.take() }
}

/** Bytes a shard's `postings` array takes inside its brackets: each string quoted, comma-separated. */
export function postingsBytes(postings: readonly string[]): number {
  return postings.reduce((sum, p) => sum + p.length + 2, 0) + Math.max(0, postings.length - 1)
}

export function splitIndex(index: SerializedIndex, budget = DEFAULT_SHARD_BUDGET): Shard[] {
  const lengths = fieldLengths(index)
  const shards: Shard[] = []
  let current: ShardData = { terms: [], postings: [] }
  let positions: PositionData = { positions: [] }
  let size = 0
  const close = () => {
    shards.push({ from: current.terms[0]!, to: current.terms[current.terms.length - 1]!, data: current, positions })
    current = { terms: [], postings: [] }
    positions = { positions: [] }
    size = 0
  }
  for (const [term, posting] of index.invertedIndex) {
    const encoded = encodePostings(index.fields, term, new Map(fieldPostings(posting)), lengths)
    // A term that would overflow the shard starts the next one: a rare term never shares a
    // download with a huge one (a huge term alone still gets a shard of its own).
    if (current.terms.length > 0 && size + termBytes(encoded.postings.length, encoded.positions.length, false) > budget) close()
    size += termBytes(encoded.postings.length, encoded.positions.length, current.terms.length === 0)
    current.terms.push(term)
    current.postings.push(encoded.postings)
    positions.positions.push(encoded.positions)
    if (size >= budget) close()
  }
  if (current.terms.length > 0) close()
  return shards
}
