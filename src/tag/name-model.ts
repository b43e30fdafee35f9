import { readFileSync } from 'node:fs'
import { COMPOUND_SURNAMES, singleSurnameScore, surnameScore, SURNAMES } from '../lexicon/surnames.js'

// A statistical reader for names printed without a title (`…。王明远介绍，`, `记者见到了
// 李小军`). Every span that starts at a surname and is 2–3 characters long (3–4 after a
// compound surname) is a candidate; a logistic model scores it from the characters
// of the span (surname, given-name characters), the characters around it and how the
// span joins them. Only spans at surname characters are scored, so a story costs a
// few thousand table look-ups. The weights come from `npm run train-names`
// (scripts/names/train.ts) and live in src/lexicon/name-model.json.

/** Kinds of features; a feature is one kind and up to two characters. */
export const Kind = {
  Bias: 0,
  /** the surname (one or two characters) */
  Surname: 1,
  /** first and second given-name character of a three-character name */
  Given1: 2,
  Given2: 3,
  /** the only given-name character of a two-character name */
  GivenSingle: 4,
  /** one and two characters before the span */
  Left1: 5,
  Left2: 6,
  /** one and two characters after the span */
  Right1: 7,
  Right2: 8,
  /** the character before and the surname's first character: `老王`, `保管` */
  JoinLeft: 9,
  /** the span's last character and the one after it: `兴地` in `高兴地` */
  JoinRight: 10,
  /** the surname's last character and the first given character: a word such as `方面` scores low */
  Inner: 11,
  /** both given characters of a three-character name */
  GivenPair: 12,
  /** length, compound surname, how common the surname is */
  Shape: 13,
  /** the characters right before and right after the span: `、…、` in a list, `，…说` */
  Around: 14,
} as const
export type Kind = (typeof Kind)[keyof typeof Kind]

// A feature key packs kind and two code points into one integer below 2^53, so a
// model is a Map<number, number> and no string is built while scoring.
const A = 2 ** 21
const K = 2 ** 42
export const featureKey = (kind: Kind, a = 0, b = 0): number => kind * K + a * A + b
/** featureKey read back, part by part (no object per key: the model has 126,000). */
export const featureKind = (key: number): Kind => Math.floor(key / K) as Kind
export const featureA = (key: number): number => Math.floor((key % K) / A)
export const featureB = (key: number): number => key % A

/** Outside the text. */
const EDGE = 1
/** Every digit reads as 0 and every Latin letter as a, so they share their weights. */
function norm(code: number): number {
  if (code >= 0x30 && code <= 0x39) return 0x30
  if (code >= 0xff10 && code <= 0xff19) return 0x30
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 0x61
  return code
}
const isHan = (code: number): boolean => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)

export interface Candidate {
  start: number
  /** length in UTF-16 units (every character scored is in the BMP) */
  length: number
  /** length of the surname: 1, or 2 for a compound surname */
  surname: number
}

/** Every span of `text` that could be a name: it starts at a surname and is Han throughout. */
export function candidates(text: string): Candidate[] {
  const out: Candidate[] = []
  for (let i = 0; i < text.length; i++) {
    if (!isHan(text.charCodeAt(i))) continue
    const compound = COMPOUND_SURNAMES.has(text.slice(i, i + 2))
    const single = SURNAMES.has(text[i] as string)
    if (!compound && !single) continue
    let han = 1
    while (han < 4 && i + han < text.length && isHan(text.charCodeAt(i + han))) han++
    if (single) for (const length of [2, 3]) if (length <= han) out.push({ start: i, length, surname: 1 })
    if (compound) for (const length of [3, 4]) if (length <= han) out.push({ start: i, length, surname: 2 })
  }
  return out
}

/** The feature keys of one candidate, appended to `out` (cleared first). */
export function features(text: string, c: Candidate, out: number[]): number[] {
  out.length = 0
  const at = (k: number): number => (k < 0 || k >= text.length ? EDGE : norm(text.charCodeAt(k)))
  const s = c.start
  const e = s + c.length
  const given = c.length - c.surname
  out.push(featureKey(Kind.Bias))
  out.push(featureKey(Kind.Surname, at(s), c.surname === 2 ? at(s + 1) : 0))
  if (given === 1) out.push(featureKey(Kind.GivenSingle, at(e - 1)))
  else {
    out.push(featureKey(Kind.Given1, at(e - 2)), featureKey(Kind.Given2, at(e - 1)), featureKey(Kind.GivenPair, at(e - 2), at(e - 1)))
  }
  out.push(featureKey(Kind.Left1, at(s - 1)), featureKey(Kind.Left2, at(s - 2), at(s - 1)))
  out.push(featureKey(Kind.Right1, at(e)), featureKey(Kind.Right2, at(e), at(e + 1)))
  out.push(featureKey(Kind.JoinLeft, at(s - 1), at(s)), featureKey(Kind.JoinRight, at(e - 1), at(e)))
  out.push(featureKey(Kind.Inner, at(s + c.surname - 1), at(s + c.surname)))
  out.push(featureKey(Kind.Around, at(s - 1), at(e)))
  out.push(featureKey(Kind.Shape, c.length * 4 + c.surname, surnameScore(text.slice(s, s + 2))))
  return out
}

export interface NameModel {
  /** Every weight by feature key: what training writes and the reference scorer reads. */
  weights: ReadonlyMap<number, number>
  /** The probability from which a span is taken as a name (tuned on a development set). */
  threshold: number
}

/**
 * The same weights laid out for speed: every character the model knows gets a small
 * id, one-character kinds are arrays indexed by id, and all two-character kinds share
 * one open-addressing hash table keyed by `(kind * size + idA) * size + idB` (an
 * int32; several times faster than a Map, which matters at a few thousand look-ups
 * per story).
 */
interface FastTables {
  idOf: Int32Array
  size: number
  single: Float64Array[]
  keys: Int32Array
  values: Float64Array
  /** 32 − log2(table size), for the multiplicative hash */
  shift: number
  shape: Map<number, number>
  bias: number
}

const EMPTY = -1
function pairWeight(t: FastTables, key: number): number {
  const mask = t.keys.length - 1
  for (let h = Math.imul(key, 0x9e3779b1) >>> t.shift; ; h = (h + 1) & mask) {
    const k = t.keys[h] as number
    if (k === key) return t.values[h] as number
    if (k === EMPTY) return 0
  }
}

/** A pair kind's weight for character ids `a`, `b` (0 when `a` is a character the model has no weight for). */
function pairOf(t: FastTables, kind: Kind, a: number, b: number): number {
  return a === 0 ? 0 : pairWeight(t, (kind * t.size + a) * t.size + b)
}

function oneOf(t: FastTables, kind: Kind, a: number): number {
  return (t.single[kind] as Float64Array)[a] as number
}

/** What every reading of a span starting at `s` with a surname of `surname` characters shares: bias, left context, the join before it, the surname. */
function leftScore(t: FastTables, id: (k: number) => number, s: number, surname: number): number {
  const left = t.bias + oneOf(t, Kind.Left1, id(s - 1)) + pairOf(t, Kind.Left2, id(s - 2), id(s - 1)) + pairOf(t, Kind.JoinLeft, id(s - 1), id(s))
  // a compound surname the model has no weight for scores 0, not as its first character alone
  return surname === 1 ? left + pairOf(t, Kind.Surname, id(s), 0) : left + (id(s + 1) ? pairOf(t, Kind.Surname, id(s), id(s + 1)) : 0)
}

/** The model's score (logit) of the span `s`…`s + length` read with that surname, from its leftScore: the fast tables' `score(model, features(…))`. */
function spanScore(t: FastTables, id: (k: number) => number, s: number, length: number, surname: number, strength: number, left: number): number {
  const e = s + length
  let z = left + (t.shape.get((length * 4 + surname) * 4 + strength) ?? 0)
  if (length - surname === 1) z += oneOf(t, Kind.GivenSingle, id(e - 1))
  else z += oneOf(t, Kind.Given1, id(e - 2)) + oneOf(t, Kind.Given2, id(e - 1)) + pairOf(t, Kind.GivenPair, id(e - 2), id(e - 1))
  z += oneOf(t, Kind.Right1, id(e)) + pairOf(t, Kind.Right2, id(e), id(e + 1)) + pairOf(t, Kind.JoinRight, id(e - 1), id(e))
  z += pairOf(t, Kind.Inner, id(s + surname - 1), id(s + surname)) + pairOf(t, Kind.Around, id(s - 1), id(e))
  return z
}

const SINGLE_KINDS: Kind[] = [Kind.Given1, Kind.Given2, Kind.GivenSingle, Kind.Left1, Kind.Right1]
const PAIR_KINDS: Kind[] = [Kind.Surname, Kind.Left2, Kind.Right2, Kind.JoinLeft, Kind.JoinRight, Kind.Inner, Kind.GivenPair, Kind.Around]

const SINGLE_SET = new Set(SINGLE_KINDS)
const PAIR_SET = new Set(PAIR_KINDS)

/** A model read from its file (modelFromFile), with the file: its fast tables are made from the file's triples. */
const fileOf = new WeakMap<NameModel, NameModelFile>()

/**
 * Calls `use` with each weight of the model as kind, characters and weight, in the order of
 * `model.weights`. A model read from its file is read from the file's triples, without its Map:
 * making that Map of 126,000 weights and reading it back took every process that tags a page
 * about a tenth of a second at start-up.
 */
function eachWeight(model: NameModel, use: (kind: Kind, a: number, b: number, weight: number) => void): void {
  const file = fileOf.get(model)
  if (!file) {
    for (const [key, w] of model.weights) use(featureKind(key), featureA(key), featureB(key), w)
    return
  }
  for (const [kind, triples] of Object.entries(file.features)) {
    for (let k = 0; k + 2 < triples.length; k += 3) use(Number(kind) as Kind, triples[k] as number, triples[k + 1] as number, (triples[k + 2] as number) / file.scale)
  }
}

const fastCache = new WeakMap<NameModel, FastTables>()
function fastTables(model: NameModel): FastTables {
  const cached = fastCache.get(model)
  if (cached) return cached
  // Two passes over the weights, each read as its parts: an object per weight (126,000 of
  // them) cost this a tenth of a second at every start-up.
  const idOf = new Int32Array(0x10000)
  let size = 1 // id 0: a character the model has no weight for
  const id = (code: number): number => (idOf[code] ||= size++)
  let pairCount = 0
  eachWeight(model, (kind, a, b) => {
    if (kind === Kind.Shape || kind === Kind.Bias) return
    id(a)
    if (b) id(b)
    if (PAIR_SET.has(kind)) pairCount++
  })
  id(EDGE)
  if ((Kind.Around + 1) * size * size >= 2 ** 31) throw new Error('name model: too many characters for int32 pair keys')
  const single: Float64Array[] = []
  for (const k of SINGLE_KINDS) single[k] = new Float64Array(size)
  const bits = Math.max(4, Math.ceil(Math.log2(pairCount * 2 + 1)))
  const shape = new Map<number, number>()
  const tables: FastTables = { idOf, size, single, keys: new Int32Array(2 ** bits).fill(EMPTY), values: new Float64Array(2 ** bits), shift: 32 - bits, shape, bias: 0 }
  const mask = tables.keys.length - 1
  eachWeight(model, (kind, a, b, w) => {
    if (kind === Kind.Bias) tables.bias = w
    else if (kind === Kind.Shape) shape.set(a * 4 + b, w)
    else if (SINGLE_SET.has(kind)) (single[kind] as Float64Array)[idOf[a] as number] = w
    else {
      const pair = (kind * size + (idOf[a] as number)) * size + (b ? (idOf[b] as number) : 0)
      let h = Math.imul(pair, 0x9e3779b1) >>> tables.shift
      while (tables.keys[h] !== EMPTY) h = (h + 1) & mask
      tables.keys[h] = pair
      tables.values[h] = w
    }
  })
  fastCache.set(model, tables)
  return tables
}

/** The weight of feature `kind`, `a`, `b` as the fast tables hold it (tests hold every one equal to `model.weights`). */
export function fastWeight(model: NameModel, kind: Kind, a: number, b: number): number {
  const t = fastTables(model)
  if (kind === Kind.Bias) return t.bias
  if (kind === Kind.Shape) return t.shape.get(a * 4 + b) ?? 0
  if (SINGLE_SET.has(kind)) return oneOf(t, kind, t.idOf[a] as number)
  return pairOf(t, kind, t.idOf[a] as number, b ? (t.idOf[b] as number) : 0)
}

/** Which characters start a surname: 1 a single one, 2 the first of a compound one. */
const SURNAME_START = new Uint8Array(0x10000)
for (const s of SURNAMES) if (s.length === 1) SURNAME_START[s.charCodeAt(0)] = 1
for (const s of COMPOUND_SURNAMES) SURNAME_START[s.charCodeAt(0)] = (SURNAME_START[s.charCodeAt(0)] ?? 0) | 2

/**
 * The model file: per feature kind a flat list of (a, b, weight × scale) triples.
 * Numbers rather than strings: they load straight into the map, and the file holds
 * no character string that could be read as a name.
 */
export interface NameModelFile {
  version: 1
  scale: number
  threshold: number
  /** where the weights came from, for people reading the file */
  source: string
  features: Record<string, number[]>
}

/** The model a file holds. Its `weights` (the reference scorer's, `score`) are made when first read: tagging reads the fast tables, made from the file itself (eachWeight). */
export function modelFromFile(file: NameModelFile): NameModel {
  let weights: Map<number, number> | undefined
  const model: NameModel = {
    get weights() {
      if (!weights) {
        // Read from the triples on its own, not through eachWeight: the tests hold the fast tables against this Map.
        weights = new Map()
        for (const [kind, triples] of Object.entries(file.features)) {
          for (let k = 0; k + 2 < triples.length; k += 3) {
            weights.set(featureKey(Number(kind) as Kind, triples[k] as number, triples[k + 1] as number), (triples[k + 2] as number) / file.scale)
          }
        }
      }
      return weights
    },
    threshold: file.threshold,
  }
  fileOf.set(model, file)
  return model
}

let shipped: NameModel | undefined
/** The model shipped in src/lexicon/name-model.json, read once, on first use. */
export function defaultNameModel(): NameModel {
  shipped ??= modelFromFile(JSON.parse(readFileSync(new URL('../lexicon/name-model.json', import.meta.url), 'utf8')) as NameModelFile)
  return shipped
}

export function score(model: NameModel, keys: readonly number[]): number {
  let z = 0
  for (const key of keys) z += model.weights.get(key) ?? 0
  return z
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

/**
 * The model's probability that `text.slice(start, start + length)` is a name, for a
 * span found some other way (a printed title before it); 0 when the span is no
 * candidate at all (no surname, not Han throughout, a length the model does not read).
 * Read from the fast tables, as modelNames reads (`score(model, features(…))` looked up
 * a Map of large number keys ~20 times a span, several spans a story).
 */
export function spanProbability(text: string, start: number, length: number, model: NameModel = defaultNameModel()): number {
  const compound = COMPOUND_SURNAMES.has(text.slice(start, start + 2))
  const surname = compound && length >= 3 ? 2 : 1
  if (surname === 1 && !SURNAMES.has(text[start] as string)) return 0
  if (length - surname < 1 || length - surname > 2) return 0
  for (let k = start; k < start + length; k++) if (!isHan(text.charCodeAt(k))) return 0
  const t = fastTables(model)
  const edge = t.idOf[EDGE] as number
  const id = (k: number): number => (k < 0 || k >= text.length ? edge : (t.idOf[norm(text.charCodeAt(k))] as number))
  // as features() reads it
  const strength = surnameScore(text.slice(start, start + 2))
  return sigmoid(spanScore(t, id, start, length, surname, strength, leftScore(t, id, start, surname)))
}

export interface ModelName {
  name: string
  offset: number
  /** the model's probability that the span is a name */
  p: number
}

/**
 * The names the model reads in a text: candidates at or above `threshold` (the
 * model's own unless given), the most probable first, none overlapping another.
 * Scores exactly as `score(model, features(…))` (a test holds them equal), but with
 * the fast tables and without building the feature keys.
 */
export function modelNames(text: string, model: NameModel = defaultNameModel(), threshold = model.threshold): ModelName[] {
  const t = fastTables(model)
  const n = text.length
  // ids of the normalised characters, with the edge marker at both ends (offset by 2)
  const ids = new Int32Array(n + 4)
  const edge = t.idOf[EDGE] as number
  ids[0] = ids[1] = ids[n + 2] = ids[n + 3] = edge
  for (let k = 0; k < n; k++) ids[k + 2] = t.idOf[norm(text.charCodeAt(k))] as number
  const id = (k: number): number => ids[k + 2] as number
  const limit = Math.log(threshold / (1 - threshold)) // p ≥ threshold ⇔ z ≥ logit(threshold)
  const scored: ModelName[] = []
  const consider = (s: number, length: number, surname: number, left: number, strength: number): void => {
    const z = spanScore(t, id, s, length, surname, strength, left)
    if (z >= limit) scored.push({ name: text.slice(s, s + length), offset: s, p: sigmoid(z) })
  }
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    const starts = SURNAME_START[code] as number
    if (!starts || !isHan(code)) continue
    let han = 1
    while (han < 4 && i + han < n && isHan(text.charCodeAt(i + han))) han++
    if (han < 2) continue
    const compound = starts & 2 && COMPOUND_SURNAMES.has(text.slice(i, i + 2))
    const strength = compound ? 2 : singleSurnameScore(code)
    // what the span shares with every length
    if (starts & 1) {
      const left = leftScore(t, id, i, 1)
      for (let length = 2; length <= 3 && length <= han; length++) consider(i, length, 1, left, strength)
    }
    if (compound) {
      const left = leftScore(t, id, i, 2)
      for (let length = 3; length <= 4 && length <= han; length++) consider(i, length, 2, left, strength)
    }
  }
  scored.sort((a, b) => b.p - a.p || a.offset - b.offset)
  const used = new Uint8Array(n)
  const out: ModelName[] = []
  for (const s of scored) {
    let free = true
    for (let k = s.offset; k < s.offset + s.name.length; k++) if (used[k]) free = false
    if (!free) continue
    used.fill(1, s.offset, s.offset + s.name.length)
    out.push(s)
  }
  return out.sort((a, b) => a.offset - b.offset)
}
