// npm run eval -- --corpus FILE
// Person-name precision/recall/F1 of our tagger against a character-level BIO corpus
// (`字 B-PER` lines, sentences separated by blank lines), next to jieba's `nr` tags on
// the same text. Our tagger runs as in a build: names confirmed by a title anywhere in
// the corpus are recognised everywhere.
//
// Corpus used so far: the People's Daily (1998) NER test set as distributed with
// zjy-ucas/ChineseNER (data/example.test, 4,636 sentences, BIO with PER/LOC/ORG). It is
// not shipped here (licence unclear); pass its path.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { tag } from 'jieba-wasm'
import { findKnownNames } from '../src/tag/index.js'
import { findPeople } from '../src/tag/people.js'

const { values } = parseArgs({ options: { corpus: { type: 'string' } } })
if (!values.corpus) {
  process.stdout.write('usage: npm run eval -- --corpus FILE  (a BIO corpus such as example.test of zjy-ucas/ChineseNER; see bench/eval-names.ts)\n')
  process.exit(0)
}

interface Sentence {
  text: string
  names: Set<string>
}

function readBio(file: string): Sentence[] {
  return readFileSync(file, 'utf8')
    .split(/\n\s*\n/u)
    .map((block) => {
      let text = ''
      const names = new Set<string>()
      let cur = ''
      for (const row of block.split('\n')) {
        const [c, t] = row.split(' ')
        if (!c) continue
        text += c
        if (t === 'B-PER') {
          if (cur) names.add(cur)
          cur = c
        } else if (t === 'I-PER' && cur) cur += c
        else {
          if (cur) names.add(cur)
          cur = ''
        }
      }
      if (cur) names.add(cur)
      return { text, names }
    })
    .filter((s) => s.text !== '')
}

interface Score {
  tp: number
  fp: number
  fn: number
}
const f = (s: Score): string => {
  const p = s.tp / (s.tp + s.fp || 1)
  const r = s.tp / (s.tp + s.fn || 1)
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`
}
function add(score: Score, gold: Set<string>, got: Set<string>): void {
  for (const g of gold) got.has(g) ? score.tp++ : score.fn++
  for (const g of got) if (!gold.has(g)) score.fp++
}

const sentences = readBio(values.corpus)
const hits = sentences.map((s) => findPeople(s.text))
const known = new Map<string, string>()
for (const h of hits.flat()) known.set(h.name, h.name)
/** Reports about officials: the genre this tagger is built for. */
const OFFICIAL = /(?:书记|市长|县长|区长|镇长|乡长|局长|厅长|主任|部长|主席|委员|常委|省长)/u
const ours = { all: { tp: 0, fp: 0, fn: 0 }, official: { tp: 0, fp: 0, fn: 0 } }
const jieba = { all: { tp: 0, fp: 0, fn: 0 }, official: { tp: 0, fp: 0, fn: 0 } }
sentences.forEach((s, i) => {
  const mine = new Set([...(hits[i] ?? []).map((h) => h.name), ...findKnownNames(s.text, known).map((k) => k.name)])
  const theirs = new Set(tag(s.text, true).filter((w) => /^nr/u.test(w.tag)).map((w) => w.word))
  add(ours.all, s.names, mine)
  add(jieba.all, s.names, theirs)
  if (OFFICIAL.test(s.text)) {
    add(ours.official, s.names, mine)
    add(jieba.official, s.names, theirs)
  }
})
const official = sentences.filter((s) => OFFICIAL.test(s.text)).length
process.stdout.write(
  [
    `corpus ${values.corpus}: ${sentences.length} sentences, ${sentences.reduce((n, s) => n + s.names.size, 0)} names`,
    `all sentences           ours  ${f(ours.all)}`,
    `                        jieba ${f(jieba.all)}`,
    `officials' news (${official}) ours  ${f(ours.official)}`,
    `                        jieba ${f(jieba.official)}`,
  ].join('\n') + '\n',
)
