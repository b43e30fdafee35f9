// npm run train-names -- --train FILE [--train FILE]... --dev FILE [--out FILE] [--tagger-out FILE] [--epochs N] [--min-count N]
//   [--min-pair-count N] [--min-weight W] [--min-precision P] [--tagger-epochs N]
// Trains the two name readers: the span model of src/tag/name-model.ts (logistic
// regression over the candidate spans of the training sentences; a span is positive
// when it is exactly a person name of the corpus) and the sequence tagger of
// src/tag/name-tagger.ts (an averaged perceptron over BMES tags, tagger-training.ts).
// Then it chooses the decision rule — the span model's threshold and the tagger's
// outside bias — that gives the best F1 of the whole people tagger (printed shapes +
// both readers, scored as the build runs it, score.ts) on the development corpus at a
// precision of at least --min-precision. Writes only pruned weights, never a sentence.
// Deterministic: same input, same bytes.
// Inputs are character BIO files (`npm run name-corpora` makes one from public corpora).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { candidates, featureA, featureB, featureKind, features, Kind, type NameModelFile } from '../../src/tag/name-model.js'
import { readTaggerFile, writeTaggerFile } from '../../src/tag/name-tagger.js'
import { findPeopleWithModel } from '../../src/tag/people.js'
import { readBioSentences, type BioSentence } from '../../bench/bio.js'
import { prf, runTagger, scoreFound } from './score.js'
import { trainTagger } from './tagger-training.js'

const { values } = parseArgs({
  options: {
    train: { type: 'string', multiple: true },
    dev: { type: 'string' },
    out: { type: 'string', default: 'src/lexicon/name-model.json' },
    'tagger-out': { type: 'string', default: 'src/lexicon/name-tagger.bin' },
    'tagger-epochs': { type: 'string', default: '15' },
    'tagger-min-pair-count': { type: 'string', default: '2' },
    'tagger-min-triple-count': { type: 'string', default: '4' },
    'tagger-min-weight': { type: 'string', default: '0.006' },
    epochs: { type: 'string', default: '12' },
    'min-count': { type: 'string', default: '2' },
    'min-pair-count': { type: 'string', default: '12' },
    'min-weight': { type: 'string', default: '0.05' },
    beta: { type: 'string', default: '1' },
    'min-precision': { type: 'string', default: '0.93' },
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
const weights = new Map<number, number>()
for (const [key, i] of index) {
  const weight = Math.round((w[i] as number) * SCALE)
  if (Math.abs(weight) < MIN_WEIGHT * SCALE) continue
  ;(byKind[featureKind(key)] ??= []).push(featureA(key), featureB(key), weight)
  weights.set(key, weight / SCALE)
}
log(`${weights.size} weights kept`)

// 5. The sequence tagger, on the same sentences
const tagged = trainTagger(train, {
  epochs: Number(values['tagger-epochs']),
  minPairCount: Number(values['tagger-min-pair-count']),
  minTripleCount: Number(values['tagger-min-triple-count']),
  minWeight: Number(values['tagger-min-weight']),
  seed: 20240607,
  log,
})
// decoded from its own bytes, so the rule is chosen for the quantised weights the build reads
const tagger = readTaggerFile(writeTaggerFile(tagged))

// 6. The decision rules with the best F-beta of the whole people tagger on the development
// corpus among those whose precision reaches --min-precision (0.93): a false name becomes
// a person page on the site, while a missed one only loses a link, so precision has a
// floor (0.93 on development text kept the test precision above 0.9 so far); above it, F1
// (beta 1) decides. With no rule reaching the floor, the most precise wins. Two rules:
// the bias for the tagger's outside tag (the shipped reader), and the span model's
// threshold for when the tagger file is absent.
const dev = readBioSentences(values.dev)
const beta2 = Number(values.beta) ** 2
const minPrecision = Number(values['min-precision'])
function choose<T>(label: string, settings: readonly T[], run: (setting: T) => ReturnType<typeof prf>): T {
  let best = { setting: settings[0] as T, f: -1, p: -1 }
  let mostPrecise = best
  for (const setting of settings) {
    const { p, r, f1 } = run(setting)
    const f = ((1 + beta2) * p * r) / (beta2 * p + r || 1)
    log(`${label} ${String(setting)}: dev P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}${beta2 === 1 ? '' : ` F${values.beta} ${f.toFixed(3)}`}`)
    if (p >= minPrecision && f > best.f) best = { setting, f, p }
    if (p > mostPrecise.p) mostPrecise = { setting, f, p }
  }
  const chosen = best.f < 0 ? mostPrecise : best
  log(`chosen ${label} ${String(chosen.setting)} (precision floor ${minPrecision})`)
  return chosen.setting
}
const devScore = (find: (text: string) => ReturnType<typeof findPeopleWithModel>): ReturnType<typeof prf> => prf(scoreFound(dev, runTagger(dev, find)))
const spanThresholds = Array.from({ length: 18 }, (_, k) => Number((0.1 + 0.05 * k).toFixed(2)))
// one model object per setting: the span model builds its fast tables once per object
const threshold = choose('span model threshold (no tagger)', spanThresholds, (t) => {
  const model = { weights, threshold: t }
  return devScore((text) => findPeopleWithModel(text, model, t, undefined, null))
})
const chosenModel = { weights, threshold }
const bias = choose('tagger outside bias', [-10, -7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10, 12.5, 15, 20, 30], (b) => {
  tagger.outsideBias = b
  return devScore((text) => findPeopleWithModel(text, chosenModel, threshold, undefined, tagger))
})
const best = { threshold, bias }
const source = values.source || `trained by scripts/names/train.ts on ${train.length} sentences; decision rule from ${dev.length} development sentences`
writeFileSync(values['tagger-out'], writeTaggerFile({ ...tagged, outsideBias: best.bias, source }))
log(`wrote ${values['tagger-out']}`)

const file: NameModelFile = {
  version: 1,
  scale: SCALE,
  threshold: best.threshold,
  source,
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
