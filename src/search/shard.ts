// Cuts one serialised lunr index into shards by term range, Pagefind-style: terms are
// already sorted, and a shard holds at most `budget` encoded numbers, so a very common term
// gets a shard of its own instead of bloating others. Shards are written in
// the compact ShardData form (format.ts) and expanded back into lunr's form by the page.
//
// Each shard keeps the global postings and the global field-vector weights of its own terms.
// lunr scores a document as dot(query, fieldVector) / |query|, so a query spread over shards
// can be scored exactly: see `combineShardScores` in shard-reader.ts.

import type { ShardData } from './format.js'
import { fieldPostings, type FieldPosting, type SerializedIndex } from './lunr-index.js'

export interface Shard {
  from: string
  to: string
  data: ShardData
}

/** Numbers per shard: about 200 kB of script. */
export const DEFAULT_SHARD_BUDGET = 40_000

/** Key of one field of one document among a term's weights (numbers hash faster than "field/doc" strings). */
function slot(fieldIndex: number, doc: number, fieldCount: number): number {
  return doc * fieldCount + fieldIndex
}

/** Weight of each field of each document in each term's dimension, from the index's field vectors. */
function weightsByTerm(index: SerializedIndex): Map<number, Map<number, number>> {
  const weights = new Map<number, Map<number, number>>()
  for (const [fieldRef, elements] of index.fieldVectors) {
    const cut = fieldRef.indexOf('/')
    const key = slot(index.fields.indexOf(fieldRef.slice(0, cut)), Number(fieldRef.slice(cut + 1)), index.fields.length)
    for (let i = 0; i < elements.length; i += 2) {
      let forTerm = weights.get(elements[i]!)
      if (!forTerm) weights.set(elements[i]!, (forTerm = new Map()))
      forTerm.set(key, elements[i + 1]!)
    }
  }
  return weights
}

/** One term's postings per field as `docDelta, score, count, startDelta…` groups. */
function encodePostings(
  fields: readonly string[],
  term: string,
  docsByField: ReadonlyMap<string, FieldPosting>,
  weights: ReadonlyMap<number, number>,
): number[][] {
  return fields.map((field, fieldIndex) => {
    const docs = docsByField.get(field) ?? {}
    const refs = Object.keys(docs)
      .map(Number)
      .sort((a, b) => a - b)
    const out: number[] = []
    let previousDoc = 0
    for (const doc of refs) {
      const weight = weights.get(slot(fieldIndex, doc, fields.length))
      if (weight === undefined) throw new Error(`Unexpected posting of "${term}" in ${field}/${doc} without a field-vector weight`)
      // lunr records positions in token order, so starts already ascend.
      const positions = docs[doc]!.position ?? []
      out.push(doc - previousDoc, Math.round(weight * 1000), positions.length)
      let previousStart = 0
      for (const [start] of positions) {
        out.push(start - previousStart)
        previousStart = start
      }
      previousDoc = doc
    }
    return out
  })
}

export function splitIndex(index: SerializedIndex, budget = DEFAULT_SHARD_BUDGET): Shard[] {
  const weights = weightsByTerm(index)
  const shards: Shard[] = []
  let current: ShardData = { fields: index.fields, terms: [], postings: [] }
  let size = 0
  const close = () => {
    shards.push({ from: current.terms[0]!, to: current.terms[current.terms.length - 1]!, data: current })
    current = { fields: index.fields, terms: [], postings: [] }
    size = 0
  }
  for (const [term, posting] of index.invertedIndex) {
    const encoded = encodePostings(index.fields, term, new Map(fieldPostings(posting)), weights.get(posting._index) ?? new Map())
    const termSize = encoded.reduce((sum, field) => sum + field.length, 0)
    // A term that would overflow the shard starts the next one: a rare term never shares a
    // download with a huge one (a huge term alone still gets a shard of its own).
    if (current.terms.length > 0 && size + termSize > budget) close()
    current.terms.push(term)
    current.postings.push(encoded)
    size += termSize
    if (size >= budget) close()
  }
  if (current.terms.length > 0) close()
  return shards
}
