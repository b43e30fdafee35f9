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
// A bigram of two characters in U+3000–U+9FFF (nearly all of them) is looked up by a small
// integer, which V8 hashes far faster than the larger numbers other pairs need.
const charString = new Array<string | undefined>(0x10000)
const CJK_FROM = 0x3000
const CJK_SPAN = 0xa000 - CJK_FROM
const bigramString = new Map<number, string>()
const otherBigramString = new Map<number, string>()
const BIGRAMS_KEPT = 1_000_000

function cjkTerm(first: number, second: number): string {
  if (second === -1) return (charString[first] ??= String.fromCharCode(first))
  const a = first - CJK_FROM
  const b = second - CJK_FROM
  const common = a >= 0 && a < CJK_SPAN && b >= 0 && b < CJK_SPAN
  const strings = common ? bigramString : otherBigramString
  const key = common ? a * CJK_SPAN + b : first * 0x10000 + second
  let term = strings.get(key)
  if (term === undefined) {
    term = String.fromCharCode(first, second)
    if (strings.size < BIGRAMS_KEPT) strings.set(key, term)
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
    // Group the tokens by term, in order of first occurrence in the field; starts stay in
    // token order (ascending). Counted into flat arrays, not an array per term: this runs for
    // every story of the archive.
    const tokens = tokenTerms.length
    const count = new Int32Array(terms.length)
    const order: number[] = []
    for (let k = 0; k < tokens; k++) {
      const id = tokenTerms[k]!
      if (count[id] === 0) order.push(id)
      count[id]! += 1
    }
    const next = new Int32Array(terms.length)
    let at = 0
    for (const id of order) {
      next[id] = at
      at += count[id]!
    }
    const starts = new Int32Array(tokens)
    for (let k = 0; k < tokens; k++) {
      const id = tokenTerms[k]!
      starts[next[id]!] = tokenStarts[k]!
      next[id]! += 1
    }
    const out = new VarintWriter()
    out.int(tokens)
    out.int(order.length)
    at = 0
    for (const id of order) {
      const end = at + count[id]!
      out.int(id)
      out.int(count[id]!)
      let previous = 0
      for (; at < end; at++) {
        out.int(starts[at]! - previous)
        previous = starts[at]!
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
