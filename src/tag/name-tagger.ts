import { readFileSync } from 'node:fs'
import { COMMON_SURNAMES, SURNAMES } from '../lexicon/surnames.js'

// A character-level sequence tagger for person names: every character gets one of
// five tags (outside, begin, middle, end, single) and the best sequence is found by
// Viterbi decoding. Unlike the span model (name-model.ts), which only reads 2–4
// characters starting at a surname, it reaches transliterated names (基里延科, names
// with ·), names of any length, and a surname standing alone (`项市长`'s 项) — which
// the caller resolves to a full name or drops, never takes as a person by itself.
//
// Features, all within two characters of the position: the character at each offset,
// the pair of neighbouring characters at each offset, the character class (surname,
// other Han, digit, Latin, punctuation, name dot) at each offset, the class triple
// around the position, and the character at the position with the class one or two
// before or after it. Each table is indexed by small integers (character ids, pair
// slots), so decoding a story builds no string and hashes only once per character pair.
// Weights are trained by scripts/names/train-tagger.ts (an averaged structured
// perceptron) and live in src/lexicon/name-tagger.bin, keyed by code points.

/** The tags, in the order of the weight tables. */
export const Tag = { O: 0, B: 1, M: 2, E: 3, S: 4 } as const
export const TAGS = 5
/** Offsets of the character features (−2…2), pair features (pairs starting at −2…1) and triple features (starting at −2…0). */
const UNI_OFFSETS = 5
const PAIR_OFFSETS = 4
const TRIPLE_OFFSETS = 3
/**
 * Offsets of the class next to the character in the character–class conjunctions: the
 * character at the position with the class of the character one or two before or after
 * it (`a given-name character after a surname`, whatever the surname).
 */
const CONJ_OFFSETS = [-2, -1, 1, 2] as const
export const CONJS = CONJ_OFFSETS.length

/** Character classes; a class feature generalises over characters the model never saw. */
export const Class = { Edge: 0, Other: 1, Digit: 2, Latin: 3, Han: 4, RareSurname: 5, CommonSurname: 6, NameDot: 7 } as const
export const CLASSES = 8

const isHan = (code: number): boolean => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)

/** Every digit reads as 0 and every Latin letter as a, so they share their weights. */
export function normalize(code: number): number {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return 0x30
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return 0x61
  return code
}

const CLASS_OF = new Uint8Array(0x10000).fill(Class.Other)
for (let c = 0x3400; c <= 0x9fff; c++) if (isHan(c)) CLASS_OF[c] = Class.Han
for (const s of SURNAMES) if (s.length === 1) CLASS_OF[s.charCodeAt(0)] = COMMON_SURNAMES.has(s) ? Class.CommonSurname : Class.RareSurname
CLASS_OF[0x30] = Class.Digit
CLASS_OF[0x61] = Class.Latin
for (const dot of '·・•‧') CLASS_OF[dot.charCodeAt(0)] = Class.NameDot

/** Where each table starts in the one flat weight array, for a model of `chars` characters, `pairs` pairs and `triples` triples. */
export interface Layout {
  chars: number
  pairs: number
  triples: number
  uni: number
  pair: number
  triple: number
  conj: number
  cls: number
  cls3: number
  trans: number
  end: number
  size: number
}
export function layout(chars: number, pairs: number, triples: number): Layout {
  const uni = 0
  const pair = uni + chars * UNI_OFFSETS * TAGS
  const triple = pair + pairs * PAIR_OFFSETS * TAGS
  const conj = triple + triples * TRIPLE_OFFSETS * TAGS
  const cls = conj + chars * CONJS * CLASSES * TAGS
  const cls3 = cls + CLASSES * UNI_OFFSETS * TAGS
  const trans = cls3 + CLASSES ** 3 * TAGS
  const end = trans + (TAGS + 1) * TAGS
  return { chars, pairs, triples, uni, pair, triple, conj, cls, cls3, trans, end, size: end + TAGS }
}

/** Character id 0 is a character the model has no weights for, 1 the edge of the text. */
export const UNKNOWN = 0
export const EDGE_ID = 1

/**
 * Slots by two small integers: pairs by the ids of their characters, triples by the
 * slot of their first two characters' pair and the id of the third. An open-addressing
 * table of int32 keys.
 */
export class PairTable {
  readonly keys: Int32Array
  readonly slots: Int32Array
  private readonly shift: number
  constructor(
    private readonly chars: number,
    capacity: number,
  ) {
    const bits = Math.max(4, Math.ceil(Math.log2(capacity * 2 + 1)))
    this.keys = new Int32Array(2 ** bits).fill(-1)
    this.slots = new Int32Array(2 ** bits)
    this.shift = 32 - bits
  }
  set(a: number, b: number, slot: number): void {
    const key = a * this.chars + b
    if (key >= 2 ** 31) throw new Error('name tagger: too many pairs for int32 keys')
    const mask = this.keys.length - 1
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift
    while (this.keys[h] !== -1 && this.keys[h] !== key) h = (h + 1) & mask
    this.keys[h] = key
    this.slots[h] = slot
  }
  /** The slot of the pair, or −1. */
  get(a: number, b: number): number {
    const key = a * this.chars + b
    const mask = this.keys.length - 1
    for (let h = Math.imul(key, 0x9e3779b1) >>> this.shift; ; h = (h + 1) & mask) {
      const k = this.keys[h] as number
      if (k === key) return this.slots[h] as number
      if (k === -1) return -1
    }
  }
}

/** What the tagger needs to read a text: ids for characters, slots for pairs, and the weights. */
export interface TaggerModel {
  /** id by (normalised) code unit; UNKNOWN for a character without weights */
  idOf: Int32Array
  pairs: PairTable
  triples: PairTable
  layout: Layout
  weights: Float32Array | Float64Array
  /**
   * The character and class tables added together, for decoding: a known character's
   * class follows from the character, so its two rows are one (row = id); an unknown
   * character gets the row of its class (row = chars + class). Five fewer rows to add
   * per character; a test holds the result equal to `emissions`.
   */
  merged: Float32Array
  /**
   * Added to the score of the outside tag at every character: the decision rule's one
   * knob (higher takes fewer, surer names), chosen on development text.
   */
  outsideBias: number
}

/** A text encoded for the tagger: per position (with two edge positions on each side) its id, class and pair slot. */
export interface Encoded {
  length: number
  ids: Int32Array
  classes: Uint8Array
  /** slot of the pair (k, k + 1), in padded positions */
  pairSlots: Int32Array
  /** slot of the triple (k, k + 1, k + 2), in padded positions */
  tripleSlots: Int32Array
}

export function encode(text: string, idOf: Int32Array, pairs: PairTable, triples: PairTable): Encoded {
  const n = text.length
  const ids = new Int32Array(n + 4).fill(EDGE_ID)
  const classes = new Uint8Array(n + 4)
  for (let k = 0; k < n; k++) {
    const code = normalize(text.charCodeAt(k))
    ids[k + 2] = idOf[code] as number
    classes[k + 2] = CLASS_OF[code] as number
  }
  const pairSlots = new Int32Array(n + 4).fill(-1)
  for (let k = 0; k + 1 < n + 4; k++) pairSlots[k] = pairs.get(ids[k] as number, ids[k + 1] as number)
  const tripleSlots = new Int32Array(n + 4).fill(-1)
  for (let k = 0; k + 2 < n + 4; k++) {
    const pair = pairSlots[k] as number
    if (pair >= 0) tripleSlots[k] = triples.get(pair, ids[k + 2] as number)
  }
  return { length: n, ids, classes, pairSlots, tripleSlots }
}

/**
 * The base index (tag 0) of every feature that fires at position `i`, appended to
 * `out` (cleared first): the one definition of the features, shared by training and
 * decoding.
 */
export function featureBases(e: Encoded, L: Layout, i: number, out: number[]): number[] {
  out.length = 0
  const p = i + 2
  for (let d = 0; d < UNI_OFFSETS; d++) {
    out.push(L.uni + ((e.ids[p + d - 2] as number) * UNI_OFFSETS + d) * TAGS)
    out.push(L.cls + ((e.classes[p + d - 2] as number) * UNI_OFFSETS + d) * TAGS)
  }
  for (let d = 0; d < PAIR_OFFSETS; d++) {
    const slot = e.pairSlots[p + d - 2] as number
    if (slot >= 0) out.push(L.pair + (slot * PAIR_OFFSETS + d) * TAGS)
  }
  for (let d = 0; d < TRIPLE_OFFSETS; d++) {
    const slot = e.tripleSlots[p + d - 2] as number
    if (slot >= 0) out.push(L.triple + (slot * TRIPLE_OFFSETS + d) * TAGS)
  }
  for (let k = 0; k < CONJS; k++) out.push(L.conj + (((e.ids[p] as number) * CONJS + k) * CLASSES + (e.classes[p + (CONJ_OFFSETS[k] as number)] as number)) * TAGS)
  out.push(L.cls3 + (((e.classes[p - 1] as number) * CLASSES + (e.classes[p] as number)) * CLASSES + (e.classes[p + 1] as number)) * TAGS)
  return out
}

/** Adds the TAGS weights of the row at `base` to `scores` at `o`. */
function addRow(scores: Float64Array, o: number, w: Float32Array | Float64Array, base: number): void {
  scores[o] = (scores[o] as number) + (w[base] as number)
  scores[o + 1] = (scores[o + 1] as number) + (w[base + 1] as number)
  scores[o + 2] = (scores[o + 2] as number) + (w[base + 2] as number)
  scores[o + 3] = (scores[o + 3] as number) + (w[base + 3] as number)
  scores[o + 4] = (scores[o + 4] as number) + (w[base + 4] as number)
}

/**
 * The emission score of every tag at every position (n × TAGS): the weights of the
 * features of `featureBases`, summed, with `outsideBias` on the outside tag. Written
 * out table by table rather than through featureBases, which would build an array per
 * character (a test holds the two equal).
 */
export function emissions(e: Encoded, L: Layout, w: Float32Array | Float64Array, outsideBias: number, out?: Float64Array): Float64Array {
  const n = e.length
  const scores = out && out.length >= n * TAGS ? out : new Float64Array(n * TAGS)
  const { ids, classes, pairSlots, tripleSlots } = e
  for (let i = 0; i < n; i++) {
    const o = i * TAGS
    scores[o] = outsideBias
    scores[o + 1] = scores[o + 2] = scores[o + 3] = scores[o + 4] = 0
    for (let d = 0; d < UNI_OFFSETS; d++) {
      addRow(scores, o, w, L.uni + ((ids[i + d] as number) * UNI_OFFSETS + d) * TAGS)
      addRow(scores, o, w, L.cls + ((classes[i + d] as number) * UNI_OFFSETS + d) * TAGS)
    }
    for (let d = 0; d < PAIR_OFFSETS; d++) {
      const slot = pairSlots[i + d] as number
      if (slot >= 0) addRow(scores, o, w, L.pair + (slot * PAIR_OFFSETS + d) * TAGS)
    }
    for (let d = 0; d < TRIPLE_OFFSETS; d++) {
      const slot = tripleSlots[i + d] as number
      if (slot >= 0) addRow(scores, o, w, L.triple + (slot * TRIPLE_OFFSETS + d) * TAGS)
    }
    for (let k = 0; k < CONJS; k++) addRow(scores, o, w, L.conj + (((ids[i + 2] as number) * CONJS + k) * CLASSES + (classes[i + 2 + (CONJ_OFFSETS[k] as number)] as number)) * TAGS)
    addRow(scores, o, w, L.cls3 + (((classes[i + 1] as number) * CLASSES + (classes[i + 2] as number)) * CLASSES + (classes[i + 3] as number)) * TAGS)
  }
  return scores
}

/**
 * The best tag sequence under the emission scores and the transition weights (first
 * order), among the sequences whose spans are B M* E or S. Written out per tag: a span
 * continues only from B or M, and everything else follows O, E or S.
 */
export function viterbi(n: number, scores: Float64Array, L: Layout, w: Float32Array | Float64Array, tags: Uint8Array = new Uint8Array(n)): Uint8Array {
  if (n === 0) return tags
  const back = new Uint8Array(n * TAGS)
  const tr = (prev: number, t: number): number => w[L.trans + prev * TAGS + t] as number
  const { O, B, M, E, S } = Tag
  const t = new Float64Array(TAGS * TAGS)
  for (let k = 0; k < TAGS * TAGS; k++) t[k] = w[L.trans + k] as number
  let o = (scores[O] as number) + tr(TAGS, O)
  let b = (scores[B] as number) + tr(TAGS, B)
  let m = -Infinity
  let e = -Infinity
  let s = (scores[S] as number) + tr(TAGS, S)
  // the best of O, E, S before a tag that may follow any of them
  const after = (to: number, at: number): number => {
    let best = o + (t[O * TAGS + to] as number)
    let from: number = O
    const viaE = e + (t[E * TAGS + to] as number)
    if (viaE > best) {
      best = viaE
      from = E
    }
    const viaS = s + (t[S * TAGS + to] as number)
    if (viaS > best) {
      best = viaS
      from = S
    }
    back[at + to] = from
    return best
  }
  for (let i = 1; i < n; i++) {
    const at = i * TAGS
    const no = after(O, at) + (scores[at + O] as number)
    const nb = after(B, at) + (scores[at + B] as number)
    const ns = after(S, at) + (scores[at + S] as number)
    const mFromB = b + (t[B * TAGS + M] as number)
    const mFromM = m + (t[M * TAGS + M] as number)
    back[at + M] = mFromB >= mFromM ? B : M
    const nm = Math.max(mFromB, mFromM) + (scores[at + M] as number)
    const eFromB = b + (t[B * TAGS + E] as number)
    const eFromM = m + (t[M * TAGS + E] as number)
    back[at + E] = eFromB >= eFromM ? B : M
    const ne = Math.max(eFromB, eFromM) + (scores[at + E] as number)
    o = no
    b = nb
    m = nm
    e = ne
    s = ns
  }
  const end = (tag: number): number => w[L.end + tag] as number
  let last: number = O
  let top = o + end(O)
  if (e + end(E) > top) {
    top = e + end(E)
    last = E
  }
  if (s + end(S) > top) last = S
  tags[n - 1] = last
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * TAGS + (tags[i] as number)] as number
  return tags
}

export interface TaggedSpan {
  offset: number
  length: number
}

/** The spans of a tag sequence (B M* E, or S). */
export function spansOf(tags: Uint8Array): TaggedSpan[] {
  const out: TaggedSpan[] = []
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === Tag.S) out.push({ offset: i, length: 1 })
    else if (tags[i] === Tag.B) {
      let j = i + 1
      while (j < tags.length && tags[j] === Tag.M) j++
      out.push({ offset: i, length: j - i + 1 })
      i = j
    }
  }
  return out
}

/** The name spans the tagger reads in `text`, surnames standing alone included (length 1). */
/** The emission scores decoding uses (fastEmissions), exported for the test that holds them equal to `emissions`. */
export const decodingEmissions = (text: string, model: TaggerModel, outsideBias = model.outsideBias): Float64Array =>
  fastEmissions(encode(text, model.idOf, model.pairs, model.triples), model, outsideBias)

export function tagNames(text: string, model: TaggerModel = defaultTagger(), outsideBias = model.outsideBias): TaggedSpan[] {
  const e = encode(text, model.idOf, model.pairs, model.triples)
  return spansOf(viterbi(e.length, fastEmissions(e, model, outsideBias), model.layout, model.weights))
}

/**
 * The model file, little-endian binary (a few megabytes of JSON would take longer to
 * parse than the budget allows):
 *   "NTG3", int32 characters, int32 pairs, int32 triples, float32 scale, float32 outsideBias,
 *   int32 source length, source (UTF-8, padded to 4 bytes),
 *   uint16 code point per character id from 2 on, uint16 × 2 per pair (in slot order),
 *   uint16 × 3 per triple (in slot order; the first two are a pair of the file),
 *   padding to 4 bytes, then every weight in layout order as int16 × (1 / scale).
 * Code point 0 stands for the edge of the text.
 */
const MAGIC = 0x3347544e // "NTG3"
export interface TaggerFile {
  /** code points of character ids 2, 3, … */
  chars: number[]
  /** code points of each pair slot, two per slot */
  pairs: number[]
  /** code points of each triple slot, three per slot */
  triples: number[]
  scale: number
  outsideBias: number
  source: string
  /** int16 weights in layout order */
  weights: Int16Array
}

const HEADER = 28
export function writeTaggerFile(f: TaggerFile): Buffer {
  const source = Buffer.from(f.source, 'utf8')
  const header = HEADER + Math.ceil(source.length / 4) * 4
  const codes = f.chars.length + f.pairs.length + f.triples.length
  const weightsAt = Math.ceil((header + codes * 2) / 4) * 4
  const buffer = Buffer.alloc(weightsAt + f.weights.length * 2)
  buffer.writeUInt32LE(MAGIC, 0)
  buffer.writeInt32LE(f.chars.length, 4)
  buffer.writeInt32LE(f.pairs.length / 2, 8)
  buffer.writeInt32LE(f.triples.length / 3, 12)
  buffer.writeFloatLE(f.scale, 16)
  buffer.writeFloatLE(f.outsideBias, 20)
  buffer.writeInt32LE(source.length, 24)
  source.copy(buffer, HEADER)
  let at = header
  for (const list of [f.chars, f.pairs, f.triples]) for (const c of list) {
    buffer.writeUInt16LE(c, at)
    at += 2
  }
  for (let k = 0; k < f.weights.length; k++) buffer.writeInt16LE(f.weights[k] as number, weightsAt + 2 * k)
  return buffer
}

/** The `source` line of a model file: where its weights came from. */
export function taggerSource(buffer: Buffer): string {
  return buffer.toString('utf8', HEADER, HEADER + buffer.readInt32LE(24))
}

export function readTaggerFile(buffer: Buffer): TaggerModel {
  if (buffer.readUInt32LE(0) !== MAGIC) throw new Error('name tagger: not a tagger model file of this version')
  const chars = buffer.readInt32LE(4)
  const pairs = buffer.readInt32LE(8)
  const triples = buffer.readInt32LE(12)
  const scale = buffer.readFloatLE(16)
  const outsideBias = buffer.readFloatLE(20)
  const header = HEADER + Math.ceil(buffer.readInt32LE(24) / 4) * 4
  const codes = chars + 2 * pairs + 3 * triples
  const weightsAt = Math.ceil((header + codes * 2) / 4) * 4
  const ids = chars + 2
  const idOf = new Int32Array(0x10000)
  for (let k = 0; k < chars; k++) idOf[buffer.readUInt16LE(header + 2 * k)] = k + 2
  idOf[0] = EDGE_ID
  const code = (k: number): number => idOf[buffer.readUInt16LE(header + 2 * k)] as number
  const pairTable = new PairTable(ids, pairs)
  for (let s = 0; s < pairs; s++) pairTable.set(code(chars + 2 * s), code(chars + 2 * s + 1), s)
  const tripleTable = new PairTable(ids, triples)
  for (let s = 0; s < triples; s++) {
    const at = chars + 2 * pairs + 3 * s
    tripleTable.set(pairTable.get(code(at), code(at + 1)), code(at + 2), s)
  }
  const L = layout(ids, pairs, triples)
  // an Int16Array view needs an even byte offset; a pooled Buffer may not give one
  const at = buffer.byteOffset + weightsAt
  const raw = at % 2 === 0 ? new Int16Array(buffer.buffer, at, L.size) : new Int16Array(Uint8Array.prototype.slice.call(buffer, weightsAt, weightsAt + 2 * L.size).buffer)
  const weights = new Float32Array(L.size)
  for (let k = 0; k < L.size; k++) weights[k] = (raw[k] as number) / scale
  return { idOf, pairs: pairTable, triples: tripleTable, layout: L, weights, outsideBias, merged: mergeCharacterRows(idOf, L, weights) }
}

function mergeCharacterRows(idOf: Int32Array, L: Layout, w: Float32Array): Float32Array {
  const row = UNI_OFFSETS * TAGS
  const merged = new Float32Array((L.chars + CLASSES) * row)
  const classOfId = new Uint8Array(L.chars)
  classOfId[EDGE_ID] = Class.Edge
  for (let code = 1; code < 0x10000; code++) {
    const id = idOf[code] as number
    if (id >= 2 && normalize(code) === code) classOfId[id] = CLASS_OF[code] as number
  }
  const fill = (target: number, id: number, cls: number): void => {
    for (let d = 0; d < UNI_OFFSETS; d++) {
      for (let t = 0; t < TAGS; t++) {
        merged[target * row + d * TAGS + t] = (w[L.uni + (id * UNI_OFFSETS + d) * TAGS + t] as number) + (w[L.cls + (cls * UNI_OFFSETS + d) * TAGS + t] as number)
      }
    }
  }
  for (let id = 1; id < L.chars; id++) fill(id, id, classOfId[id] as number)
  for (let c = 0; c < CLASSES; c++) fill(L.chars + c, UNKNOWN, c)
  return merged
}

/** `emissions` for decoding, with the merged character rows (TaggerModel.merged). */
function fastEmissions(e: Encoded, m: TaggerModel, outsideBias: number): Float64Array {
  const n = e.length
  const scores = new Float64Array(n * TAGS)
  const { ids, classes, pairSlots, tripleSlots } = e
  const { merged, weights: w, layout: L } = m
  const rows = new Int32Array(n + 4)
  for (let k = 0; k < n + 4; k++) {
    const id = ids[k] as number
    rows[k] = (id === UNKNOWN ? L.chars + (classes[k] as number) : id) * UNI_OFFSETS * TAGS
  }
  for (let i = 0; i < n; i++) {
    const o = i * TAGS
    let s0 = outsideBias
    let s1 = 0
    let s2 = 0
    let s3 = 0
    let s4 = 0
    for (let d = 0; d < UNI_OFFSETS; d++) {
      const b = (rows[i + d] as number) + d * TAGS
      s0 += merged[b] as number
      s1 += merged[b + 1] as number
      s2 += merged[b + 2] as number
      s3 += merged[b + 3] as number
      s4 += merged[b + 4] as number
    }
    for (let d = 0; d < PAIR_OFFSETS; d++) {
      const slot = pairSlots[i + d] as number
      if (slot < 0) continue
      const b = L.pair + (slot * PAIR_OFFSETS + d) * TAGS
      s0 += w[b] as number
      s1 += w[b + 1] as number
      s2 += w[b + 2] as number
      s3 += w[b + 3] as number
      s4 += w[b + 4] as number
    }
    for (let d = 0; d < TRIPLE_OFFSETS; d++) {
      const slot = tripleSlots[i + d] as number
      if (slot < 0) continue
      const b = L.triple + (slot * TRIPLE_OFFSETS + d) * TAGS
      s0 += w[b] as number
      s1 += w[b + 1] as number
      s2 += w[b + 2] as number
      s3 += w[b + 3] as number
      s4 += w[b + 4] as number
    }
    for (let k = 0; k < CONJS; k++) {
      const b = L.conj + (((ids[i + 2] as number) * CONJS + k) * CLASSES + (classes[i + 2 + (CONJ_OFFSETS[k] as number)] as number)) * TAGS
      s0 += w[b] as number
      s1 += w[b + 1] as number
      s2 += w[b + 2] as number
      s3 += w[b + 3] as number
      s4 += w[b + 4] as number
    }
    const b = L.cls3 + (((classes[i + 1] as number) * CLASSES + (classes[i + 2] as number)) * CLASSES + (classes[i + 3] as number)) * TAGS
    scores[o] = s0 + (w[b] as number)
    scores[o + 1] = s1 + (w[b + 1] as number)
    scores[o + 2] = s2 + (w[b + 2] as number)
    scores[o + 3] = s3 + (w[b + 3] as number)
    scores[o + 4] = s4 + (w[b + 4] as number)
  }
  return scores
}

let shipped: TaggerModel | null | undefined
/** The tagger shipped in src/lexicon/name-tagger.bin, read once, on first use; null when the file is absent. */
export function shippedTagger(): TaggerModel | null {
  if (shipped === undefined) {
    try {
      shipped = readTaggerFile(readFileSync(new URL('../lexicon/name-tagger.bin', import.meta.url)))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      shipped = null
    }
  }
  return shipped
}
function defaultTagger(): TaggerModel {
  const t = shippedTagger()
  if (!t) throw new Error('name tagger: src/lexicon/name-tagger.bin is missing (npm run train-names)')
  return t
}
