// The per-story part of indexing, on its own so a build can keep it between runs: tokenizing
// a story (normalising, cutting CJK bigrams, recording positions) is the work that grows with
// the archive's text, while the rest (joining everyone's postings, lunr's weights, writing
// shards) is cheap bookkeeping over numbers. `docTerms` is pure: the same texts always give
// the same DocTerms, so it can be cached under `docTermsKey` (a hash of the texts and the
// tokenizer version) in memory or on disk; DocTerms is plain JSON.

import { createHash } from 'node:crypto'
import { SEARCH_FIELDS } from './format.js'
import { TOKENIZER_VERSION, forEachIndexToken } from './tokenizer.js'
import { VarintReader, VarintWriter } from './varint.js'

/** Bump when the shape below changes, so old cache entries are never read as new ones. */
const DOC_TERMS_VERSION = 2

/**
 * One story's index terms. `terms`: its distinct terms, space-separated (terms never hold
 * whitespace), in order of first occurrence. `fields[f]` (one per SEARCH_FIELDS, packed with
 * varint.ts): the field's token count, its number of distinct terms, then per term, in order
 * of first occurrence in the field, `termIndex` (into `terms`), `count` and `count` start
 * offsets as ascending gaps.
 */
export interface DocTerms {
  terms: string
  fields: string[]
}

/** The cache key for a story's DocTerms: changes whenever its texts or the tokenizer do. */
export function docTermsKey(texts: readonly string[]): string {
  const hash = createHash('sha256').update(`${DOC_TERMS_VERSION}:${TOKENIZER_VERSION}`)
  for (const text of texts) hash.update('\u0000').update(text)
  return hash.digest('base64url').slice(0, 24)
}

// Term strings of CJK code units, made once: a story repeats the same few hundred characters.
const charString = new Array<string | undefined>(0x10000)
const bigramString = new Map<number, string>()

function cjkTerm(first: number, second: number): string {
  if (second === -1) return (charString[first] ??= String.fromCharCode(first))
  const key = first * 0x10000 + second
  let term = bigramString.get(key)
  if (term === undefined) {
    term = String.fromCharCode(first, second)
    if (bigramString.size < 1_000_000) bigramString.set(key, term)
  }
  return term
}

/** The index terms of one story, from the texts of its fields (in SEARCH_FIELDS order). */
export function docTerms(texts: readonly string[]): DocTerms {
  if (texts.length !== SEARCH_FIELDS.length) throw new Error(`docTerms: expected ${SEARCH_FIELDS.length} field texts`)
  const local = new Map<string, number>()
  const terms: string[] = []
  const fields = texts.map((text) => {
    const tokenTerms: number[] = []
    const tokenStarts: number[] = []
    const add = (term: string, start: number) => {
      let id = local.get(term)
      if (id === undefined) {
        id = terms.length
        local.set(term, id)
        terms.push(term)
      }
      tokenTerms.push(id)
      tokenStarts.push(start)
    }
    forEachIndexToken(text, add, (first, second, start) => add(cjkTerm(first, second), start))
    // Group the tokens by term, in order of first occurrence; starts stay in token order (ascending).
    const groups = new Map<number, number[]>()
    for (let k = 0; k < tokenTerms.length; k++) {
      const starts = groups.get(tokenTerms[k]!)
      if (starts) starts.push(tokenStarts[k]!)
      else groups.set(tokenTerms[k]!, [tokenStarts[k]!])
    }
    const out = new VarintWriter()
    out.int(tokenTerms.length)
    out.int(groups.size)
    for (const [id, starts] of groups) {
      out.int(id)
      out.int(starts.length)
      let previous = 0
      for (const start of starts) {
        out.int(start - previous)
        previous = start
      }
    }
    return out.take()
  })
  return { terms: terms.join(' '), fields }
}

/** One field of a DocTerms, unpacked: calls `group(termIndex, starts)` per distinct term. */
export function readDocField(packed: string, group: (termIndex: number, starts: number[]) => void): number {
  const reader = new VarintReader(packed)
  const length = reader.int()
  const count = reader.int()
  for (let g = 0; g < count; g++) {
    const id = reader.int()
    const tf = reader.int()
    const starts = new Array<number>(tf)
    let at = 0
    for (let k = 0; k < tf; k++) starts[k] = at += reader.int()
    group(id, starts)
  }
  return length
}
