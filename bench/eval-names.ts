// npm run eval -- --corpus FILE
// Person-name precision/recall/F1 against a character-level BIO corpus (`字 B-PER`
// lines, sentences separated by blank lines) for three taggers: ours with the printed
// shapes only (rules), ours with the name model added (rules + model, as the build
// runs), and jieba's `nr` tags. Ours runs as in a build: every name found anywhere in
// the corpus is then recognised in every sentence (findKnownNames).
//
// Scored twice: on all sentences, and on the local-news-like subset, defined as the
// sentences that name an official's title (书记, 市长, 县长, 区长, 镇长, 乡长, 局长, 厅长,
// 主任, 部长, 主席, 委员, 常委, 省长) — the way a county paper's reports read.
// Speed: CPU milliseconds per 1,000-character story of the rules, the model and
// both, and the time to load the model file.
//
// Corpus used: the People's Daily (1998) NER test set as distributed with
// zjy-ucas/ChineseNER (data/example.test, 4,636 sentences). It is not shipped here
// (licence unclear) and never used for training or tuning; pass its path.
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { tag } from 'jieba-wasm'
import { findKnownNames } from '../src/tag/index.js'
import { defaultNameModel, modelNames } from '../src/tag/name-model.js'
import { findPeople, findPeopleWithModel, type PersonHit } from '../src/tag/people.js'
import { nameStrings, readBioSentences } from './bio.js'

const { values } = parseArgs({ options: { corpus: { type: 'string' } } })
if (!values.corpus) {
  process.stdout.write('usage: npm run eval -- --corpus FILE  (a BIO corpus such as example.test of zjy-ucas/ChineseNER; see bench/eval-names.ts)\n')
  process.exit(0)
}

interface Score {
  tp: number
  fp: number
  fn: number
}
const fmt = (s: Score): string => {
  const p = s.tp / (s.tp + s.fp || 1)
  const r = s.tp / (s.tp + s.fn || 1)
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`
}
function add(score: Score, gold: Set<string>, got: Set<string>): void {
  for (const g of gold) got.has(g) ? score.tp++ : score.fn++
  for (const g of got) if (!gold.has(g)) score.fp++
}

const loadStart = performance.now()
defaultNameModel()
const loadMs = performance.now() - loadStart

const sentences = readBioSentences(values.corpus)
const OFFICIAL = /(?:书记|市长|县长|区长|镇长|乡长|局长|厅长|主任|部长|主席|委员|常委|省长)/u
const chars = sentences.reduce((n, s) => n + s.text.length, 0)

/** Runs a tagger over the corpus as a build does. */
function ours(find: (text: string) => PersonHit[]): { names: Set<string>[] } {
  const hits = sentences.map((s) => find(s.text))
  const known = new Map<string, string>()
  for (const h of hits.flat()) known.set(h.name, h.name)
  const names = sentences.map((s, i) => new Set([...(hits[i] ?? []).map((h) => h.name), ...findKnownNames(s.text, known).map((k) => k.name)]))
  return { names }
}

const rules = ours(findPeople)
const combined = ours((text) => findPeopleWithModel(text))
// Speed as in a build: 1,000-character stories cut from the corpus text, after the JIT
// has compiled the code, in CPU time (the machine is shared).
const joined = sentences.map((s) => s.text).join('')
const stories: string[] = []
for (let k = 0; k + 1000 <= joined.length; k += 1000) stories.push(joined.slice(k, k + 1000))
const cpuMsPerStory = (run: (text: string) => unknown): number => {
  for (const s of stories) run(s)
  const before = process.cpuUsage()
  for (let r = 0; r < 5; r++) for (const s of stories) run(s)
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000 / (5 * stories.length)
}
const speed = {
  model: cpuMsPerStory((t) => modelNames(t)),
  rules: cpuMsPerStory(findPeople),
  both: cpuMsPerStory((t) => findPeopleWithModel(t)),
}
const jieba = sentences.map((s) => new Set(tag(s.text, true).filter((w) => /^nr/u.test(w.tag)).map((w) => w.word)))

const systems = { 'ours, rules only': rules.names, 'ours, rules + model': combined.names, jieba }
const rows: string[] = [`corpus ${values.corpus}: ${sentences.length} sentences, ${sentences.reduce((n, s) => n + nameStrings(s).size, 0)} names, ${chars} characters`]
for (const [subset, keep] of [
  ['all sentences', () => true],
  [`local-news subset (officials' titles, ${sentences.filter((s) => OFFICIAL.test(s.text)).length} sentences)`, (text: string) => OFFICIAL.test(text)],
] as const) {
  rows.push(subset)
  for (const [system, got] of Object.entries(systems)) {
    const score: Score = { tp: 0, fp: 0, fn: 0 }
    sentences.forEach((s, i) => {
      if (keep(s.text)) add(score, nameStrings(s), got[i] ?? new Set())
    })
    rows.push(`  ${system.padEnd(22)} ${fmt(score)}`)
  }
}
// The same tagger at other thresholds (the shipped one is the model file's, chosen on
// development text, never here): how precision trades against recall.
rows.push(`rules + model at other thresholds (the model file's is ${defaultNameModel().threshold}):`)
for (const t of [0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7]) {
  const at = ours((text) => findPeopleWithModel(text, defaultNameModel(), t))
  const all: Score = { tp: 0, fp: 0, fn: 0 }
  const local: Score = { tp: 0, fp: 0, fn: 0 }
  sentences.forEach((s, i) => {
    add(all, nameStrings(s), at.names[i] ?? new Set())
    if (OFFICIAL.test(s.text)) add(local, nameStrings(s), at.names[i] ?? new Set())
  })
  rows.push(`  ${t.toFixed(2)}  all ${fmt(all)}  |  local news ${fmt(local)}`)
}
rows.push(
  `speed, CPU ms per 1,000-character story (${stories.length} stories): rules ${speed.rules.toFixed(3)}, model ${speed.model.toFixed(3)}, rules + model ${speed.both.toFixed(3)}; model file loaded in ${loadMs.toFixed(0)} ms`,
)
process.stdout.write(`${rows.join('\n')}\n`)
