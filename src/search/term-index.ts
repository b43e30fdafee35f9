// Builds the term shards directly, without lunr.Builder. lunr keeps an object per posting,
// per position and per field-vector entry, which at tens of thousands of stories costs
// seconds per thousand stories and gigabytes of heap. Here one streaming pass over the
// stories' DocTerms (doc-terms.ts: each story tokenized once, cacheable between builds)
// records, per document field, each distinct term once ("a group": where its start
// offsets sit in one flat pool). The shards carry each posting's raw counts (term frequency,
// field length: format.ts ShardData), from which the page computes the weights lunr would bake
// into its field vectors (rank.ts fieldWeight) with the whole index's numbers (postingsStats,
// written into entry.js). The archive's whole words (words.ts) are found from the bigram
// chains and indexed as terms too. The shards written are the very bytes
// `splitIndex(serializeIndex(buildLunrIndex(docs, words)))` gives, and postingsStats is
// `indexStats` of that index (tests/search/term-index.test.ts proves both), so the page's
// lunr scores are those of one lunr index over the same terms.
//
// Memory: a few Int32Arrays over token positions and groups, no object per token or posting.

import type { DocTerms } from './doc-terms.js'
import { SEARCH_FIELDS, type IndexStats } from './format.js'
import { FIELD_BOOST } from './build-index.js'
import { termBytes } from './shard.js'
import { VARINT_BASE, VARINT_CODES, VARINT_VALUES } from './varint.js'

/** One term range as written: ShardData and PositionData (format.ts) already serialised, the UTF-8 bytes of their JSON. */
export interface EncodedShard {
  from: string
  to: string
  /** The ShardData JSON, or with `frame` the bytes framed around it. */
  json: Uint8Array
  /** The PositionData JSON, framed the same way. */
  positions: Uint8Array
}

/** Bytes to write before and after a shard's JSON (for instance a script around it), given the JSON and which of the shard's two files it is. */
export type ShardFrame = (shard: number, json: Uint8Array, part: 'postings' | 'positions') => { before: Uint8Array; after: Uint8Array }

/** A growable Int32Array. */
class IntList {
  data: Int32Array
  length = 0
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity)
  }
  /** Makes room for `count` more values and counts them as used; returns where they start (the caller fills them in). */
  reserve(count: number): number {
    if (this.length + count > this.data.length) {
      let size = Math.ceil(this.data.length * 1.5)
      while (size < this.length + count) size = Math.ceil(size * 1.5)
      const bigger = new Int32Array(size)
      bigger.set(this.data.subarray(0, this.length))
      this.data = bigger
    }
    this.length += count
    return this.length - count
  }
}

// varint.ts's format, read inline: collectPostings reads every token of the archive this
// way, so the cursor is a module variable rather than a closure made per field.
let cursor = 0
function readInt(packed: string): number {
  let value = 0
  let scale = 1
  for (;;) {
    const digit = VARINT_VALUES[packed.charCodeAt(cursor++)]!
    if (digit < 0 || digit === undefined) throw new Error('DocTerms: broken packed field')
    value += (digit % VARINT_BASE) * scale
    if (digit < VARINT_BASE) return value
    scale *= VARINT_BASE
  }
}

export interface Postings {
  terms: string[]
  termIds: Map<string, number>
  /** Groups of term `t` are `termStart[t] … termStart[t+1]-1`, in document-then-field order. */
  termStart: Int32Array
  /** For each group: its `doc * fieldCount + field` and its term frequency. */
  groupDocField: Int32Array
  groupTf: Int32Array | Uint16Array
  /** Start offsets of every group's occurrences, group after group, in the same order as the groups. */
  starts: Int32Array | Uint16Array
  /** Tokens per document field, `(doc - firstDoc) * fieldCount + field`. */
  fieldLength: Int32Array
  /** The table's first doc number: a tier of the index (format.ts TermTier) starts where the one before it ends. */
  firstDoc: number
  /** One past the table's last doc number (doc numbers are the archive's, not the table's). */
  documentCount: number
}

/**
 * Finds the indexed words (words.ts) of a field from its bigrams: a word of n characters
 * occurs at `s` exactly when its n-1 bigrams sit at `s`, `s+1`, … (its characters are BMP CJK,
 * one code unit each, and bigrams are only cut inside runs of CJK characters). DocTerms stay
 * free of words, so they remain per story and cacheable while the words depend on the archive.
 */
class WordFinder {
  /** Global term id of each word's bigrams, -1 until that bigram is first seen. */
  private readonly bigramIds: Int32Array[]
  /** Bigram text → the words (and which of their bigrams) it is part of. */
  private readonly slots = new Map<string, Array<[word: number, bigram: number]>>()
  /** Global term id → the words it is the first bigram of. */
  private readonly firstOf = new Map<number, number[]>()
  /** Per global term id: 1 when it is a bigram of some word, 2 when also the first bigram of one (looked up for every group of every field, so an array, not a Set). */
  private role = new Uint8Array(1024)
  // Which word bigram starts at each offset of the current field: valid where `stamp` holds the field's number.
  private atTerm = new Int32Array(4096)
  private atStamp = new Int32Array(4096)
  private field = 0

  constructor(readonly words: readonly string[]) {
    this.bigramIds = words.map((word) => new Int32Array(word.length - 1).fill(-1))
    words.forEach((word, w) => {
      for (let i = 0; i + 1 < word.length; i++) {
        const bigram = word.slice(i, i + 2)
        const list = this.slots.get(bigram)
        if (list) list.push([w, i])
        else this.slots.set(bigram, [[w, i]])
      }
    })
  }

  /** Tells the finder the id a term got. */
  registered(term: string, id: number): void {
    const slots = this.slots.get(term)
    if (!slots) return
    if (id >= this.role.length) {
      const bigger = new Uint8Array(Math.max(id + 1, this.role.length * 2))
      bigger.set(this.role)
      this.role = bigger
    }
    this.role[id] = Math.max(this.role[id]!, 1)
    for (const [w, i] of slots) {
      this.bigramIds[w]![i] = id
      if (i === 0) {
        this.role[id] = 2
        const list = this.firstOf.get(id)
        if (list) list.push(w)
        else this.firstOf.set(id, [w])
      }
    }
  }

  /**
   * The words of one field, from its groups (`terms[g]` with `tf[g]` starts each, laid out one
   * group after another in `starts` from `startsFrom`): word index → its starts, ascending.
   */
  find(terms: Int32Array, tfs: Int32Array, from: number, to: number, starts: Int32Array, startsFrom: number): Map<number, number[]> | null {
    const role = this.role
    const roleOf = (id: number): number => (id < role.length ? role[id]! : 0)
    let any = false
    for (let g = from; g < to && !any; g++) any = roleOf(terms[g]!) === 2
    if (!any) return null
    const stamp = ++this.field
    for (let g = from, k = startsFrom; g < to; k += tfs[g]!, g++) {
      if (roleOf(terms[g]!) === 0) continue
      for (let i = k; i < k + tfs[g]!; i++) {
        const start = starts[i]!
        if (start >= this.atTerm.length) this.grow(start + 1)
        this.atTerm[start] = terms[g]!
        this.atStamp[start] = stamp
      }
    }
    const found = new Map<number, number[]>()
    for (let g = from, k = startsFrom; g < to; k += tfs[g]!, g++) {
      if (roleOf(terms[g]!) !== 2) continue
      const words = this.firstOf.get(terms[g]!)!
      for (const w of words) {
        const ids = this.bigramIds[w]!
        for (let i = k; i < k + tfs[g]!; i++) {
          const start = starts[i]!
          let whole = true
          for (let b = 1; b < ids.length && whole; b++) {
            const at = start + b
            whole = at < this.atStamp.length && this.atStamp[at] === stamp && this.atTerm[at] === ids[b]
          }
          if (!whole) continue
          const list = found.get(w)
          if (list) list.push(start)
          else found.set(w, [start])
        }
      }
    }
    return found
  }

  private grow(size: number): void {
    let length = this.atTerm.length
    while (length < size) length *= 2
    const term = new Int32Array(length)
    term.set(this.atTerm)
    const stamp = new Int32Array(length)
    stamp.set(this.atStamp)
    this.atTerm = term
    this.atStamp = stamp
  }
}

/** One field's groups as decoded (term ids, term frequencies, starts one group after another), reused field after field. */
class FieldScratch {
  terms = new Int32Array(1024)
  tfs = new Int32Array(1024)
  starts = new Int32Array(4096)
  groups = 0
  tokens = 0
  /** The largest start offset in the field. */
  lastStart = 0
  /** Reads one packed field (doc-terms.ts) into the scratch arrays, with `ids` mapping the story's own term numbers to global ids. */
  read(packed: string, ids: Int32Array): void {
    cursor = 0
    const tokens = readInt(packed)
    const groups = readInt(packed)
    if (groups > this.terms.length) {
      this.terms = new Int32Array(groups * 2)
      this.tfs = new Int32Array(groups * 2)
    }
    if (tokens > this.starts.length) this.starts = new Int32Array(tokens * 2)
    const { terms, tfs, starts } = this
    let k = 0
    let last = 0
    for (let g = 0; g < groups; g++) {
      terms[g] = ids[readInt(packed)]!
      const tf = readInt(packed)
      tfs[g] = tf
      let start = 0
      for (let i = 0; i < tf; i++) starts[k++] = start += readInt(packed)
      if (start > last) last = start
    }
    this.lastStart = last
    this.groups = groups
    this.tokens = tokens
  }
}

/**
 * Term text → global id, for the tokens of every story: tens of millions of lookups at
 * 60,000 stories. Nearly every term is one CJK character or a bigram, so those are found by
 * their code units — a table for one, an open-addressed hash for two — without cutting a
 * string out of the story's term list for each; other terms (Latin words, numbers) go
 * through a Map.
 */
class TermLookup {
  private readonly single = new Int32Array(0x10000).fill(-1)
  /** `first << 16 | second` of each bigram (0: empty slot; a first code unit of 0 takes the Map) and its id. */
  private pairKeys = new Int32Array(1 << 16)
  private pairIds = new Int32Array(1 << 16)
  private pairs = 0
  private readonly other = new Map<string, number>()

  /** The id of `text.slice(start, end)`, made by `register` the first time it is seen. */
  id(text: string, start: number, end: number, register: (term: string) => number): number {
    const length = end - start
    if (length === 1) {
      const code = text.charCodeAt(start)
      const known = this.single[code]!
      return known !== -1 ? known : (this.single[code] = register(text[start]!))
    }
    const first = length === 2 ? text.charCodeAt(start) : 0
    if (first === 0) {
      const term = text.slice(start, end)
      return this.other.get(term) ?? this.remember(term, register(term))
    }
    const key = (first << 16) | text.charCodeAt(start + 1)
    const mask = this.pairKeys.length - 1
    let slot = Math.imul(key, 0x9e3779b1) >>> 0
    for (slot &= mask; this.pairKeys[slot] !== 0; slot = (slot + 1) & mask) if (this.pairKeys[slot] === key) return this.pairIds[slot]!
    const id = register(text.slice(start, end))
    this.pairKeys[slot] = key
    this.pairIds[slot] = id
    if (++this.pairs * 2 > this.pairKeys.length) this.grow()
    return id
  }

  private remember(term: string, id: number): number {
    this.other.set(term, id)
    return id
  }

  private grow(): void {
    const keys = this.pairKeys
    const ids = this.pairIds
    this.pairKeys = new Int32Array(keys.length * 2)
    this.pairIds = new Int32Array(keys.length * 2)
    const mask = this.pairKeys.length - 1
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue
      let slot = (Math.imul(keys[i]!, 0x9e3779b1) >>> 0) & mask
      while (this.pairKeys[slot] !== 0) slot = (slot + 1) & mask
      this.pairKeys[slot] = keys[i]!
      this.pairIds[slot] = ids[i]!
    }
  }
}

/**
 * Joins the stories' DocTerms into one table of postings, grouped by term, with the indexed
 * `words` found in them. Two passes over the stories: the first counts each term's groups
 * and starts, the second puts each one straight into its place. Decoding twice costs less
 * than holding every posting twice (in reading order, then sorted by term), which at 60,000
 * stories was hundreds of megabytes on top of the build's peak.
 */
export function collectPostings(docs: readonly DocTerms[], words: readonly string[], options: { consume?: boolean; after?: Postings; firstDoc?: number } = {}): Postings {
  const fieldCount = SEARCH_FIELDS.length
  const termIds = new Map<string, number>()
  const terms: string[] = []
  const finder = words.length > 0 ? new WordFinder(words) : null
  const wordIds = new Int32Array(words.length).fill(-1)
  const register = (term: string): number => {
    const id = terms.length
    termIds.set(term, id)
    terms.push(term)
    finder?.registered(term, id)
    return id
  }
  const lookup = new TermLookup()
  // Continuing an earlier table (appendPostings): its terms keep their ids, its words theirs.
  const after = options.after
  // Doc numbers go on from an earlier table's, or start at `firstDoc` (a tier's first).
  const firstDoc = after?.documentCount ?? options.firstDoc ?? 0
  if (after) {
    for (const term of after.terms) lookup.id(term, 0, term.length, register)
    words.forEach((word, w) => (wordIds[w] = termIds.get(word) ?? -1))
  }
  const fieldLength = new Int32Array(docs.length * fieldCount)
  // Each story's own term numbers → global ids, found once in the first pass; sized exactly
  // (a story's terms are space-separated), so the big array is never grown and copied.
  const docIdsStart = new Int32Array(docs.length + 1)
  let localTerms = 0
  for (const doc of docs) {
    if (doc.terms === '') continue
    localTerms++
    for (let i = doc.terms.indexOf(' '); i !== -1; i = doc.terms.indexOf(' ', i + 1)) localTerms++
  }
  const docIds = new IntList(localTerms)
  // The largest term frequency and start offset: below 65,536 (as in any news story) they are kept in half the room.
  let largest = 0
  const scratch = new FieldScratch()
  let groupCount = new Int32Array(1024)
  let startCount = new Int32Array(1024)
  const count = (term: number, tf: number): void => {
    if (term >= groupCount.length) {
      const size = Math.max(term + 1, groupCount.length * 2)
      const groupsBigger = new Int32Array(size)
      groupsBigger.set(groupCount)
      groupCount = groupsBigger
      const startsBigger = new Int32Array(size)
      startsBigger.set(startCount)
      startCount = startsBigger
    }
    groupCount[term]!++
    startCount[term]! += tf
  }

  for (let doc = 0; doc < docs.length; doc++) {
    const story = docs[doc]!
    const { terms: termText, fields } = story
    // The story's terms, space-separated, each looked up where it stands in the text.
    const at = docIds.length
    if (termText !== '') {
      for (let start = 0; start <= termText.length; ) {
        let end = termText.indexOf(' ', start)
        if (end === -1) end = termText.length
        const slot = docIds.reserve(1)
        docIds.data[slot] = lookup.id(termText, start, end, register)
        start = end + 1
      }
    }
    docIdsStart[doc + 1] = docIds.length
    // A worker's own copy of the stories gives up their term texts here: the second pass reads ids.
    if (options.consume) story.terms = ''
    const ids = docIds.data.subarray(at, docIds.length)
    for (let field = 0; field < fieldCount; field++) {
      scratch.read(fields[field]!, ids)
      let tokens = scratch.tokens
      largest = Math.max(largest, tokens, scratch.lastStart)
      for (let g = 0; g < scratch.groups; g++) count(scratch.terms[g]!, scratch.tfs[g]!)
      const found = finder?.find(scratch.terms, scratch.tfs, 0, scratch.groups, scratch.starts, 0)
      if (found) {
        // Each word a group of its own, in word order; its occurrences count as tokens of the
        // field, as they do in lunr (build-index.ts tokenizes them too).
        for (let w = 0; w < words.length; w++) {
          const wordStarts = found.get(w)
          if (!wordStarts) continue
          if (wordIds[w] === -1) wordIds[w] = register(words[w]!)
          count(wordIds[w]!, wordStarts.length)
          tokens += wordStarts.length
        }
      }
      fieldLength[doc * fieldCount + field] = tokens
    }
  }

  // An earlier table's groups and starts of each term come first (its documents come first).
  const oldGroups = new Int32Array(terms.length)
  const oldStarts = new Int32Array(terms.length)
  if (after) {
    for (let t = 0; t < after.terms.length; t++) {
      oldGroups[t] = after.termStart[t + 1]! - after.termStart[t]!
      for (let g = after.termStart[t]!; g < after.termStart[t + 1]!; g++) oldStarts[t]! += after.groupTf[g]!
    }
  }
  // Where each term's groups and starts go: terms in id order, within a term document-then-field order.
  const termStart = new Int32Array(terms.length + 1)
  const startsStart = new Int32Array(terms.length + 1)
  for (let t = 0; t < terms.length; t++) {
    termStart[t + 1] = termStart[t]! + oldGroups[t]! + (groupCount[t] ?? 0)
    startsStart[t + 1] = startsStart[t]! + oldStarts[t]! + (startCount[t] ?? 0)
  }
  const groupFill = termStart.slice(0, terms.length)
  const startsFill = startsStart.slice(0, terms.length)
  // A term frequency is at most its field's token count; word starts are bigram starts, already counted.
  const narrow = largest < 0xffff && !(after && after.starts instanceof Int32Array)
  const sortedDocField = new Int32Array(termStart[terms.length]!)
  const sortedTf = narrow ? new Uint16Array(termStart[terms.length]!) : new Int32Array(termStart[terms.length]!)
  const sortedStarts = narrow ? new Uint16Array(startsStart[terms.length]!) : new Int32Array(startsStart[terms.length]!)
  const place = (term: number, docField: number, starts: ArrayLike<number>, from: number, tf: number): void => {
    const slot = groupFill[term]!++
    sortedDocField[slot] = docField
    sortedTf[slot] = tf
    let to = startsFill[term]!
    for (let i = from; i < from + tf; i++) sortedStarts[to++] = starts[i]!
    startsFill[term] = to
  }
  if (after) {
    for (let t = 0, from = 0; t < after.terms.length; t++) {
      const a = after.termStart[t]!
      const b = after.termStart[t + 1]!
      sortedDocField.set(after.groupDocField.subarray(a, b), groupFill[t]!)
      sortedTf.set(after.groupTf.subarray(a, b), groupFill[t]!)
      groupFill[t]! += b - a
      sortedStarts.set(after.starts.subarray(from, from + oldStarts[t]!), startsFill[t]!)
      startsFill[t]! += oldStarts[t]!
      from += oldStarts[t]!
    }
  }

  for (let doc = 0; doc < docs.length; doc++) {
    const { fields } = docs[doc]!
    const ids = docIds.data.subarray(docIdsStart[doc]!, docIdsStart[doc + 1]!)
    for (let field = 0; field < fieldCount; field++) {
      const docField = (firstDoc + doc) * fieldCount + field
      scratch.read(fields[field]!, ids)
      for (let g = 0, k = 0; g < scratch.groups; k += scratch.tfs[g]!, g++) place(scratch.terms[g]!, docField, scratch.starts, k, scratch.tfs[g]!)
      const found = finder?.find(scratch.terms, scratch.tfs, 0, scratch.groups, scratch.starts, 0)
      if (!found) continue
      for (let w = 0; w < words.length; w++) {
        const wordStarts = found.get(w)
        if (wordStarts) place(wordIds[w]!, docField, wordStarts, 0, wordStarts.length)
      }
    }
  }

  let lengths = fieldLength
  if (after) {
    lengths = new Int32Array(after.fieldLength.length + fieldLength.length)
    lengths.set(after.fieldLength)
    lengths.set(fieldLength, after.fieldLength.length)
  }
  return {
    terms,
    termIds,
    termStart,
    groupDocField: sortedDocField,
    groupTf: sortedTf,
    starts: sortedStarts,
    fieldLength: lengths,
    firstDoc: after?.firstDoc ?? firstDoc,
    documentCount: firstDoc + docs.length,
  }
}

/**
 * The table of `after`'s documents followed by `docs`: the very table collectPostings makes of
 * all of them in one go (tests/search/term-index.test.ts), at the cost of the new documents
 * and a copy. `after` must have been collected with the same `words`.
 */
export function appendPostings(after: Postings, docs: readonly DocTerms[], words: readonly string[], options: { consume?: boolean } = {}): Postings {
  return collectPostings(docs, words, { ...options, after })
}

/** Appends ASCII text into one growing byte buffer: no string per number. */
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
  /** A non-negative integer packed as varint.ts packs it (its characters are ASCII). */
  varint(value: number): void {
    this.ensure(8)
    let rest = value
    while (rest >= VARINT_BASE) {
      this.bytes[this.length++] = VARINT_CODES[VARINT_BASE + (rest % VARINT_BASE)]!
      rest = Math.floor(rest / VARINT_BASE)
    }
    this.bytes[this.length++] = VARINT_CODES[rest]!
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
const QUOTE = 34

/**
 * The term shards of `docs` (each story's DocTerms, in doc order), with `words` (sorted,
 * words.ts) indexed whole wherever they occur: sorted terms cut into ranges of about
 * `budget` bytes of packed postings and positions, each term's postings with their raw
 * counts (format.ts, ShardData) and its positions (PositionData), as the UTF-8
 * bytes of `JSON.stringify(data)` and `JSON.stringify(positions)`.
 */
export function buildTermShards(docs: readonly DocTerms[], budget: number, frame?: ShardFrame, words: readonly string[] = []): EncodedShard[] {
  return encodeTermShards(collectPostings(docs, words), budget, frame)
}

/**
 * The whole index's numbers the page weighs postings with (format.ts IndexStats): lunr's
 * average field lengths (lunr.Builder#calculateAverageFieldLengths: every document has every
 * field, so the total over the document count) and the fields' boosts.
 */
export function postingsStats(p: Postings): IndexStats {
  return statsOf([postingsPart(p)])
}

/** A table's part of the index's numbers: its documents and each field's tokens over them. */
export function postingsPart(p: Postings): { documents: number; fieldTotals: number[] } {
  const fieldCount = SEARCH_FIELDS.length
  const documents = p.documentCount - p.firstDoc
  const fieldTotals = SEARCH_FIELDS.map((_, field) => {
    let total = 0
    for (let doc = 0; doc < documents; doc++) total += p.fieldLength[doc * fieldCount + field]!
    return total
  })
  return { documents, fieldTotals }
}

/** IndexStats of an index made of parts (tiers): their documents and field totals added up (integers, so in any order the same). */
export function statsOf(parts: ReadonlyArray<{ documents: number; fieldTotals: readonly number[] }>): IndexStats {
  const documentCount = parts.reduce((n, part) => n + part.documents, 0)
  const averageFieldLengths = SEARCH_FIELDS.map((_, field) => {
    const total = parts.reduce((n, part) => n + part.fieldTotals[field]!, 0)
    return documentCount === 0 ? 0 : total / documentCount
  })
  return { documentCount, averageFieldLengths, fieldBoosts: SEARCH_FIELDS.map((field) => FIELD_BOOST[field]) }
}

/** Called with the packed postings (format.ts ShardData) of each of `words` as it is encoded. */
export interface WordPostingsSink {
  words: ReadonlySet<string>
  take(word: string, packed: string): void
}

/**
 * The second half of buildTermShards, for a caller that lets the stories' DocTerms go once
 * their postings are collected (they are as big again as the shards being written).
 */
export function encodeTermShards(p: Postings, budget: number, frame?: ShardFrame, wordSink?: WordPostingsSink): EncodedShard[] {
  if (p.documentCount === p.firstDoc) return []
  const lengthsFrom = p.firstDoc * SEARCH_FIELDS.length
  const fieldCount = SEARCH_FIELDS.length
  // Code-unit order, as lunr sorts terms. The default sort compares strings by code units,
  // and natively: a comparator called from JS costs seconds over millions of bigrams.
  const order = [...p.terms].sort().map((term) => p.termIds.get(term)!)
  const encoder = new TextEncoder()
  // Packed postings are ASCII (varint.ts).
  const latin1 = new TextDecoder('latin1')
  const head = encoder.encode('{"terms":')
  const postingsKey = encoder.encode(',"postings":[')
  const positionsHead = encoder.encode('{"positions":[')
  const tail = encoder.encode(']}')

  const shards: EncodedShard[] = []
  const postings = new ByteWriter()
  const positions = new ByteWriter()
  const term = new ByteWriter()
  const termPositions = new ByteWriter()
  const out = new ByteWriter()
  const store = new BlockStore(32 << 20)
  let shardTerms: string[] = []
  const put = (part: 'postings' | 'positions') => {
    const json = out.bytes.subarray(0, out.length)
    const framing = frame?.(shards.length, json, part)
    const bytes = store.put(framing ? [framing.before, json, framing.after] : [json])
    out.length = 0
    return bytes
  }
  const close = () => {
    out.raw(head)
    out.raw(encoder.encode(JSON.stringify(shardTerms)))
    out.raw(postingsKey)
    out.raw(postings.bytes.subarray(0, postings.length))
    out.raw(tail)
    const json = put('postings')
    out.raw(positionsHead)
    out.raw(positions.bytes.subarray(0, positions.length))
    out.raw(tail)
    shards.push({ from: shardTerms[0]!, to: shardTerms[shardTerms.length - 1]!, json, positions: put('positions') })
    postings.length = 0
    positions.length = 0
    shardTerms = []
  }
  const append = (into: ByteWriter, packed: ByteWriter) => {
    if (shardTerms.length > 0) into.byte(COMMA)
    into.byte(QUOTE)
    into.raw(packed.bytes.subarray(0, packed.length))
    into.byte(QUOTE)
  }

  // Where each term's starts begin in `p.starts`.
  const termStarts = new Float64Array(p.terms.length + 1)
  for (let t = 0, at = 0; t < p.terms.length; t++) {
    termStarts[t] = at
    for (let g = p.termStart[t]!; g < p.termStart[t + 1]!; g++) at += p.groupTf[g]!
    termStarts[t + 1] = at
  }
  const inField = new Int32Array(fieldCount)
  for (const id of order) {
    const first = p.termStart[id]!
    const end = p.termStart[id + 1]!
    inField.fill(0)
    for (let g = first; g < end; g++) inField[p.groupDocField[g]! % fieldCount]!++
    term.length = 0
    termPositions.length = 0
    for (let field = 0; field < fieldCount; field++) {
      term.varint(inField[field]!)
      let previousDoc = 0
      let from = termStarts[id]!
      for (let g = first; g < end; g++) {
        const docField = p.groupDocField[g]!
        const tf = p.groupTf[g]!
        const groupFrom = from
        from += tf
        if (docField % fieldCount !== field) continue
        const doc = (docField - field) / fieldCount
        term.varint(doc - previousDoc)
        term.varint(p.fieldLength[docField - lengthsFrom]!)
        term.varint(tf)
        let previousStart = 0
        for (let i = groupFrom; i < groupFrom + tf; i++) {
          termPositions.varint(p.starts[i]! - previousStart)
          previousStart = p.starts[i]!
        }
        previousDoc = doc
      }
    }
    if (wordSink?.words.has(p.terms[id]!)) wordSink.take(p.terms[id]!, latin1.decode(term.bytes.subarray(0, term.length)))
    // As in splitIndex: a term that would overflow the shard starts the next one (a rare
    // term never shares a download with a huge one; a huge term alone gets its own shard).
    // The budget counts both files, so a query that needs positions loads what it did before.
    const size = postings.length + positions.length
    if (shardTerms.length > 0 && size + termBytes(term.length, termPositions.length, false) > budget) close()
    append(postings, term)
    append(positions, termPositions)
    shardTerms.push(p.terms[id]!)
    if (postings.length + positions.length >= budget) close()
  }
  if (shardTerms.length > 0) close()
  return shards
}
