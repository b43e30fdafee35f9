// Reading character-level BIO corpora (`字 TAG` or `字\tTAG` per line, `B-PER` or `B_PER`, blank lines between
// sentences): the text of each sentence and its person-name spans. Used by the name
// benchmark, the training script and the corpus converter.
import { readFileSync } from 'node:fs'

export interface BioSentence {
  text: string
  /** Person names as [start, end) offsets into `text`. */
  names: [number, number][]
}

const BEGIN = /^B[-_](?:PER|PERSON|NR)\b/iu
const INSIDE = /^I[-_](?:PER|PERSON|NR)\b/iu

export function readBioSentences(file: string): BioSentence[] {
  const out: BioSentence[] = []
  for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/u)) {
    let text = ''
    const names: [number, number][] = []
    let start = -1
    const close = (): void => {
      if (start >= 0) names.push([start, text.length])
      start = -1
    }
    for (const row of block.split('\n')) {
      const [c, t = 'O'] = row.split(/[ \t]/u)
      if (!c) continue
      if (BEGIN.test(t)) {
        close()
        start = text.length
      } else if (!INSIDE.test(t)) close()
      text += c
    }
    close()
    if (text !== '') out.push({ text, names })
  }
  return out
}

/** The names of a sentence as strings. */
export const nameStrings = (s: BioSentence): Set<string> => new Set(s.names.map(([a, b]) => s.text.slice(a, b)))
