// npm run train-names -- --train FILE [--train FILE]... --dev FILE [--out FILE] [--epochs N] [--min-count N] [--min-pair-count N] [--min-weight W] [--min-precision P]
// Trains the name model of src/tag/name-model.ts: logistic regression over the
// candidate spans of the training sentences (a span is positive when it is exactly a
// person name of the corpus), then chooses the threshold that gives the best F1 of
// the whole tagger (printed shapes + model) on the development corpus at a precision
// of at least --min-precision. Writes only
// pruned weights, never a sentence. Deterministic: same input, same bytes.
// Inputs are character BIO files (`npm run name-corpora` makes one from public corpora).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { candidates, features, Kind, type NameModel, type NameModelFile } from '../../src/tag/name-model.js'
import { findPeopleWithModel } from '../../src/tag/people.js'
import { nameStrings, readBioSentences, type BioSentence } from '../../bench/bio.js'

const { values } = parseArgs({
  options: {
    train: { type: 'string', multiple: true },
    dev: { type: 'string' },
    out: { type: 'string', default: 'src/lexicon/name-model.json' },
    epochs: { type: 'string', default: '12' },
    'min-count': { type: 'string', default: '2' },
    'min-pair-count': { type: 'string', default: '12' },
    'min-weight': { type: 'string', default: '0.05' },
    beta: { type: 'string', default: '1' },
    'min-precision': { type: 'string', default: '0.95' },
    source: { type: 'string', default: '' },
  },
})
if (!values.train?.length || !values.dev) {
  process.stdout.write('usage: npm run train-names -- --train FILE --dev FILE [--out FILE] [--epochs N] [--min-count N] [--min-pair-count N] [--min-weight W] [--min-precision P] [--source TEXT]\n')
  process.exit(0)
}
const log = (line: string): boolean => process.stderr.write(`${line}\n`)

// 1. Candidates and their features
const train: BioSentence[] = values.train.flatMap((f) => readBioSentences(f))
const keysOf: number[][] = []
const labels: number[] = []
const scratch: number[] = []
for (const s of train) {
  const gold = new Set(s.names.map(([a, b]) => `${a}:${b}`))
  for (const c of candidates(s.text)) {
    keysOf.push([...features(s.text, c, scratch)])
    labels.push(gold.has(`${c.start}:${c.start + c.length}`) ? 1 : 0)
  }
}
const reachable = labels.reduce((n, l) => n + l, 0)
const allNames = train.reduce((n, s) => n + s.names.length, 0)
log(`${train.length} sentences, ${allNames} names, ${keysOf.length} candidates, ${reachable} of them names (${((100 * reachable) / allNames).toFixed(1)} % of the names start at a surname)`)

// 2. Features seen often enough get a dense index. Two-character features (the
// characters around a span, the joins) are by far the most numerous: they need more
// occurrences, which keeps the model file small and the rare pairs from being memorised.
const minCount = Number(values['min-count'])
const minPairCount = Number(values['min-pair-count'])
const PAIR_KINDS = new Set<number>([Kind.Left2, Kind.Right2, Kind.JoinLeft, Kind.JoinRight, Kind.Inner, Kind.GivenPair, Kind.Around])
const counts = new Map<number, number>()
for (const keys of keysOf) for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1)
const index = new Map<number, number>()
for (const [k, n] of [...counts].sort((a, b) => a[0] - b[0])) {
  if (n >= (PAIR_KINDS.has(Math.floor(k / 2 ** 42)) ? minPairCount : minCount)) index.set(k, index.size)
}
const rows = keysOf.map((keys) => Int32Array.from(keys.map((k) => index.get(k) ?? -1).filter((i) => i >= 0)))
log(`${index.size} features (of ${counts.size}) seen at least ${minCount} times (pairs ${minPairCount})`)

// 3. Logistic regression, AdaGrad, a small L2 penalty, a seeded shuffle
const w = new Float64Array(index.size)
const g2 = new Float64Array(index.size).fill(1e-8)
const RATE = 0.2
const L2 = 1e-6
let seed = 20240607
const random = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
  return seed / 2 ** 32
}
const order = rows.map((_, i) => i)
for (let epoch = 0; epoch < Number(values.epochs); epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j] as number, order[i] as number]
  }
  let loss = 0
  for (const r of order) {
    const row = rows[r] as Int32Array
    let z = 0
    for (const f of row) z += w[f] as number
    const p = 1 / (1 + Math.exp(-z))
    const y = labels[r] as number
    loss -= y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12)
    const g = p - y
    for (const f of row) {
      const grad = g + L2 * (w[f] as number)
      g2[f] = (g2[f] as number) + grad * grad
      w[f] = (w[f] as number) - (RATE * grad) / Math.sqrt(g2[f] as number)
    }
  }
  log(`epoch ${epoch + 1}: mean loss ${(loss / rows.length).toFixed(4)}`)
}

// 4. Pruned, rounded weights grouped by kind
const SCALE = 1000
const MIN_WEIGHT = Number(values['min-weight'])
const byKind: Record<string, number[]> = {}
const A = 2 ** 21
const K = 2 ** 42
const weights = new Map<number, number>()
for (const [key, i] of index) {
  const weight = Math.round((w[i] as number) * SCALE)
  if (Math.abs(weight) < MIN_WEIGHT * SCALE) continue
  const kind = Math.floor(key / K)
  const a = Math.floor((key % K) / A)
  const b = key % A
  ;(byKind[kind] ??= []).push(a, b, weight)
  weights.set(key, weight / SCALE)
}
log(`${weights.size} weights kept`)

// 5. The threshold with the best F-beta of the whole tagger on the development corpus
// among those whose precision reaches --min-precision (0.95): a false name becomes a
// person page on the site, while a missed one only loses a link, so precision has a floor;
// above it, F1 (beta 1) decides. With no threshold reaching the floor, the most precise wins.
const dev = readBioSentences(values.dev)
const beta2 = Number(values.beta) ** 2
const minPrecision = Number(values['min-precision'])
let best = { threshold: 0.5, f: -1, f1: 0, p: 0, r: 0 }
let mostPrecise = { threshold: 0.5, f: -1, f1: 0, p: -1, r: 0 }
for (let t = 0.1; t <= 0.951; t += 0.05) {
  const model: NameModel = { weights, threshold: t }
  let tp = 0
  let fp = 0
  let fn = 0
  for (const s of dev) {
    const gold = nameStrings(s)
    const got = new Set(findPeopleWithModel(s.text, model).map((h) => h.name))
    for (const g of gold) got.has(g) ? tp++ : fn++
    for (const g of got) if (!gold.has(g)) fp++
  }
  const p = tp / (tp + fp || 1)
  const r = tp / (tp + fn || 1)
  const f1 = (2 * p * r) / (p + r || 1)
  const f = ((1 + beta2) * p * r) / (beta2 * p + r || 1)
  log(`threshold ${t.toFixed(2)}: dev P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}${beta2 === 1 ? '' : ` F${values.beta} ${f.toFixed(3)}`}`)
  if (p >= minPrecision && f > best.f) best = { threshold: Number(t.toFixed(2)), f, f1, p, r }
  if (p > mostPrecise.p) mostPrecise = { threshold: Number(t.toFixed(2)), f, f1, p, r }
}
if (best.f < 0) best = mostPrecise
log(`chosen threshold ${best.threshold} (dev P ${best.p.toFixed(3)} R ${best.r.toFixed(3)} F1 ${best.f1.toFixed(3)}${beta2 === 1 ? '' : ` F${values.beta} ${best.f.toFixed(3)}`}; precision floor ${minPrecision})`)

const file: NameModelFile = {
  version: 1,
  scale: SCALE,
  threshold: best.threshold,
  source: values.source || `trained by scripts/names/train.ts on ${train.length} sentences; threshold from ${dev.length} development sentences`,
  features: byKind,
}
// one kind per line keeps diffs of a retrained model readable
const body = Object.entries(file.features)
  .map(([kind, triples]) => `    "${kind}": ${JSON.stringify(triples)}`)
  .join(',\n')
writeFileSync(
  values.out,
  `{\n  "version": 1,\n  "scale": ${SCALE},\n  "threshold": ${file.threshold},\n  "source": ${JSON.stringify(file.source)},\n  "features": {\n${body}\n  }\n}\n`,
)
log(`wrote ${values.out}`)
