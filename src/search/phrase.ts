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
