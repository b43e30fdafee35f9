// Builds the term shards directly, without lunr.Builder. lunr keeps an object per posting,
// per position and per field-vector entry, which at tens of thousands of stories costs
// seconds per thousand stories and gigabytes of heap. Here one streaming pass over the
// stories records, per document field, each distinct term once ("a group": where its start
// offsets sit in one flat pool); the weights lunr would bake into its field vectors are
// computed at the end from raw term frequencies, with lunr's own formula (BM25 with lunr's
// k1 and b, lunr's idf, field boost, three decimals). The shards written are the very bytes
// `splitIndex(serializeIndex(buildLunrIndex(docs)))` gives (tests/search/term-index.test.ts
// proves it), so the page's lunr scores do not change.
//
// Memory: two Int32Arrays per token position and group, no object per token or posting.

import type { SearchDoc } from './search-docs.js'
import { SEARCH_FIELDS } from './format.js'
import { FIELD_BOOST } from './build-index.js'
import { forEachIndexToken } from './tokenizer.js'

/** lunr.Builder's defaults (lib/builder.js): BM25 saturation and length normalisation. */
const K1 = 1.2
const B = 0.75

/** One term range as written: ShardData (format.ts) already serialised, the UTF-8 bytes of its JSON. */
export interface EncodedShard {
  from: string
  to: string
  json: Uint8Array
}

/** A growable Int32Array. */
class IntList {
  data: Int32Array
  length = 0
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity)
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }
  /** The used part, copied into an exactly sized array so the spare capacity can be freed. */
  trimmed(): Int32Array {
    return this.data.slice(0, this.length)
  }
}

/** lunr.idf: `documentsWithTerm` counts a document once per field holding the term. */
function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)
  return Math.log(1 + Math.abs(x))
}

interface Postings {
  terms: string[]
  /** Groups of each term, in document-then-field order: `groupList[termStart[t] … termStart[t+1]-1]`. */
  termStart: Int32Array
  groupList: Int32Array
  /** For each group: its `doc * fieldCount + field`, and where its starts begin in `starts` (they end where the next group's begin). */
  groupDocField: Int32Array
  groupOffset: Int32Array
  starts: Int32Array
  /** Tokens per document field, `doc * fieldCount + field`. */
  fieldLength: Int32Array
  documentCount: number
}

function collectPostings(docs: readonly SearchDoc[]): Postings {
  const fieldCount = SEARCH_FIELDS.length
  const termIds = new Map<string, number>()
  const terms: string[] = []
  const groupTerm = new IntList(1 << 16)
  const groupDocField = new IntList(1 << 16)
  const groupOffset = new IntList(1 << 16)
  const starts = new IntList(1 << 16)
  const fieldLength = new Int32Array(docs.length * fieldCount)

  // Scratch for one field: its tokens in order, then grouped by term.
  let tokenTerm = new Int32Array(4096)
  let tokenStart = new Int32Array(4096)
  let tokenCount = 0
  // Per term id: 1 + its local slot in the current field (0: not seen yet in this field).
  let localSlot = new Int32Array(4096)
  const localTerms: number[] = []
  const localCount: number[] = []
  const localFill: number[] = []

  const emit = (term: string, start: number) => {
    let id = termIds.get(term)
    if (id === undefined) {
      id = terms.length
      termIds.set(term, id)
      terms.push(term)
      if (id >= localSlot.length) {
        const bigger = new Int32Array(localSlot.length * 2)
        bigger.set(localSlot)
        localSlot = bigger
      }
    }
    if (tokenCount === tokenTerm.length) {
      const moreTerms = new Int32Array(tokenCount * 2)
      moreTerms.set(tokenTerm)
      tokenTerm = moreTerms
      const moreStarts = new Int32Array(tokenCount * 2)
      moreStarts.set(tokenStart)
      tokenStart = moreStarts
    }
    tokenTerm[tokenCount] = id
    tokenStart[tokenCount] = start
    tokenCount++
  }

  for (let doc = 0; doc < docs.length; doc++) {
    const card = docs[doc]!.card
    for (let field = 0; field < fieldCount; field++) {
      const text = SEARCH_FIELDS[field] === 'title' ? card.titleText : card.body
      tokenCount = 0
      forEachIndexToken(text, emit)
      const docField = doc * fieldCount + field
      fieldLength[docField] = tokenCount
      localTerms.length = 0
      localCount.length = 0
      for (let k = 0; k < tokenCount; k++) {
        const id = tokenTerm[k]!
        const slot = localSlot[id]!
        if (slot === 0) {
          localTerms.push(id)
          localCount.push(1)
          localSlot[id] = localTerms.length
        } else {
          localCount[slot - 1]!++
        }
      }
      // One group per distinct term, in order of first occurrence; each group's starts stay in token order.
      let offset = starts.length
      localFill.length = 0
      for (let s = 0; s < localTerms.length; s++) {
        groupTerm.push(localTerms[s]!)
        groupDocField.push(docField)
        groupOffset.push(offset)
        localFill.push(offset)
        offset += localCount[s]!
      }
      for (let k = 0; k < tokenCount; k++) starts.push(0)
      for (let k = 0; k < tokenCount; k++) {
        const slot = localSlot[tokenTerm[k]!]! - 1
        starts.data[localFill[slot]!++] = tokenStart[k]!
      }
      for (const id of localTerms) localSlot[id] = 0
    }
  }
  groupOffset.push(starts.length)

  // Counting sort of the groups by term; within a term they keep document-then-field order.
  const termStart = new Int32Array(terms.length + 1)
  for (let g = 0; g < groupTerm.length; g++) termStart[groupTerm.data[g]! + 1]!++
  for (let t = 0; t < terms.length; t++) termStart[t + 1]! += termStart[t]!
  const fill = termStart.slice(0, terms.length)
  const groupList = new Int32Array(groupTerm.length)
  for (let g = 0; g < groupTerm.length; g++) groupList[fill[groupTerm.data[g]!]!++] = g

  return {
    terms,
    termStart,
    groupList,
    groupDocField: groupDocField.trimmed(),
    groupOffset: groupOffset.trimmed(),
    starts: starts.trimmed(),
    fieldLength,
    documentCount: docs.length,
  }
}

/** Appends ASCII JSON text into one growing byte buffer: no string per number. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16)
  length = 0
  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return
    let size = this.bytes.length * 2
    while (size < this.length + extra) size *= 2
    const bigger = new Uint8Array(size)
    bigger.set(this.bytes.subarray(0, this.length))
    this.bytes = bigger
  }
  byte(code: number): void {
    this.ensure(1)
    this.bytes[this.length++] = code
  }
  /** A non-negative integer, as JSON.stringify writes it. */
  int(value: number): void {
    this.ensure(16)
    if (value < 10) {
      this.bytes[this.length++] = 48 + value
      return
    }
    let digits = 0
    for (let rest = value; rest > 0; rest = Math.floor(rest / 10)) digits++
    let at = this.length + digits
    this.length = at
    for (let rest = value; rest > 0; rest = Math.floor(rest / 10)) this.bytes[--at] = 48 + (rest % 10)
  }
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length)
    this.bytes.set(bytes, this.length)
    this.length += bytes.length
  }
  take(): Uint8Array {
    const out = this.bytes.slice(0, this.length)
    this.length = 0
    return out
  }
}

const COMMA = 44
const OPEN = 91
const CLOSE = 93

/**
 * The term shards of `docs`: sorted terms cut into ranges of about `budget` encoded numbers,
 * each range's postings with lunr's field-vector weights (format.ts, ShardData), as the UTF-8
 * bytes of `JSON.stringify(data)`.
 */
export function buildTermShards(docs: readonly SearchDoc[], budget: number): EncodedShard[] {
  if (docs.length === 0) return []
  const fieldCount = SEARCH_FIELDS.length
  const p = collectPostings(docs)
  const averageLength = SEARCH_FIELDS.map((_, field) => {
    let total = 0
    for (let doc = 0; doc < p.documentCount; doc++) total += p.fieldLength[doc * fieldCount + field]!
    return total / p.documentCount
  })
  const boosts = SEARCH_FIELDS.map((field) => FIELD_BOOST[field])
  const order = p.terms.map((_, id) => id).sort((a, b) => (p.terms[a]! < p.terms[b]! ? -1 : p.terms[a]! > p.terms[b]! ? 1 : 0))
  const encoder = new TextEncoder()
  const head = encoder.encode(`{"fields":${JSON.stringify(SEARCH_FIELDS)},"terms":`)
  const postingsKey = encoder.encode(',"postings":[')
  const tail = encoder.encode(']}')

  const shards: EncodedShard[] = []
  const postings = new ByteWriter()
  const out = new ByteWriter()
  let shardTerms: string[] = []
  let size = 0
  const close = () => {
    out.raw(head)
    out.raw(encoder.encode(JSON.stringify(shardTerms)))
    out.raw(postingsKey)
    out.raw(postings.bytes.subarray(0, postings.length))
    postings.length = 0
    out.raw(tail)
    shards.push({ from: shardTerms[0]!, to: shardTerms[shardTerms.length - 1]!, json: out.take() })
    shardTerms = []
    size = 0
  }

  for (const id of order) {
    const first = p.termStart[id]!
    const end = p.termStart[id + 1]!
    const idf = lunrIdf(end - first, p.documentCount)
    if (shardTerms.length > 0) postings.byte(COMMA)
    postings.byte(OPEN)
    for (let field = 0; field < fieldCount; field++) {
      if (field > 0) postings.byte(COMMA)
      postings.byte(OPEN)
      let previousDoc = 0
      let written = false
      for (let k = first; k < end; k++) {
        const group = p.groupList[k]!
        const docField = p.groupDocField[group]!
        if (docField % fieldCount !== field) continue
        const doc = (docField - field) / fieldCount
        const from = p.groupOffset[group]!
        const tf = p.groupOffset[group + 1]! - from
        // lunr.Builder#createFieldVectors, operation for operation (doc boost is 1).
        let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (p.fieldLength[docField]! / averageLength[field]!)) + tf)
        score *= boosts[field]!
        const weight = Math.round(score * 1000) / 1000
        if (written) postings.byte(COMMA)
        written = true
        postings.int(doc - previousDoc)
        postings.byte(COMMA)
        postings.int(Math.round(weight * 1000))
        postings.byte(COMMA)
        postings.int(tf)
        let previousStart = 0
        for (let i = from; i < from + tf; i++) {
          postings.byte(COMMA)
          postings.int(p.starts[i]! - previousStart)
          previousStart = p.starts[i]!
        }
        size += 3 + tf
        previousDoc = doc
      }
      postings.byte(CLOSE)
    }
    postings.byte(CLOSE)
    shardTerms.push(p.terms[id]!)
    if (size >= budget) close()
  }
  if (shardTerms.length > 0) close()
  return shards
}
