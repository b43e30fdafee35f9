// words.ts: which tagged names become whole-word terms, and where the tokenizer finds them.

import { expect, test } from 'vitest'
import { tokenize } from '../../src/search/tokenizer.js'
import { facetTables } from '../../src/search/facet-files.js'
import type { SearchDoc } from '../../src/search/search-docs.js'
import { chooseWordsOf, defaultWordMinDocs, isIndexableWord, WordSet } from '../../src/search/words.js'

/** The words of docs tagged with these topics, through the facet tables a build makes. */
const wordsOfTopics = (docs: string[][], minDocs: number): string[] =>
  chooseWordsOf([facetTables(docs.map((topics, ref) => ({ ref, topics, people: [], peopleNames: [], organizations: [] }) as unknown as SearchDoc)).topics], minDocs)

test('names tagged on at least minDocs stories, normalised, three to twelve BMP CJK characters, sorted', () => {
  const docs = [
    ['安全生产', '李芳', 'ＡＢＣ公司', '五金城管委会'],
    ['安全生产', '安全生产', '𠀋𠀋𠀋', '五金城管委会'],
    ['乡村振兴', '五金城管委会'],
  ]
  expect(wordsOfTopics(docs, 2)).toEqual(['五金城管委会', '安全生产'])
  expect(wordsOfTopics(docs, 3)).toEqual(['五金城管委会'])
  expect(wordsOfTopics(docs, 1)).toEqual(['乡村振兴', '五金城管委会', '安全生产'])
})

test("from the facets' tables, a doc is counted once for a word however many of its names, in whichever table, normalise to it", () => {
  // Doc 0 has the word as a topic and (full-width spaced) as an organization; doc 1 as an organization; doc 2 as a person's registry name.
  const topics = new Map([['安全生产', [0]], ['乡村振兴', [0, 1]]])
  const organizations = new Map([['安全 生产', [0, 1]], ['李芳', [2]]])
  const peopleNames = new Map([['安全生产', [2]]])
  expect(chooseWordsOf([topics, organizations, peopleNames], 3)).toEqual(['安全生产'])
  expect(chooseWordsOf([topics, organizations, peopleNames], 4)).toEqual([])
  expect(chooseWordsOf([topics, organizations, peopleNames], 2)).toEqual(['乡村振兴', '安全生产'])
  expect(chooseWordsOf([topics, organizations, peopleNames], 1)).toEqual(['乡村振兴', '安全生产'])
})

test('what can be a word', () => {
  expect(isIndexableWord('安全生产')).toBe(true)
  expect(isIndexableWord('李芳')).toBe(false)
  expect(isIndexableWord('5g工厂')).toBe(false)
  expect(isIndexableWord('𠀋一二')).toBe(false)
  expect(isIndexableWord('一二三四五六七八九十一二三')).toBe(false)
  expect(() => new WordSet(['安全'])).toThrow()
})

test('the threshold grows with the archive: 0.2 %, at least 20 stories', () => {
  expect(defaultWordMinDocs(100)).toBe(20)
  expect(defaultWordMinDocs(100_000)).toBe(200)
})

test('the index tokenizer emits a word at every place its text occurs, overlapping ones included, never across a break', () => {
  const words = new WordSet(['安全生产', '生产经营', '全生产'])
  const found = tokenize('抓安全生产经营，安全 生产。安全\n\n生产', words)
    .filter((t) => t.kind === 'cjkWord')
    .map((t) => [t.term, t.position[0]])
  // 安全 生产 (one space between CJK is dropped by normalisation) is the word; a paragraph break is not.
  expect(found).toEqual([
    ['安全生产', 1],
    ['全生产', 2],
    ['生产经营', 3],
    ['安全生产', 8],
    ['全生产', 9],
  ])
})
