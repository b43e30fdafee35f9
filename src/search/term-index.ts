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
// Memory: a few Int32Arrays over token positions and groups, no object per token or posting.

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
  /** The JSON, or with `frame` the bytes framed around it. */
  json: Uint8Array
}

/** Bytes to write before and after a shard's JSON (for instance a script around it), given the JSON. */
export type ShardFrame = (shard: number, json: Uint8Array) => { before: Uint8Array; after: Uint8Array }

/** A growable Int32Array. */
class IntList {
  data: Int32Array
  length = 0
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity)
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(Math.ceil(this.data.length * 1.5))
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }
  /** Makes room for `count` more values and counts them as used (the caller fills them in). */
  reserve(count: number): void {
    if (this.length + count > this.data.length) {
      let size = Math.ceil(this.data.length * 1.5)
      while (size < this.length + count) size = Math.ceil(size * 1.5)
      const bigger = new Int32Array(size)
      bigger.set(this.data.subarray(0, this.length))
      this.data = bigger
    }
    this.length += count
  }
}

/** lunr.idf: `documentsWithTerm` counts a document once per field holding the term. */
function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)
  return Math.log(1 + Math.abs(x))
}

interface Postings {
  terms: string[]
  /** Groups of term `t` are `termStart[t] … termStart[t+1]-1`, in document-then-field order. */
  termStart: Int32Array
  /** For each group: its `doc * fieldCount + field` and its term frequency. */
  groupDocField: Int32Array
  groupTf: Int32Array
  /** Start offsets of every group's occurrences, group after group, in the same order as the groups. */
  starts: Int32Array
  /** Tokens per document field, `doc * fieldCount + field`. */
  fieldLength: Int32Array
  documentCount: number
}

function collectPostings(docs: readonly SearchDoc[]): Postings {
  const fieldCount = SEARCH_FIELDS.length
  const termIds = new Map<string, number>()
  const terms: string[] = []
  // Sized once from the text (tokens ≈ 1.7 per code unit in Chinese news; groups fewer), so
  // the big arrays are rarely reallocated: every large allocation makes V8 collect garbage
  // over the whole heap ("external memory pressure"), which dominates at scale.
  let units = 0
  for (const { card } of docs) units += card.titleText.length + card.body.length
  const groupTerm = new IntList(Math.ceil(units * 1.2) + 1024)
  const groupDocField = new IntList(Math.ceil(units * 1.2) + 1024)
  const groupTf = new IntList(Math.ceil(units * 1.2) + 1024)
  const starts = new IntList(Math.ceil(units * 1.8) + 1024)
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

  const newTerm = (term: string): number => {
    const id = terms.length
    termIds.set(term, id)
    terms.push(term)
    if (id >= localSlot.length) {
      const bigger = new Int32Array(localSlot.length * 2)
      bigger.set(localSlot)
      localSlot = bigger
    }
    return id
  }
  const push = (id: number, start: number) => {
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
  const emit = (term: string, start: number) => push(termIds.get(term) ?? newTerm(term), start)
  // CJK characters and bigrams arrive as code units: a character's term id by table, a
  // bigram's by the small numbers of its two characters, without building their strings.
  const charTerm = new Int32Array(0x10000).fill(-1)
  const charNumber = new Int32Array(0x10000).fill(-1)
  let charCount = 0
  const bigramTerm = new Map<number, number>()
  const emitCjk = (first: number, second: number, start: number) => {
    if (second === -1) {
      let id = charTerm[first]!
      if (id === -1) charTerm[first] = id = termIds.get(String.fromCharCode(first)) ?? newTerm(String.fromCharCode(first))
      push(id, start)
      return
    }
    let a = charNumber[first]!
    if (a === -1) charNumber[first] = a = charCount++
    let b = charNumber[second]!
    if (b === -1) charNumber[second] = b = charCount++
    // Below 2^30 (a Smi, hashed without allocation) while fewer than 32,768 distinct characters occur.
    const key = a < 0x8000 && b < 0x8000 ? a * 0x8000 + b : -1
    let id = key === -1 ? undefined : bigramTerm.get(key)
    if (id === undefined) {
      const term = String.fromCharCode(first, second)
      id = termIds.get(term) ?? newTerm(term)
      if (key !== -1) bigramTerm.set(key, id)
    }
    push(id, start)
  }

  for (let doc = 0; doc < docs.length; doc++) {
    const card = docs[doc]!.card
    for (let field = 0; field < fieldCount; field++) {
      const text = SEARCH_FIELDS[field] === 'title' ? card.titleText : card.body
      tokenCount = 0
      forEachIndexToken(text, emit, emitCjk)
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
        groupTf.push(localCount[s]!)
        localFill.push(offset)
        offset += localCount[s]!
      }
      starts.reserve(tokenCount)
      for (let k = 0; k < tokenCount; k++) {
        const slot = localSlot[tokenTerm[k]!]! - 1
        starts.data[localFill[slot]!++] = tokenStart[k]!
      }
      for (const id of localTerms) localSlot[id] = 0
    }
  }

  // Counting sort of the groups (and their starts) by term; within a term they keep
  // document-then-field order. Each term's slots fill front to back, so the writes stream
  // and the encoder then reads everything in order (gathering groups term by term from the
  // append order instead would jump all over hundreds of megabytes).
  const termStart = new Int32Array(terms.length + 1)
  const startsStart = new Int32Array(terms.length + 1)
  for (let g = 0; g < groupTerm.length; g++) {
    termStart[groupTerm.data[g]! + 1]!++
    startsStart[groupTerm.data[g]! + 1]! += groupTf.data[g]!
  }
  for (let t = 0; t < terms.length; t++) {
    termStart[t + 1]! += termStart[t]!
    startsStart[t + 1]! += startsStart[t]!
  }
  const groupFill = termStart.slice(0, terms.length)
  const startsFill = startsStart.slice(0, terms.length)
  const sortedDocField = new Int32Array(groupTerm.length)
  const sortedTf = new Int32Array(groupTerm.length)
  const sortedStarts = new Int32Array(starts.length)
  const startsData = starts.data
  let from = 0
  for (let g = 0; g < groupTerm.length; g++) {
    const term = groupTerm.data[g]!
    const tf = groupTf.data[g]!
    const slot = groupFill[term]!++
    sortedDocField[slot] = groupDocField.data[g]!
    sortedTf[slot] = tf
    // A loop, not set(subarray(…)): a view object per group would be millions of allocations.
    let to = startsFill[term]!
    for (let i = from; i < from + tf; i++) sortedStarts[to++] = startsData[i]!
    startsFill[term] = to
    from += tf
  }

  return {
    terms,
    termStart,
    groupDocField: sortedDocField,
    groupTf: sortedTf,
    starts: sortedStarts,
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
    for (let rest = value; rest > 0; rest = (rest / 10) | 0) digits++
    let at = this.length + digits
    this.length = at
    for (let rest = value; rest > 0; rest = (rest / 10) | 0) this.bytes[--at] = 48 + (rest % 10)
  }
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length)
    this.bytes.set(bytes, this.length)
    this.length += bytes.length
  }
}

/**
 * Output bytes in large blocks, handed out as views: one allocation per block instead of one
 * per shard (see the note on external memory above).
 */
class BlockStore {
  private block = new Uint8Array(0)
  private used = 0
  constructor(private readonly blockSize: number) {}
  put(parts: readonly Uint8Array[]): Uint8Array {
    let length = 0
    for (const part of parts) length += part.length
    if (this.used + length > this.block.length) {
      this.block = new Uint8Array(Math.max(this.blockSize, length))
      this.used = 0
    }
    const start = this.used
    for (const part of parts) {
      this.block.set(part, this.used)
      this.used += part.length
    }
    // A Buffer view, so the bytes also read as text with String(…).
    return Buffer.from(this.block.buffer, this.block.byteOffset + start, this.used - start)
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
export function buildTermShards(docs: readonly SearchDoc[], budget: number, frame?: ShardFrame): EncodedShard[] {
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
  const store = new BlockStore(32 << 20)
  let shardTerms: string[] = []
  let size = 0
  const close = () => {
    out.raw(head)
    out.raw(encoder.encode(JSON.stringify(shardTerms)))
    out.raw(postingsKey)
    out.raw(postings.bytes.subarray(0, postings.length))
    postings.length = 0
    out.raw(tail)
    const json = out.bytes.subarray(0, out.length)
    const framing = frame?.(shards.length, json)
    const bytes = store.put(framing ? [framing.before, json, framing.after] : [json])
    out.length = 0
    shards.push({ from: shardTerms[0]!, to: shardTerms[shardTerms.length - 1]!, json: bytes })
    shardTerms = []
    size = 0
  }

  // Where each term's starts begin in `p.starts`.
  const termStarts = new Float64Array(p.terms.length + 1)
  for (let t = 0, at = 0; t < p.terms.length; t++) {
    termStarts[t] = at
    for (let g = p.termStart[t]!; g < p.termStart[t + 1]!; g++) at += p.groupTf[g]!
    termStarts[t + 1] = at
  }
  for (const id of order) {
    const first = p.termStart[id]!
    const end = p.termStart[id + 1]!
    const idf = lunrIdf(end - first, p.documentCount)
    // Numbers this term encodes: three per group, one per start. As in splitIndex, a term
    // that would overflow the shard starts the next one.
    const termSize = 3 * (end - first) + (termStarts[id + 1]! - termStarts[id]!)
    if (shardTerms.length > 0 && size + termSize > budget) close()
    if (shardTerms.length > 0) postings.byte(COMMA)
    postings.byte(OPEN)
    for (let field = 0; field < fieldCount; field++) {
      if (field > 0) postings.byte(COMMA)
      postings.byte(OPEN)
      let previousDoc = 0
      let written = false
      let from = termStarts[id]!
      for (let g = first; g < end; g++) {
        const docField = p.groupDocField[g]!
        const tf = p.groupTf[g]!
        const groupFrom = from
        from += tf
        if (docField % fieldCount !== field) continue
        const doc = (docField - field) / fieldCount
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
        for (let i = groupFrom; i < groupFrom + tf; i++) {
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
