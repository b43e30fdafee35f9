// coverTokens: the tokens a query term is looked up by. They must cover every code unit the
// term's tokens cover (so checking them at their offsets confirms the term as written), and
// be as few as a greedy cover allows.

import fc from 'fast-check'
import { expect, test } from 'vitest'
import { coverTokens } from '../../src/search/phrase.js'
import { tokenizeQuery, type Token } from '../../src/search/tokenizer.js'

const units = (tokens: readonly Token[]) => {
  const covered = new Set<number>()
  for (const { position: [start, length] } of tokens) for (let i = start; i < start + length; i++) covered.add(i)
  return [...covered].sort((a, b) => a - b)
}

test('a four-character word is covered by its first and last bigram', () => {
  expect(coverTokens(tokenizeQuery('疫情防控')).map((t) => t.term)).toEqual(['疫情', '防控'])
  expect(coverTokens(tokenizeQuery('五金产业园')).map((t) => t.term)).toEqual(['五金', '产业', '业园'])
  expect(coverTokens(tokenizeQuery('王小明')).map((t) => t.term)).toEqual(['王小', '小明'])
  expect(coverTokens(tokenizeQuery('城')).map((t) => t.term)).toEqual(['城'])
  expect(coverTokens(tokenizeQuery('covid-19城市')).map((t) => t.term)).toEqual(['covid', '19', '城市'])
})

test('for any text: the same code units covered, by a subset of the tokens in query order, none of which could be left out', () => {
  const piece = fc.constantFrom('王', '小', '明', '五', '金', 'ab', '7', '-', ' ', '𠀋', 'e\u0301')
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
      const tokens = tokenizeQuery(parts.join(''))
      const cover = coverTokens(tokens)
      expect(units(cover)).toEqual(units(tokens))
      expect(tokens.filter((t) => cover.includes(t))).toEqual(cover)
      for (const token of cover) expect(units(cover.filter((t) => t !== token))).not.toEqual(units(tokens))
    }),
    { numRuns: 300, seed: 4242 },
  )
})
