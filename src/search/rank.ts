// Scores a query of REQUIRED terms the way lunr.Index#query does, over the packed postings
// of those terms, without building a lunr.Index.
//
// Why: lunr.Index#query walks every posting through objects — a FieldRef, a MatchData, Set
// unions, a Vector per field of every matching document — and Index.load builds them all
// first. For a common word (16,000 stories at 100,000) that was most of a second in the page,
// and a cold first result has 300 ms. The matching here is typed arrays and one Map per
// term; the scoring is still lunr's own: the query vectors are lunr.Vectors filled as
// Index#query fills them, and each matching field is scored as lunr.Vector#similarity scores
// it against that field's weights (its arithmetic written out, in its order, so no Vector is
// made per document), summed in the order Index#query sums them. So the scores are lunr's to
// the last bit (tests/search/rank.test.ts compares with Index#query).
//
// The shards carry raw counts (format.ts ShardData), and each weight lunr.Builder would have
// put into a field vector is computed here from them (fieldWeight), with lunr's arithmetic in
// lunr's order, from the whole index's numbers in entry.js (IndexStats).

import lunr from 'lunr'
import type { IndexStats, TopCardsData } from './format.js'
import { VarintReader } from './varint.js'

/** lunr.Builder's defaults (lib/builder.js): BM25 saturation and length normalisation. */
const K1 = 1.2
const B = 0.75

/** lunr.idf: `documentsWithTerm` counts a document once per field holding the term. */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)
  return Math.log(1 + Math.abs(x))
}

/**
 * The weight lunr.Builder#createFieldVectors gives a term in one field of one document,
 * operation for operation (document boost 1): BM25 of its count `tf` in a field of `length`
 * tokens against the field's average length, times the field's boost, rounded to three decimals.
 */
export function fieldWeight(idf: number, tf: number, length: number, averageLength: number, boost: number): number {
  let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / averageLength)) + tf)
  score *= boost
  return Math.round(score * 1000) / 1000
}

/** A term's postings in one field: the documents holding it there, ascending, with their weights and starts. */
export interface FieldPostings {
  docs: Int32Array
  /** The term's weight in each document's field vector, as lunr.Builder computes it (fieldWeight). */
  weights: Float64Array
  /** With positions loaded: document `i`'s starts are `starts[startsAt[i]]` to `starts[startsAt[i + 1] - 1]`. */
  startsAt: Int32Array | null
  starts: Int32Array | null
}

/** One term's postings (format.ts ShardData) unpacked, field by field: typed arrays, no object per posting. */
export interface TermPostings {
  term: string
  fields: FieldPostings[]
  /** Documents holding the term in any field, ascending. */
  docs: Int32Array
}

/** A term's packed postings in one tier (format.ts ShardData), with its packed positions (PositionData) when loaded. */
export interface TermPart {
  postings: string
  positions: string | null
}

/**
 * Unpacks a term's postings with their weights (fieldWeight, from `stats`), and its positions
 * when every part has them. `parts` are the term's postings in each tier that holds it, in tier
 * order: the tiers hold ascending runs of doc numbers, so each field's documents stay ascending
 * when the parts are read one after another, and the term's document count (its idf) is theirs
 * together, as in one index.
 */
export function unpackTerm(term: string, parts: readonly TermPart[], stats: IndexStats): TermPostings {
  const fieldCount = stats.averageFieldLengths.length
  const readers = parts.map((part) => new VarintReader(part.postings))
  const withStarts = parts.length > 0 && parts.every((part) => part.positions !== null)
  const startReaders = withStarts ? parts.map((part) => new VarintReader(part.positions!)) : null
  // Into arrays sized up front: for a common bigram that is hundreds of thousands of
  // numbers, which growing arrays made several times slower on the page. Every part's
  // postings of a field are read before its next field (each part lists its fields in order).
  const fields: FieldPostings[] = []
  const raw: Array<{ lengths: Int32Array; counts: Int32Array }> = []
  let documentsWithTerm = 0
  for (let field = 0; field < fieldCount; field++) {
    const partCounts = readers.map((reader) => reader.int())
    const count = partCounts.reduce((sum, n) => sum + n, 0)
    documentsWithTerm += count
    const docs = new Int32Array(count)
    const lengths = new Int32Array(count)
    const counts = new Int32Array(count)
    const startsAt = startReaders ? new Int32Array(count + 1) : null
    let d = 0
    let total = 0
    readers.forEach((reader, p) => {
      let doc = 0
      for (let k = 0; k < partCounts[p]!; k++, d++) {
        docs[d] = doc += reader.int()
        lengths[d] = reader.int()
        counts[d] = reader.int()
        total += counts[d]!
        if (startsAt) startsAt[d + 1] = total
      }
    })
    let starts: Int32Array | null = null
    if (startReaders && startsAt) {
      starts = new Int32Array(total)
      d = 0
      startReaders.forEach((reader, p) => {
        for (let k = 0; k < partCounts[p]!; k++, d++) {
          let start = 0
          for (let i = startsAt[d]!; i < startsAt[d + 1]!; i++) starts![i] = start += reader.int()
        }
      })
    }
    raw.push({ lengths, counts })
    fields.push({ docs, weights: new Float64Array(count), startsAt, starts })
  }
  const idf = lunrIdf(documentsWithTerm, stats.documentCount)
  fields.forEach(({ weights }, field) => {
    const { lengths, counts } = raw[field]!
    const average = stats.averageFieldLengths[field]!
    const boost = stats.fieldBoosts[field]!
    for (let d = 0; d < weights.length; d++) weights[d] = fieldWeight(idf, counts[d]!, lengths[d]!, average, boost)
  })
  return { term, fields, docs: union(fields.map((field) => field.docs)) }
}

/** The ascending union of ascending lists (one merge pass per list: no sort). */
function union(lists: readonly Int32Array[]): Int32Array {
  let merged = lists[0] ?? new Int32Array(0)
  for (let l = 1; l < lists.length; l++) {
    const other = lists[l]!
    if (other.length === 0) continue
    if (merged.length === 0) {
      merged = other
      continue
    }
    const out = new Int32Array(merged.length + other.length)
    let i = 0
    let j = 0
    let n = 0
    while (i < merged.length && j < other.length) {
      const a = merged[i]!
      const b = other[j]!
      if (a < b) (out[n++] = a), i++
      else if (a > b) (out[n++] = b), j++
      else (out[n++] = a), i++, j++
    }
    while (i < merged.length) out[n++] = merged[i++]!
    while (j < other.length) out[n++] = other[j++]!
    merged = out.subarray(0, n)
  }
  return merged
}

/** Where `doc` sits in an ascending list, -1 when absent. */
function indexOf(docs: Int32Array, doc: number): number {
  let low = 0
  let high = docs.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (docs[mid]! < doc) low = mid + 1
    else if (docs[mid]! > doc) high = mid - 1
    else return mid
  }
  return -1
}

/** Start offsets of `postings`' term in one field of one document (empty without positions or posting). */
export function startsIn(postings: TermPostings, doc: number, field: number): number[] {
  const { docs, startsAt, starts } = postings.fields[field]!
  const at = indexOf(docs, doc)
  if (at === -1 || !startsAt || !starts) return []
  return Array.from(starts.subarray(startsAt[at]!, startsAt[at + 1]!))
}

/**
 * What `lunr.Index#query` returns for `clauses` (one REQUIRED clause per term, in this
 * order, over every field, boost 1, no pipeline) on an index holding exactly these terms:
 * document → score, for the documents holding every term in some field.
 */
export function scoreRequired(clauses: readonly TermPostings[], fieldCount: number): Map<number, number> {
  const scores = new Map<number, number>()
  if (clauses.length === 0) return scores
  // A term's dimension is its place among the index's terms, sorted as lunr sorts them.
  const order = clauses.map((_, c) => c).sort((a, b) => (clauses[a]!.term < clauses[b]!.term ? -1 : clauses[a]!.term > clauses[b]!.term ? 1 : 0))
  const dimension = new Int32Array(clauses.length)
  order.forEach((c, i) => (dimension[c] = i))
  // Index#query upserts each clause's term into every field's query vector, boost 1.
  const queryVectors: lunr.Vector[] = []
  for (let field = 0; field < fieldCount; field++) {
    const vector = new lunr.Vector([])
    for (let c = 0; c < clauses.length; c++) vector.upsert(dimension[c]!, 1, (a, b) => a + b)
    queryVectors.push(vector)
  }
  // The query vectors' values by dimension (dimension i is clause order[i]; every clause has
  // one, so toArray lists them by dimension) and their magnitudes.
  const queryWeights = new Float64Array(fieldCount * clauses.length)
  const queryMagnitudes = new Float64Array(fieldCount)
  queryVectors.forEach((vector, field) => {
    queryWeights.set(vector.toArray(), field * clauses.length)
    queryMagnitudes[field] = vector.magnitude()
  })
  // Required: every term in some field. Walk the rarest term's documents; every list is
  // ascending, so one cursor per clause and field only moves forward.
  let rarest = 0
  for (let c = 1; c < clauses.length; c++) if (clauses[c]!.docs.length < clauses[rarest]!.docs.length) rarest = c
  const cursor = new Int32Array(clauses.length * fieldCount)
  // The entry of (clause, field) for the current document, -1 when the term is not there.
  const found = new Int32Array(clauses.length * fieldCount)
  const done = new Uint8Array(fieldCount)
  for (const doc of clauses[rarest]!.docs) {
    let required = true
    for (let c = 0; c < clauses.length && required; c++) {
      let any = false
      for (let field = 0; field < fieldCount; field++) {
        const docs = clauses[c]!.fields[field]!.docs
        const k = c * fieldCount + field
        let at = cursor[k]!
        while (at < docs.length && docs[at]! < doc) at++
        cursor[k] = at
        found[k] = at < docs.length && docs[at] === doc ? at : -1
        if (found[k] !== -1) any = true
      }
      required = any
    }
    if (!required) continue
    // Index#query meets a document's fields in the order its postings were walked: clause by
    // clause, field by field; it starts the score with the first and adds the others. Each
    // is lunr.Vector#similarity, written out so no Vector is made per document: the dot
    // product over the dimensions both vectors hold, ascending (the query vector holds every
    // clause), divided by the query vector's magnitude, `|| 0` — lunr's operations in lunr's
    // order, so the same bits.
    let score = 0
    let first = true
    done.fill(0)
    for (let c = 0; c < clauses.length; c++) {
      for (let field = 0; field < fieldCount; field++) {
        if (done[field] === 1 || found[c * fieldCount + field] === -1) continue
        done[field] = 1
        let dot = 0
        for (let i = 0; i < order.length; i++) {
          const o = order[i]!
          const at = found[o * fieldCount + field]!
          if (at !== -1) dot += queryWeights[field * clauses.length + i]! * clauses[o]!.fields[field]!.weights[at]!
        }
        const similarity = dot / queryMagnitudes[field]! || 0
        score = first ? similarity : score + similarity
        first = false
      }
    }
    scores.set(doc, score)
  }
  return scores
}

/** The order of results by relevance: best first; equal scores put the newest story first (doc numbers count oldest first). */
export function byRelevance(a: { doc: number; score: number }, b: { doc: number; score: number }): number {
  return b.score - a.score || b.doc - a.doc
}

/**
 * The first `shown` documents, in the order the search page lists them, of a query that is
 * this one term alone (relevance order, no filter) — what the page shows first for it —
 * and how many documents that query finds; `parts`: its packed postings in each tier holding it, in tier order.
 */
export function topDocs(term: string, parts: readonly string[], stats: IndexStats, shown: number): TopCardsData {
  const postings = unpackTerm(term, parts.map((postings) => ({ postings, positions: null })), stats)
  const scores = loneTermScores(postings)
  // The best `shown`, best first, kept in order as the documents go by: byRelevance orders
  // every pair, so this is the head of its sort. Scoring every document into a Map and sorting
  // them all, for each of a few hundred words, took an added issue's term thread 0.73 s (0.33 s so).
  const best: { doc: number; score: number }[] = []
  if (shown > 0) {
    postings.docs.forEach((doc, i) => {
      const hit = { doc, score: scores[i]! }
      if (best.length === shown && byRelevance(hit, best[shown - 1]!) >= 0) return
      let at = best.length
      while (at > 0 && byRelevance(hit, best[at - 1]!) < 0) at--
      best.splice(at, 0, hit)
      if (best.length > shown) best.pop()
    })
  }
  return { count: postings.docs.length, docs: best.map((hit) => hit.doc) }
}

/**
 * scoreRequired for a query of this term alone, by document (`postings.docs`' order), to the
 * same bits: its query vector holds 1 in each field (magnitude 1), so a field's similarity is
 * the term's weight there (`1 × weight / 1 || 0`), and a document's score their sum, field by
 * field (tests/search/rank.test.ts compares the two).
 */
export function loneTermScores(postings: TermPostings): Float64Array {
  const { docs } = postings
  const scores = new Float64Array(docs.length)
  for (const field of postings.fields) {
    // Both lists ascend, and the union holds every field's documents.
    let at = 0
    field.docs.forEach((doc, i) => {
      while (docs[at] !== doc) at++
      scores[at] = scores[at]! + (field.weights[i]! || 0)
    })
  }
  return scores
}
