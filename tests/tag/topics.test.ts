import { expect, test } from 'vitest'
import { assignTopics, keywordHits } from '../../src/tag/topics.js'
import type { Taxonomy } from '../../src/tag/types.js'

const taxonomy: Taxonomy = {
  paragraphThreshold: 6,
  headlineThreshold: 3,
  topics: [
    { name: '乡村振兴', keywords: { 美丽乡村: 3, 乡村振兴: 3, 农业: 2, 村民: 1 } },
    { name: '生态环境', keywords: { 生态环境: 3, 美丽: 1, 河道: 2 } },
    { name: '民生', keywords: { 民生: 2, 人民生活: 0 } },
  ],
}
const story = (headline: string[], ...paragraphs: string[]) => ({ headline, column: null, paragraphs: paragraphs.map((text) => ({ text, lines: [] })) })
const long = (s: string): string => s + '。'.repeat(300)

test('a longer keyword hides the shorter ones inside it, across topics', () => {
  expect(keywordHits('建设美丽乡村', taxonomy)).toEqual(new Map([['乡村振兴', 3]]))
})

test('a weight-0 phrase only blocks the keyword inside it', () => {
  expect(keywordHits('提高人民生活水平', taxonomy)).toEqual(new Map())
})

test('each keyword is counted left to right without overlapping itself, where no longer keyword took the place', () => {
  const overlapping: Taxonomy = { ...taxonomy, topics: [{ name: '水', keywords: { 水水: 1 } }, { name: '治水', keywords: { 大治水: 5 } }] }
  // 水水水水水: 水水 at 0 and 2 (not 1 or 3: they overlap the one before), 4 is one character short.
  expect(keywordHits('水水水水水', overlapping)).toEqual(new Map([['水', 2]]))
  // 大治水 takes 0–2 first; 水水 then finds 2 (taken) and passes over 3, which overlaps it: none.
  expect(keywordHits('大治水水水', overlapping)).toEqual(new Map([['治水', 5]]))
  expect(keywordHits('大治水水水水', overlapping)).toEqual(new Map([['治水', 5], ['水', 1]]))
})

test('a paragraph spent on a topic assigns it', () => {
  expect(assignTopics(story([], long('推进乡村振兴，发展现代农业，建设美丽乡村。')), taxonomy)).toEqual(['乡村振兴'])
})

test('a passing mention does not', () => {
  expect(assignTopics(story([], long('会议还提到河道清理。'), long('推进乡村振兴，发展现代农业，建设美丽乡村。')), taxonomy)).toEqual(['乡村振兴'])
})
