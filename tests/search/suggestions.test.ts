import { describe, expect, test } from 'vitest'
import { highlightNeedles } from '../../src/search/highlight.js'
import { looserQueries } from '../../src/search/client/suggestions.js'

describe('looserQueries', () => {
  test('a single short word has nothing looser', () => {
    expect(looserQueries('五金')).toEqual([])
  })

  test('a long Chinese word is offered shorter, and the last of several terms dropped', () => {
    expect(looserQueries('胡勇春 不存在的词').map((alt) => alt.query)).toEqual(['胡勇 不存在的词', '胡勇春'])
  })

  test('a person, topic or org filter is offered as a plain word search, and the filters dropped', () => {
    expect(looserQueries('会议 person:章旭升 year:2019')).toEqual([
      { query: '会议 章旭升 year:2019', reason: '把“person:章旭升”改为全文搜索“章旭升”' },
      { query: '会议 person:章旭升', reason: '去掉最后一个条件“year:2019”' },
      { query: '会议', reason: '去掉全部筛选条件' },
    ])
  })
})

describe('highlightNeedles', () => {
  test('words, phrases, people and organizations, without symbols and dates', () => {
    expect(highlightNeedles('胡勇春 "五金 城" person:章旭升 org:市政府 topic:五金产业 date:2022 * 😀')).toEqual([
      '胡勇春',
      '五金 城',
      '章旭升',
      '市政府',
    ])
  })
})
