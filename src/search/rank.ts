// Scores a query of REQUIRED terms the way lunr.Index#query does, over the packed postings
// of those terms, without building a lunr.Index.
//
// Why: lunr.Index#query walks every posting through objects — a FieldRef, a MatchData, Set
// unions, a Vector per field of every matching document — and Index.load builds them all
// first. For a common word (16,000 stories at 100,000) that was most of a second in the page,
// and a cold first result has 300 ms. The matching here is typed arrays and one Map per
// term; the scoring is still lunr's own: the query vectors are lunr.Vectors filled as
// Index#query fills them, and each matching field is scored by lunr.Vector#similarity
// against a lunr.Vector of that field's weights, in the order Index#query sums them. So the
// scores are lunr's to the last bit (tests/search/rank.test.ts compares with Index#query).

import lunr from 'lunr'
import { VarintReader } from './varint.js'

/** One term's postings (format.ts ShardData) unpacked: one entry per (document, field) holding it. */
export interface TermPostings {
  term: string
  /** Entry index by `doc * fieldCount + field`. */
  entries: Map<number, number>
  /** Per entry: the term's weight in that field vector, as lunr loads it (thousandths / 1000). */
  weights: Float64Array
  /** Per entry with positions loaded: where its starts sit in `starts` (`startsAt[i]` to `startsAt[i + 1]`). */
  startsAt: Int32Array | null
  starts: Int32Array | null
  /** Documents holding the term in any field, ascending. */
  docs: number[]
}

/** Unpacks a term's postings, and its positions (format.ts PositionData) when given. */
export function unpackTerm(term: string, packed: string, positions: string | null, fieldCount: number): TermPostings {
  const reader = new VarintReader(packed)
  const startsReader = positions === null ? null : new VarintReader(positions)
  const entries = new Map<number, number>()
  const weights: number[] = []
  const startsAt: number[] = [0]
  const starts: number[] = []
  const seen = new Set<number>()
  for (let field = 0; field < fieldCount; field++) {
    const count = reader.int()
    let doc = 0
    for (let d = 0; d < count; d++) {
      doc += reader.int()
      entries.set(doc * fieldCount + field, weights.length)
      weights.push(reader.int() / 1000)
      const tf = reader.int()
      seen.add(doc)
      if (startsReader) {
        let start = 0
        for (let k = 0; k < tf; k++) starts.push((start += startsReader.int()))
        startsAt.push(starts.length)
      }
    }
  }
  return {
    term,
    entries,
    weights: Float64Array.from(weights),
    startsAt: startsReader ? Int32Array.from(startsAt) : null,
    starts: startsReader ? Int32Array.from(starts) : null,
    docs: [...seen].sort((a, b) => a - b),
  }
}

/** Start offsets of `postings`' term in one field of one document (empty without positions or posting). */
export function startsIn(postings: TermPostings, doc: number, field: number, fieldCount: number): number[] {
  const entry = postings.entries.get(doc * fieldCount + field)
  if (entry === undefined || !postings.startsAt || !postings.starts) return []
  return Array.from(postings.starts.subarray(postings.startsAt[entry]!, postings.startsAt[entry + 1]!))
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
  const sorted = [...clauses].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
  const dimension = new Map(sorted.map((postings, i) => [postings, i]))
  // Index#query upserts each clause's term into every field's query vector, boost 1.
  const queryVectors: lunr.Vector[] = []
  for (let field = 0; field < fieldCount; field++) {
    const vector = new lunr.Vector([])
    for (const clause of clauses) vector.upsert(dimension.get(clause)!, 1, (a, b) => a + b)
    queryVectors.push(vector)
  }
  // Required: every term in some field. Walk the rarest term's documents.
  const rarest = clauses.reduce((best, clause) => (clause.docs.length < best.docs.length ? clause : best))
  for (const doc of rarest.docs) {
    if (!clauses.every((clause) => clause === rarest || holds(clause, doc, fieldCount))) continue
    // Index#query meets a document's fields in the order its postings were walked: clause by
    // clause, field by field; it starts the score with the first and adds the others.
    let score: number | undefined
    const done = new Set<number>()
    for (const clause of clauses) {
      for (let field = 0; field < fieldCount; field++) {
        if (done.has(field) || !clause.entries.has(doc * fieldCount + field)) continue
        done.add(field)
        const elements: number[] = []
        for (const postings of sorted) {
          const entry = postings.entries.get(doc * fieldCount + field)
          if (entry !== undefined) elements.push(dimension.get(postings)!, postings.weights[entry]!)
        }
        const similarity = queryVectors[field]!.similarity(new lunr.Vector(elements))
        score = score === undefined ? similarity : score + similarity
      }
    }
    scores.set(doc, score!)
  }
  return scores
}

function holds(postings: TermPostings, doc: number, fieldCount: number): boolean {
  for (let field = 0; field < fieldCount; field++) if (postings.entries.has(doc * fieldCount + field)) return true
  return false
}
