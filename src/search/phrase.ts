// Confirms that a query term occurs as written, not merely as scattered bigrams: every token
// of the term must sit at the same offset relative to the others as it does in the query.
// `不存在的词` has bigrams that all occur somewhere in a long text; only an adjacent chain of
// 不存 存在 在的 的词 is a match.

import type { Token } from './tokenizer.js'

/** Start offsets of each term within one field of one document. */
export type StartsByTerm = ReadonlyMap<string, ReadonlySet<number>>

/** Every offset in the field's normalised text where `tokens` occur in query order and spacing. */
export function phraseStarts(tokens: readonly Token[], starts: StartsByTerm): number[] {
  const first = tokens[0]
  if (!first) return []
  const found: number[] = []
  for (const start of starts.get(first.term) ?? []) {
    const base = start - first.position[0]
    if (tokens.every((token) => starts.get(token.term)?.has(base + token.position[0]))) found.push(base)
  }
  return found.sort((a, b) => a - b)
}

export function hasPhrase(tokens: readonly Token[], starts: StartsByTerm): boolean {
  return phraseStarts(tokens, starts).length > 0
}

/**
 * The fewest of a term's tokens whose spans still cover every code unit any of them covers
 * (greedy interval cover), in query order. Checked at their offsets, they confirm the term
 * as written just as all tokens would: `疫情防控` needs `疫情` and `防控`, not `情防`. A query
 * then loads a third fewer postings for a four-character word, and those of the most common
 * words are the largest files a query loads.
 */
export function coverTokens(tokens: readonly Token[]): Token[] {
  const sorted = [...tokens].sort((a, b) => a.position[0] - b.position[0] || b.position[1] - a.position[1])
  const end = (token: Token) => token.position[0] + token.position[1]
  const chosen: Token[] = []
  let covered = -Infinity
  let i = 0
  while (i < sorted.length) {
    if (end(sorted[i]!) <= covered) {
      i++
      continue
    }
    // The first point not yet covered, and the token starting at or before it that reaches furthest.
    const from = Math.max(covered, sorted[i]!.position[0])
    let best = sorted[i]!
    for (let j = i; j < sorted.length && sorted[j]!.position[0] <= from; j++) if (end(sorted[j]!) > end(best)) best = sorted[j]!
    chosen.push(best)
    covered = end(best)
  }
  return tokens.filter((token) => chosen.includes(token))
}
