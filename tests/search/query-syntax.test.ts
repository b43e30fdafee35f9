import { describe, expect, test } from 'vitest'
import { filterPart, parseDateRange, parseQuery, queryParts } from '../../src/search/query-syntax.js'

describe('parseQuery', () => {
  test('words separated by spaces are separate terms', () => {
    expect(parseQuery('五金  出口').terms).toEqual(['五金', '出口'])
  })

  test('a quoted phrase is one term, spaces included', () => {
    expect(parseQuery('"smart city" 五金').terms).toEqual(['smart city', '五金'])
  })

  test('Chinese quotation marks quote too', () => {
    expect(parseQuery('“五金 城”').terms).toEqual(['五金 城'])
  })

  test('an unbalanced quote runs to the end of the query', () => {
    expect(parseQuery('出口 "五金 城').terms).toEqual(['出口', '五金 城'])
  })

  test('person: and topic: become filters', () => {
    expect(parseQuery('person:王小明 topic:五金产业 会见')).toMatchObject({
      terms: ['会见'],
      people: ['王小明'],
      topics: ['五金产业'],
    })
  })

  test('a filter value may be quoted', () => {
    expect(parseQuery('person:"Anna Li"').people).toEqual(['Anna Li'])
  })

  test('a full-width colon typed with a Chinese keyboard works', () => {
    expect(parseQuery('person：王小明').people).toEqual(['王小明'])
  })

  test('filter keys ignore case', () => {
    expect(parseQuery('Topic:五金').topics).toEqual(['五金'])
  })

  test('a filter without a value is reported, not searched', () => {
    expect(parseQuery('person:')).toMatchObject({ people: [], terms: [], problems: ['“person:”后面缺少内容'] })
  })

  test('an unreadable date is reported', () => {
    expect(parseQuery('date:2022-13').problems).toHaveLength(1)
  })

  test('two date filters intersect', () => {
    expect(parseQuery('date:2022 date:2022-06..2023').dateRange).toEqual({ from: '2022-06-01', to: '2022-12-31' })
  })

  test('operator characters stay plain terms (lunr syntax is not used)', () => {
    expect(parseQuery('* ~ ^ : +五金').terms).toEqual(['*', '~', '^', ':', '+五金'])
  })
})

describe('parseDateRange', () => {
  test('a year covers the whole year', () => {
    expect(parseDateRange('2022')).toEqual({ from: '2022-01-01', to: '2022-12-31' })
  })

  test('a month covers the whole month, leap years included', () => {
    expect(parseDateRange('2024-2')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
  })

  test('both ends of a range are inclusive', () => {
    expect(parseDateRange('2022-01..2022-06')).toEqual({ from: '2022-01-01', to: '2022-06-30' })
  })

  test('an end may be left open', () => {
    expect(parseDateRange('..2022-06-07')).toEqual({ from: '0000-01-01', to: '2022-06-07' })
  })

  test('a reversed range is searched the right way round', () => {
    expect(parseDateRange('2022-06..2022-01')).toEqual({ from: '2022-01-01', to: '2022-06-30' })
  })

  test('an impossible day is refused', () => {
    expect(parseDateRange('2023-02-29')).toBeNull()
  })
})

describe('org: and year:', () => {
  test('org: becomes an organization filter, and may be quoted', () => {
    expect(parseQuery('org:市政府 org:"Smart Co" 会议')).toMatchObject({ terms: ['会议'], organizations: ['市政府', 'Smart Co'] })
  })

  test('year: is the whole year as a date range', () => {
    expect(parseQuery('year:2022').dateRange).toEqual({ from: '2022-01-01', to: '2022-12-31' })
  })

  test('year: and date: narrow each other', () => {
    expect(parseQuery('year:2022 date:2022-06..2023-02').dateRange).toEqual({ from: '2022-06-01', to: '2022-12-31' })
  })

  test('a year that is not four digits is a problem worded for the reader', () => {
    expect(parseQuery('year:22').problems).toEqual(['无法识别年份“22”，请写成 year:2022'])
    expect(parseQuery('year:2022-06').problems).toHaveLength(1)
  })

  test('an empty org: or year: is a problem, not a filter', () => {
    expect(parseQuery('org: year:').problems).toEqual(['“org:”后面缺少内容', '“year:”后面缺少内容'])
  })
})

describe('queryParts and filterPart', () => {
  test('parts keep their quotes and say which filter they are', () => {
    expect(queryParts('五金 "smart city" person:"Anna Li" year:2022')).toEqual([
      { source: '五金', filter: null, value: '五金' },
      { source: '"smart city"', filter: null, value: 'smart city' },
      { source: 'person:"Anna Li"', filter: 'person', value: 'Anna Li' },
      { source: 'year:2022', filter: 'year', value: '2022' },
    ])
  })

  test('an unbalanced quote is a part that runs to the end', () => {
    expect(queryParts('出口 "五金 城').map((part) => part.source)).toEqual(['出口', '"五金 城'])
  })

  test('filterPart quotes a value with a space', () => {
    expect(filterPart('topic', '疫情防控')).toBe('topic:疫情防控')
    expect(filterPart('person', 'Anna Li')).toBe('person:"Anna Li"')
    expect(parseQuery(filterPart('person', 'Anna Li')).people).toEqual(['Anna Li'])
  })
})
