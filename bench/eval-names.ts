// npm run eval -- --corpus FILE
// Person-name precision/recall/F1 against a character-level BIO corpus (`字 B-PER`
// lines, sentences separated by blank lines) for four taggers: ours with the printed
// shapes only (rules), ours with the span model added (the previous tagger), ours with
// the span model and the sequence tagger (as the build runs), and jieba's `nr` tags.
// Ours runs as in a build (scripts/names/score.ts): every name found anywhere in the
// corpus is then recognised in every sentence (findKnownNames), and a surname standing
// alone (`项市长`, which the corpus annotates as a name) counts as found only where it
// is resolved to a full name — the one of its sentence with that surname, or the one of
// the corpus printed with the same title; the count of such is printed apart.
//
// Scored twice: on all sentences, and on the local-news-like subset, defined as the
// sentences that name an official's title (书记, 市长, 县长, 区长, 镇长, 乡长, 局长, 厅长,
// 主任, 部长, 主席, 委员, 常委, 省长) — the way a county paper's reports read.
// Speed: CPU milliseconds per 1,000-character story of the rules, the span model, the
// sequence tagger and the whole people tagger, and the time to load the model files.
//
// Corpus used: the People's Daily (1998) NER test set as distributed with
// zjy-ucas/ChineseNER (data/example.test, 4,636 sentences). It is not shipped here
// (licence unclear) and never used for training or tuning; pass its path.
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { tag } from 'jieba-wasm'
import { formatScore, runTagger, scoreFound } from '../scripts/names/score.js'
import { defaultNameModel, modelNames } from '../src/tag/name-model.js'
import { shippedTagger, tagNames } from '../src/tag/name-tagger.js'
import { findPeople, findPeopleWithModel } from '../src/tag/people.js'
import { nameStrings, readBioSentences } from './bio.js'

const { values } = parseArgs({ options: { corpus: { type: 'string' } } })
if (!values.corpus) {
  process.stdout.write('usage: npm run eval -- --corpus FILE  (a BIO corpus such as example.test of zjy-ucas/ChineseNER; see bench/eval-names.ts)\n')
  process.exit(0)
}

const loadStart = performance.now()
defaultNameModel()
const tagger = shippedTagger()
const loadMs = performance.now() - loadStart
if (!tagger) throw new Error('src/lexicon/name-tagger.bin is missing (npm run train-names)')

const sentences = readBioSentences(values.corpus)
const OFFICIAL = /(?:书记|市长|县长|区长|镇长|乡长|局长|厅长|主任|部长|主席|委员|常委|省长)/u
const chars = sentences.reduce((n, s) => n + s.text.length, 0)

const rules = runTagger(sentences, findPeople)
// the previous tagger as shipped: printed shapes and the span model at its threshold then (0.45)
const spanOnly = runTagger(sentences, (text) => findPeopleWithModel(text, undefined, 0.45, undefined, null))
const combined = runTagger(sentences, (text) => findPeopleWithModel(text))
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
  tagger: cpuMsPerStory((t) => tagNames(t, tagger)),
  rules: cpuMsPerStory(findPeople),
  both: cpuMsPerStory((t) => findPeopleWithModel(t)),
}
const jieba = sentences.map((s) => new Set(tag(s.text, true).filter((w) => /^nr/u.test(w.tag)).map((w) => w.word)))

const jiebaFound = { names: jieba, resolved: jieba.map(() => new Set<string>()) }
const systems = { 'ours, rules only': rules, 'ours, + span model (0.45)': spanOnly, 'ours, + sequence tagger': combined, jieba: jiebaFound }
const rows: string[] = [`corpus ${values.corpus}: ${sentences.length} sentences, ${sentences.reduce((n, s) => n + nameStrings(s).size, 0)} names, ${chars} characters`]
for (const [subset, keep] of [
  ['all sentences', () => true],
  [`local-news subset (officials' titles, ${sentences.filter((s) => OFFICIAL.test(s.text)).length} sentences)`, (text: string) => OFFICIAL.test(text)],
] as const) {
  rows.push(subset)
  for (const [system, found] of Object.entries(systems)) rows.push(`  ${system.padEnd(26)} ${formatScore(scoreFound(sentences, found, keep))}`)
}
// The same tagger with other biases (the shipped one is the model file's, chosen on
// development text, never here): how precision trades against recall.
rows.push(`with other outside biases (the shipped one: ${tagger.outsideBias}):`)
const shippedBias = tagger.outsideBias
for (const bias of [0, 5, 10, 15, 20, 30]) {
  tagger.outsideBias = bias
  const at = runTagger(sentences, (text) => findPeopleWithModel(text))
  rows.push(`  bias ${String(bias).padStart(2)}  all ${formatScore(scoreFound(sentences, at))}  |  local news ${formatScore(scoreFound(sentences, at, (text) => OFFICIAL.test(text)))}`)
}
tagger.outsideBias = shippedBias
rows.push(
  `speed, CPU ms per 1,000-character story (${stories.length} stories): rules ${speed.rules.toFixed(3)}, span model ${speed.model.toFixed(3)}, sequence tagger ${speed.tagger.toFixed(3)}, whole people tagger ${speed.both.toFixed(3)}; model files loaded in ${loadMs.toFixed(0)} ms`,
)
process.stdout.write(`${rows.join('\n')}\n`)
