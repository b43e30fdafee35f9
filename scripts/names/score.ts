// Scoring a person tagger against a BIO corpus as the build runs it: every name found
// anywhere in the corpus (the archive) is then recognised in every sentence
// (findKnownNames), and a surname standing alone (`项市长`) counts only where it is
// resolved to a full name — in the same sentence, or in the archive by the same title
// (printed before the name or, as an office, right after it: `江泽民主席`)
// (resolveSurname). Sentences stand for stories: the corpora keep no story boundaries.
// Used by `npm run eval` and by `npm run train-names` to choose the decision rule.
import { nameStrings, type BioSentence } from '../../bench/bio.js'
import { findKnownNames } from '../../src/tag/index.js'
import type { PersonHit } from '../../src/tag/people.js'
import { resolveSurname, titlesOf } from '../../src/tag/surname-mentions.js'

export interface Score {
  tp: number
  fp: number
  fn: number
  /** true positives that are a surname standing alone, resolved to a full name */
  resolved: number
}

export const emptyScore = (): Score => ({ tp: 0, fp: 0, fn: 0, resolved: 0 })

export function prf(s: Score): { p: number; r: number; f1: number } {
  const p = s.tp / (s.tp + s.fp || 1)
  const r = s.tp / (s.tp + s.fn || 1)
  return { p, r, f1: (2 * p * r) / (p + r || 1) }
}

export const formatScore = (s: Score): string => {
  const { p, r, f1 } = prf(s)
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn}${s.resolved ? `; ${s.resolved} of the tp a surname resolved to a full name` : ''})`
}

export interface Found {
  /** per sentence, the printed strings taken as names (a resolved surname as printed: 项) */
  names: Set<string>[]
  /** per sentence, the surnames among them that count only through resolution */
  resolved: Set<string>[]
}

/** Runs a tagger over the corpus as a build does. */
export function runTagger(sentences: readonly BioSentence[], find: (text: string) => PersonHit[]): Found {
  const hits = sentences.map((s) => find(s.text))
  const known = new Map<string, string>()
  const roles = new Map<string, string[]>()
  for (const h of hits.flat()) {
    if (h.evidence === 'surname') continue
    known.set(h.name, h.name)
    for (const r of titlesOf(h)) roles.set(h.name, [...(roles.get(h.name) ?? []), r])
  }
  const names: Set<string>[] = []
  const resolved: Set<string>[] = []
  sentences.forEach((s, i) => {
    const own = (hits[i] ?? []).filter((h) => h.evidence !== 'surname').map((h) => h.name)
    const got = new Set([...own, ...findKnownNames(s.text, known).map((k) => k.name)])
    const viaSurname = new Set<string>()
    for (const h of hits[i] ?? []) {
      if (h.evidence === 'surname' && resolveSurname(h.name, h.role, got, roles) && !got.has(h.name)) viaSurname.add(h.name)
    }
    names.push(new Set([...got, ...viaSurname]))
    resolved.push(viaSurname)
  })
  return { names, resolved }
}

/** Adds the sentences `keep` selects to a score. */
export function scoreFound(sentences: readonly BioSentence[], found: Found, keep: (text: string) => boolean = () => true): Score {
  const score = emptyScore()
  sentences.forEach((s, i) => {
    if (!keep(s.text)) return
    const gold = nameStrings(s)
    const got = found.names[i] ?? new Set<string>()
    for (const g of gold) {
      if (got.has(g)) {
        score.tp++
        if (found.resolved[i]?.has(g)) score.resolved++
      } else score.fn++
    }
    for (const g of got) if (!gold.has(g)) score.fp++
  })
  return score
}
