// A story's paragraphs held as one string (segment/packed-paragraphs.ts) read back as the
// same paragraphs, in JSON, across threads and in the page cache, and cannot be written to.
import { deserialize, serialize } from 'node:v8'
import { describe, expect, test } from 'vitest'
import { bodyText, isPackedStory, leadText, packStory, storyForTransit, storyFromTransit, type StoryInTransit } from '../../src/segment/packed-paragraphs.js'
import { pageForTransit, pageFromTransit, packPageLines } from '../../src/segment/packed-lines.js'
import type { Paragraph, SegmentedPage, Story } from '../../src/types.js'

function story(paragraphs: Paragraph[]): Story {
  return {
    id: '2023-03-16-p1-l9',
    kind: 'report',
    column: null,
    headline: ['标题'],
    title: '标题',
    titleDerived: false,
    byline: [{ name: '张赤奎', role: '融媒首席记者' }],
    date: null,
    paragraphs,
    people: [{ name: '章旭升', roles: ['市委书记'] }],
    organizations: [],
    topics: ['五金产业'],
    photographers: [],
    continuedOn: null,
    continuedFrom: null,
    apparatus: ['本报讯'],
    lines: [9, 14],
    bodyLine: 10,
  }
}

const paragraphs = (): Paragraph[] => [
  { text: '本报讯 12月9日上午，市委书记章旭升与多家涉企重点部门负责人座谈。', lines: [10, 11, 13] },
  { text: '', lines: [] },
  { text: '* # 1. 他强调：要打造“世界五金之都”。', lines: [14] },
]

describe('packStory', () => {
  test('reads back the same story, key for key, in JSON and as objects', () => {
    const plain = story(paragraphs())
    const packed = packStory(story(paragraphs()))
    expect(isPackedStory(packed)).toBe(true)
    expect(isPackedStory(plain)).toBe(false)
    expect(JSON.stringify(packed)).toBe(JSON.stringify(plain))
    expect(Object.keys(packed)).toEqual(Object.keys(plain))
    expect(packed.paragraphs).toEqual(plain.paragraphs)
  })

  test('its paragraphs cannot be written to: the build keys them by the page they came from', () => {
    const packed = packStory(story(paragraphs()))
    expect(() => packed.paragraphs.push({ text: 'x', lines: [1] })).toThrow(TypeError)
    expect(() => {
      packed.paragraphs[0]!.text = 'x'
    }).toThrow(TypeError)
    expect(() => packed.paragraphs[0]!.lines.push(1)).toThrow(TypeError)
    expect(() => {
      packed.paragraphs = []
    }).toThrow(TypeError)
    // The other fields stay plain data: tagging and corrections write them.
    packed.people = []
    expect(packed.people).toEqual([])
  })

  test('body and lead text read from the packing equal those of the paragraphs', () => {
    for (const list of [paragraphs(), [], [{ text: '只有一段', lines: [3] }]]) {
      const plain = story(list)
      const packed = packStory(story(list))
      for (const separator of ['', '\n', '\n\n']) expect(bodyText(packed, separator)).toBe(plain.paragraphs.map((p) => p.text).join(separator))
      expect(leadText(packed)).toBe(plain.paragraphs[0]?.text ?? '')
      expect(bodyText(plain, '')).toBe(bodyText(packed, ''))
    }
  })

  test('leaves a story it cannot pack as it is: a paragraph holding a line break, an unexpected field, a line number past the packing', () => {
    for (const list of [[{ text: '一\n二', lines: [1] }], [{ text: '一', lines: [1], extra: true } as Paragraph], [{ text: '一', lines: [0xd800] }]]) {
      const odd = story(list)
      expect(packStory(odd)).toBe(odd)
    }
    const packed = packStory(story(paragraphs()))
    expect(packStory(packed)).toBe(packed)
  })

  test('crosses threads and the page cache packed, and reads back the same', () => {
    const packed = packStory(story(paragraphs()))
    const sent = storyForTransit(packed)
    expect(typeof sent.paragraphs).toBe('string')
    for (const copy of [structuredClone(sent), deserialize(serialize(sent)) as StoryInTransit]) {
      const back = storyFromTransit(copy)
      expect(isPackedStory(back)).toBe(true)
      expect(JSON.stringify(back)).toBe(JSON.stringify(packed))
    }
    const plain = story(paragraphs())
    expect(storyFromTransit(structuredClone(storyForTransit(plain)))).toEqual(plain)
  })

  test("a page's stories travel packed with it, lines packed or not", () => {
    const page = (): SegmentedPage => ({
      page: { meta: { paper: '永康日报', date: '2023-03-16', page: 1, source: null }, contentPath: '2023/2023-03-16/page-01.txt', displayPath: 'page-01.txt', firstLine: 5 },
      lines: [{ line: 10, raw: '本报讯', text: '本报讯', blankBefore: 0 }],
      stories: [packStory(story(paragraphs())), story(paragraphs())],
      furniture: [],
      lineRoles: [{ line: 10, kind: 'body', story: 0 }],
    })
    for (const made of [page(), packPageLines(page())]) {
      const sent = structuredClone(pageForTransit(made))
      const stories = sent.page.stories as StoryInTransit[]
      expect(typeof stories[0]!.paragraphs).toBe('string')
      expect(Array.isArray(stories[1]!.paragraphs)).toBe(true)
      const back = pageFromTransit(sent)
      expect(isPackedStory(back.stories[0]!)).toBe(true)
      expect(JSON.stringify(back)).toBe(JSON.stringify(made))
    }
  })
})
