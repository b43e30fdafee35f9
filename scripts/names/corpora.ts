// npm run name-corpora -- --out FILE [--exclude FILE]... SOURCE...
// Turns public annotated corpora of different formats into one character BIO file with
// person names only (`字\tB-PER`, sentences separated by blank lines), the input of
// `npm run train-names`. A SOURCE is `FORMAT:PATH`:
//   bio:PATH      one `字 TAG` per line, blank lines between sentences (PER, PERSON, nr)
//   pairs:SENTENCES+TAGS  space-separated characters per line in one file, their tags in the other
//   cluener:PATH  CLUENER2020 JSON lines (`label.name` spans)
//   boson:PATH    BosonNLP `{{person_name:…}}` markup, one document per line
//   weibo:PATH    Weibo NER (Peng & Dredze 2015) CoNLL: `字\tB-PER.NAM`; only named persons
//                 (PER.NAM), not nominal mentions (PER.NOM, `记者`, `妈妈`)
// --exclude drops every training sentence that shares a 12-character run with a
// sentence of the excluded corpus (the evaluation test set): some public corpora are cut
// from the same newspaper year, and a model must never see its test text.
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { readBioSentences, type BioSentence } from '../../bench/bio.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, exclude: { type: 'string', multiple: true } },
})
if (!values.out || positionals.length === 0) {
  process.stdout.write('usage: npm run name-corpora -- --out FILE [--exclude TEST] bio:PATH pairs:SENTENCES+TAGS cluener:PATH boson:PATH weibo:PATH\n')
  process.exit(0)
}

function fromPairs(paths: string): BioSentence[] {
  const [sentences = '', tagFile = ''] = paths.split('+')
  const chars = readFileSync(sentences, 'utf8').split('\n')
  const tags = readFileSync(tagFile, 'utf8').split('\n')
  return chars.flatMap((line, k) => {
    const cs = line.trim().split(/\s+/u).filter(Boolean)
    const ts = (tags[k] ?? '').trim().split(/\s+/u)
    if (cs.length === 0 || cs.length !== ts.length) return []
    return [spansOf(cs.join(''), [...cs], ts)]
  })
}

function spansOf(text: string, chars: string[], tags: string[]): BioSentence {
  const names: [number, number][] = []
  let start = -1
  let offset = 0
  const close = (end: number): void => {
    if (start >= 0) names.push([start, end])
    start = -1
  }
  chars.forEach((c, k) => {
    const t = tags[k] ?? 'O'
    if (/^B-(?:PER|PERSON|NR)\b/iu.test(t)) {
      close(offset)
      start = offset
    } else if (!/^I-(?:PER|PERSON|NR)\b/iu.test(t)) close(offset)
    offset += c.length
  })
  close(offset)
  return { text, names }
}

function fromCluener(path: string): BioSentence[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const row = JSON.parse(line) as { text: string; label?: { name?: Record<string, [number, number][]> } }
      const names: [number, number][] = []
      for (const spans of Object.values(row.label?.name ?? {})) for (const [a, b] of spans) names.push([a, b + 1])
      return { text: row.text, names: names.sort((x, y) => x[0] - y[0]) }
    })
}

function fromBoson(path: string): BioSentence[] {
  const out: BioSentence[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    // one document per line: cut it into sentences so a sentence is the unit, as in the other corpora
    let text = ''
    const names: [number, number][] = []
    for (const m of line.replace(/\\n/gu, '').matchAll(/\{\{(\w+):\s*([^}]*)\}\}|([^{]+|\{)/gu)) {
      const body = m[3] ?? (m[2] ?? '').trim()
      if (m[1] === 'person_name') names.push([text.length, text.length + body.length])
      text += body
      if (m[3] && /[。！？]$/u.test(text)) {
        out.push({ text, names: [...names] })
        text = ''
        names.length = 0
      }
    }
    if (text) out.push({ text, names })
  }
  return out
}

/** Reads `字 TAG` lines, blank lines between sentences, turning the tags `personTag` reads as a person's into B-PER/I-PER. */
function fromTagLines(path: string, personTag: (tag: string) => 'B' | 'I' | null): BioSentence[] {
  const out: BioSentence[] = []
  for (const block of readFileSync(path, 'utf8').split(/\n\s*\n/u)) {
    const chars: string[] = []
    const tags: string[] = []
    for (const row of block.split('\n')) {
      const [c, t = 'O'] = row.trim().split(/[ \t]+/u)
      if (!c) continue
      const kind = personTag(t)
      chars.push(c)
      tags.push(kind ? `${kind}-PER` : 'O')
    }
    if (chars.length) out.push(spansOf(chars.join(''), chars, tags))
  }
  return out
}

const fromWeibo = (path: string): BioSentence[] =>
  fromTagLines(path, (t) => (/^B-PER\.NAM$/u.test(t) ? 'B' : /^I-PER\.NAM$/u.test(t) ? 'I' : null))

const readers: Record<string, (path: string) => BioSentence[]> = {
  bio: readBioSentences,
  weibo: fromWeibo,
  pairs: fromPairs,
  cluener: fromCluener,
  boson: fromBoson,
}

const RUN = 12
const excluded = new Set<string>()
for (const file of values.exclude ?? []) {
  for (const s of readBioSentences(file)) for (let k = 0; k + RUN <= s.text.length; k++) excluded.add(s.text.slice(k, k + RUN))
}

const seen = new Set<string>()
const kept: BioSentence[] = []
let dropped = 0
for (const source of positionals) {
  const colon = source.indexOf(':')
  const reader = readers[source.slice(0, colon)]
  if (!reader) throw new Error(`unknown source format in ${source}`)
  let n = 0
  for (const s of reader(source.slice(colon + 1))) {
    if (seen.has(s.text)) continue
    seen.add(s.text)
    let overlaps = false
    for (let k = 0; k + RUN <= s.text.length && !overlaps; k++) overlaps = excluded.has(s.text.slice(k, k + RUN))
    if (overlaps) {
      dropped++
      continue
    }
    kept.push(s)
    n++
  }
  process.stdout.write(`${source}: ${n} sentences\n`)
}
const lines: string[] = []
for (const s of kept) {
  const tags = new Array<string>(s.text.length).fill('O')
  for (const [a, b] of s.names) for (let k = a; k < b; k++) tags[k] = k === a ? 'B-PER' : 'I-PER'
  for (let k = 0; k < s.text.length; k++) if (/\S/u.test(s.text[k] as string)) lines.push(`${s.text[k]}\t${tags[k]}`)
  lines.push('')
}
writeFileSync(values.out, lines.join('\n'))
process.stdout.write(`${kept.length} sentences, ${kept.reduce((n, s) => n + s.names.length, 0)} names; ${dropped} dropped for sharing text with --exclude\n`)
