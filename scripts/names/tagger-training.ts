// Training of the sequence tagger of src/tag/name-tagger.ts: an averaged structured
// perceptron (Collins 2002) over the BMES tags of the person names of a BIO corpus.
// Deterministic: a seeded shuffle, a fixed iteration order, characters and pairs
// numbered by code point, so the same sentences give the same bytes.
import type { BioSentence } from '../../bench/bio.js'
import {
  CLASSES,
  CONJS,
  EDGE_ID,
  emissions,
  encode,
  featureBases,
  layout,
  normalize,
  PairTable,
  Tag,
  TAGS,
  UNKNOWN,
  viterbi,
  type Encoded,
  type TaggerFile,
} from '../../src/tag/name-tagger.js'

export interface TrainOptions {
  epochs: number
  /** a character pair needs this many occurrences to get weights of its own */
  minPairCount: number
  /** likewise for a character triple */
  minTripleCount: number
  /** quantised weights below this share of the largest are dropped */
  minWeight: number
  seed: number
  log?: (line: string) => void
}

/** The gold tags of a sentence: S for a one-character name, B M… E for longer ones. */
export function goldTags(s: BioSentence): Uint8Array {
  const tags = new Uint8Array(s.text.length)
  for (const [a, b] of s.names) {
    if (b - a === 1) tags[a] = Tag.S
    else {
      tags[a] = Tag.B
      tags.fill(Tag.M, a + 1, b - 1)
      tags[b - 1] = Tag.E
    }
  }
  return tags
}

export function trainTagger(sentences: readonly BioSentence[], options: TrainOptions): TaggerFile {
  const log = options.log ?? ((): void => {})
  // 1. Character ids by code point (ids 0 and 1 are the unknown character and the edge)
  const charCount = new Map<number, number>()
  for (const s of sentences) for (let k = 0; k < s.text.length; k++) {
    const c = normalize(s.text.charCodeAt(k))
    charCount.set(c, (charCount.get(c) ?? 0) + 1)
  }
  // a character seen once reads as unknown, so the unknown character gets weights too
  const codes = [...charCount].filter(([, n]) => n >= 2).map(([c]) => c).sort((a, b) => a - b)
  const idOf = new Int32Array(0x10000)
  codes.forEach((c, k) => (idOf[c] = k + 2))
  const ids = codes.length + 2
  // 2. Pairs seen often enough, numbered in (first, second) id order
  const pairCount = new Map<number, number>()
  const padded = (s: BioSentence): Int32Array => {
    const out = new Int32Array(s.text.length + 4).fill(EDGE_ID)
    for (let k = 0; k < s.text.length; k++) out[k + 2] = idOf[normalize(s.text.charCodeAt(k))] as number
    return out
  }
  for (const s of sentences) {
    const p = padded(s)
    for (let k = 0; k + 1 < p.length; k++) {
      if (p[k] === UNKNOWN || p[k + 1] === UNKNOWN) continue
      const key = (p[k] as number) * ids + (p[k + 1] as number)
      pairCount.set(key, (pairCount.get(key) ?? 0) + 1)
    }
  }
  const pairKeys = [...pairCount].filter(([, n]) => n >= options.minPairCount).map(([k]) => k).sort((x, y) => x - y)
  const pairs = new PairTable(ids, pairKeys.length)
  pairKeys.forEach((key, slot) => pairs.set(Math.floor(key / ids), key % ids, slot))
  // 3. Triples whose first two characters are a pair of the model, likewise
  const tripleCount = new Map<number, number>()
  for (const s of sentences) {
    const p = padded(s)
    for (let k = 0; k + 2 < p.length; k++) {
      const pair = pairs.get(p[k] as number, p[k + 1] as number)
      if (pair < 0 || p[k + 2] === UNKNOWN) continue
      const key = pair * ids + (p[k + 2] as number)
      tripleCount.set(key, (tripleCount.get(key) ?? 0) + 1)
    }
  }
  const tripleKeys = [...tripleCount].filter(([, n]) => n >= options.minTripleCount).map(([k]) => k).sort((x, y) => x - y)
  const triples = new PairTable(ids, tripleKeys.length)
  tripleKeys.forEach((key, slot) => triples.set(Math.floor(key / ids), key % ids, slot))
  const L = layout(ids, pairKeys.length, tripleKeys.length)
  log(`${sentences.length} sentences, ${codes.length} characters, ${pairKeys.length} pairs (of ${pairCount.size}), ${tripleKeys.length} triples (of ${tripleCount.size}), ${L.size} weights`)

  // 4. Averaged perceptron: w the current weights, u the step-weighted sum of updates (w − u/c is the average)
  const encoded: Encoded[] = sentences.map((s) => encode(s.text, idOf, pairs, triples))
  const gold = sentences.map(goldTags)
  const w = new Float64Array(L.size)
  const u = new Float64Array(L.size)
  let c = 1
  let seed = options.seed >>> 0
  const random = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
    return seed / 2 ** 32
  }
  const order = sentences.map((_, k) => k)
  const bases: number[] = []
  const update = (index: number, delta: number): void => {
    w[index] = (w[index] as number) + delta
    u[index] = (u[index] as number) + c * delta
  }
  let scores = new Float64Array(0)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1))
      ;[order[k], order[j]] = [order[j] as number, order[k] as number]
    }
    let wrong = 0
    let total = 0
    for (const k of order) {
      const e = encoded[k] as Encoded
      const y = gold[k] as Uint8Array
      const n = e.length
      if (scores.length < n * TAGS) scores = new Float64Array(n * TAGS * 2)
      const z = viterbi(n, emissions(e, L, w, 0, scores), L, w)
      total += n
      for (let i = 0; i < n; i++) {
        const yt = y[i] as number
        const zt = z[i] as number
        if (yt !== zt) {
          wrong++
          for (const b of featureBases(e, L, i, bases)) {
            update(b + yt, 1)
            update(b + zt, -1)
          }
        }
        const yp = i === 0 ? TAGS : (y[i - 1] as number)
        const zp = i === 0 ? TAGS : (z[i - 1] as number)
        if (yp !== zp || yt !== zt) {
          update(L.trans + yp * TAGS + yt, 1)
          update(L.trans + zp * TAGS + zt, -1)
        }
      }
      if (n > 0 && y[n - 1] !== z[n - 1]) {
        update(L.end + (y[n - 1] as number), 1)
        update(L.end + (z[n - 1] as number), -1)
      }
      c++
    }
    log(`epoch ${epoch + 1}: ${wrong} of ${total} characters mistagged (${((100 * wrong) / total).toFixed(2)} %)`)
  }
  const avg = new Float64Array(L.size)
  for (let k = 0; k < L.size; k++) avg[k] = (w[k] as number) - (u[k] as number) / c

  // 5. Quantise to int16, drop small weights, then triples, pairs and characters left without any
  let max = 0
  for (const v of avg) max = Math.max(max, Math.abs(v))
  const scale = max > 0 ? Math.floor(32000 / max) : 1
  const floor = options.minWeight * max
  const q = (v: number): number => (Math.abs(v) < floor ? 0 : Math.round(v * scale))
  const rowKept = (base: number, length: number): boolean => {
    for (let k = base; k < base + length; k++) if (q(avg[k] as number) !== 0) return true
    return false
  }
  const keptTriples = tripleKeys
    .map((key, slot) => ({ pair: Math.floor(key / ids), third: key % ids, slot }))
    .filter(({ slot }) => rowKept(L.triple + slot * 3 * TAGS, 3 * TAGS))
  const pairKept = new Uint8Array(pairKeys.length)
  pairKeys.forEach((_, slot) => (pairKept[slot] = rowKept(L.pair + slot * 4 * TAGS, 4 * TAGS) ? 1 : 0))
  for (const t of keptTriples) pairKept[t.pair] = 1 // a triple is found through its pair
  const charKept = new Uint8Array(ids)
  const CONJ_ROW = CONJS * CLASSES * TAGS
  for (let id = 2; id < ids; id++) charKept[id] = rowKept(L.uni + id * 5 * TAGS, 5 * TAGS) || rowKept(L.conj + id * CONJ_ROW, CONJ_ROW) ? 1 : 0
  pairKeys.forEach((key, slot) => {
    if (!pairKept[slot]) return
    charKept[Math.floor(key / ids)] = 1
    charKept[key % ids] = 1
  })
  for (const t of keptTriples) charKept[t.third] = 1
  charKept[EDGE_ID] = 0
  const newId = new Int32Array(ids)
  const chars: number[] = []
  newId[EDGE_ID] = EDGE_ID
  for (let id = 2; id < ids; id++) if (charKept[id]) {
    chars.push(codes[id - 2] as number)
    newId[id] = chars.length + 1
  }
  const codeOf = (id: number): number => (id === EDGE_ID ? 0 : (codes[id - 2] as number))
  // slots renumbered in the order of the new ids, so the file does not depend on the order of discovery
  const orderedPairs = pairKeys
    .map((key, slot) => ({ slot, a: Math.floor(key / ids), b: key % ids }))
    .filter(({ slot }) => pairKept[slot])
    .sort((x, y) => (newId[x.a] as number) - (newId[y.a] as number) || (newId[x.b] as number) - (newId[y.b] as number))
  const newPair = new Int32Array(pairKeys.length).fill(-1)
  orderedPairs.forEach((p, k) => (newPair[p.slot] = k))
  const orderedTriples = keptTriples.sort((x, y) => (newPair[x.pair] as number) - (newPair[y.pair] as number) || (newId[x.third] as number) - (newId[y.third] as number))
  const N = layout(chars.length + 2, orderedPairs.length, orderedTriples.length)
  const weights = new Int16Array(N.size)
  const copy = (from: number, to: number, length: number): void => {
    for (let k = 0; k < length; k++) weights[to + k] = q(avg[from + k] as number)
  }
  copy(L.uni + UNKNOWN * 5 * TAGS, N.uni + UNKNOWN * 5 * TAGS, 5 * TAGS)
  copy(L.uni + EDGE_ID * 5 * TAGS, N.uni + EDGE_ID * 5 * TAGS, 5 * TAGS)
  for (let id = 2; id < ids; id++) if (charKept[id]) copy(L.uni + id * 5 * TAGS, N.uni + (newId[id] as number) * 5 * TAGS, 5 * TAGS)
  for (let id = 0; id < ids; id++) if (id < 2 || charKept[id]) copy(L.conj + id * CONJ_ROW, N.conj + (id < 2 ? id : (newId[id] as number)) * CONJ_ROW, CONJ_ROW)
  orderedPairs.forEach((p, k) => copy(L.pair + p.slot * 4 * TAGS, N.pair + k * 4 * TAGS, 4 * TAGS))
  orderedTriples.forEach((t, k) => copy(L.triple + t.slot * 3 * TAGS, N.triple + k * 3 * TAGS, 3 * TAGS))
  copy(L.cls, N.cls, L.size - L.cls)
  log(`kept ${chars.length} characters, ${orderedPairs.length} pairs, ${orderedTriples.length} triples, ${N.size} weights (scale ${scale})`)
  const pairCodes = (slot: number): number[] => {
    const key = pairKeys[slot] as number
    return [codeOf(Math.floor(key / ids)), codeOf(key % ids)]
  }
  return {
    chars,
    pairs: orderedPairs.flatMap((p) => pairCodes(p.slot)),
    triples: orderedTriples.flatMap((t) => [...pairCodes(t.pair), codeOf(t.third)]),
    scale,
    outsideBias: 0,
    source: '',
    weights,
  }
}
