// The serialised lunr index, typed. lunr's own typings call it `object`; this is the shape
// `Index.toJSON()` writes and `Index.load()` reads (lib/index.js in lunr 2.3.9).

import lunr from 'lunr'

export type TokenPosition = [number, number]

/** Metadata lunr keeps for one term in one field of one document (we whitelist `position`). */
export interface TermMetadata {
  position?: TokenPosition[]
}

/** Documents that hold the term in this field, by doc ref. */
export type FieldPosting = Record<string, TermMetadata>

export interface SerializedPosting {
  /** The term's dimension in the field vectors. */
  _index: number
  [field: string]: FieldPosting | number
}

export interface SerializedIndex {
  version: string
  fields: string[]
  /** `[fieldRef ("field/docRef"), [termIndex, score, termIndex, score, …]]`, indices ascending. */
  fieldVectors: Array<[string, number[]]>
  /** Sorted by term (UTF-16 code unit order). */
  invertedIndex: Array<[string, SerializedPosting]>
  pipeline: string[]
}

export function serializeIndex(index: lunr.Index): SerializedIndex {
  // lunr types toJSON() as `object`; its documented output is exactly SerializedIndex.
  return index.toJSON() as SerializedIndex
}

export function loadIndex(serialized: SerializedIndex): lunr.Index {
  return lunr.Index.load(serialized)
}

/** The field postings of a serialised posting, without its `_index`. */
export function fieldPostings(posting: SerializedPosting): Array<[string, FieldPosting]> {
  const out: Array<[string, FieldPosting]> = []
  for (const [key, value] of Object.entries(posting)) {
    if (key !== '_index' && typeof value === 'object') out.push([key, value])
  }
  return out
}
