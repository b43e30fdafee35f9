import { expect, test } from 'vitest'
import { headlineSimilarity } from '../../src/segment/attach-headlines.js'
import type { DraftStory } from '../../src/segment/split-stories.js'

const story = (body: string): DraftStory => ({ paragraphs: [{ text: body, lines: [] }] }) as unknown as DraftStory

test("a headline's character pairs are looked for in the lead, punctuation and spaces left out", () => {
  expect(headlineSimilarity('五金 产业', story('今年五金产业产值增长。'))).toBe(1)
  expect(headlineSimilarity('五金产业', story('今年机械产值增长。'))).toBe(0)
  // 五金 and 产业 of 五金产业's three pairs: 金产 is not in 五金和产业.
  expect(headlineSimilarity('五金产业', story('五金和产业'))).toBeCloseTo(2 / 3)
  // The punctuation between them is left out of the story's text too.
  expect(headlineSimilarity('五金产业', story('五金、产业'))).toBe(1)
})

test('letters, digits and characters outside U+3000–U+9FFF are pairs like any other, each its own', () => {
  expect(headlineSimilarity('G60科创', story('G60科创走廊'))).toBe(1)
  // 𠀀 (U+20000) and 𠀁 are one character each; a pair of them matches only itself.
  expect(headlineSimilarity('𠀀𠀁', story('𠀀𠀁村'))).toBe(1)
  expect(headlineSimilarity('𠀀𠀁', story('𠀁𠀀村'))).toBe(0)
  expect(headlineSimilarity('a𠀁', story('b𠀁'))).toBe(0)
})
