// coverTokens: the tokens a query term is looked up by. They must cover every code unit the
// term's tokens cover (so checking them at their offsets confirms the term as written), and
// be as few as a greedy cover allows.

import fc from 'fast-check'
import { expect, test } from 'vitest'
import { coverTokens } from '../../src/search/phrase.js'
import { tokenizeQuery, type Token } from '../../src/search/tokenizer.js'
import { WordSet } from '../../src/search/words.js'

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

test('an indexed whole word covers its part of a run in one token', () => {
  const words = new WordSet(['安全生产', '生产经营', '五金城管委会'])
  const cover = (query: string) => coverTokens(tokenizeQuery(query, words)).map((t) => t.term)
  expect(cover('安全生产')).toEqual(['安全生产'])
  expect(cover('安全生产工作')).toEqual(['安全生产', '工作'])
  // Two overlapping words: the first, then the furthest-reaching token from where it ends.
  expect(cover('安全生产经营')).toEqual(['安全生产', '生产经营'])
  // Part of a word is not the word: bigrams, as without words.
  expect(cover('五金城管')).toEqual(['五金', '城管'])
  expect(cover('五金城管委会')).toEqual(['五金城管委会'])
  expect(cover('安全')).toEqual(['安全'])
})

test('with words too, the cover spans every code unit the tokens span and none of it can be left out', () => {
  const words = new WordSet(['王小明', '小明五金', '五金五金'])
  const piece = fc.constantFrom('王', '小', '明', '五', '金', 'ab', ' ', '𠀋')
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
      const tokens = tokenizeQuery(parts.join(''), words)
      const cover = coverTokens(tokens)
      expect(units(cover)).toEqual(units(tokens))
      for (const token of cover) expect(units(cover.filter((t) => t !== token))).not.toEqual(units(tokens))
    }),
    { numRuns: 300, seed: 4243 },
  )
})
