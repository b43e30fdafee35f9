import { describe, expect, test } from 'vitest'
import { roleTimeline, splitRoles } from '../../src/render/role-timeline.js'

describe('splitRoles', () => {
  test('a printed role string is cut at 、 into single titles', () => {
    expect(splitRoles('县委副书记、县长、县防汛指挥部总指挥')).toEqual(['县委副书记', '县长', '县防汛指挥部总指挥'])
  })

  test('empty parts and spaces around titles are dropped', () => {
    expect(splitRoles(' 县长、、 副县长 、')).toEqual(['县长', '副县长'])
  })
})

describe('roleTimeline', () => {
  test('each title gets the first and last issue date it was printed in', () => {
    const spans = roleTimeline([
      { date: '2020-09-01', roles: ['县委副书记、县长'], source: 'c' },
      { date: '2019-03-05', roles: ['县委副书记、代县长'], source: 'a' },
      { date: '2019-11-20', roles: ['县委副书记、县长'], source: 'b' },
    ])
    expect(spans.map(({ title, first, last, count }) => ({ title, first, last, count }))).toEqual([
      { title: '县委副书记', first: '2019-03-05', last: '2020-09-01', count: 3 },
      { title: '代县长', first: '2019-03-05', last: '2019-03-05', count: 1 },
      { title: '县长', first: '2019-11-20', last: '2020-09-01', count: 2 },
    ])
  })

  test('first and last carry the stories the title was first and last printed in', () => {
    const spans = roleTimeline([
      { date: '2021-06-01', roles: ['副县长'], source: 'later' },
      { date: '2021-01-15', roles: ['副县长'], source: 'earlier' },
    ])
    expect(spans).toMatchObject([{ title: '副县长', firstSource: 'earlier', lastSource: 'later' }])
  })

  test('titles first printed the same day keep their printed order', () => {
    const spans = roleTimeline([{ date: '2022-02-02', roles: ['镇党委书记、镇长'], source: 1 }])
    expect(spans.map((span) => span.title)).toEqual(['镇党委书记', '镇长'])
  })

  test('a title printed twice in one story counts that story once', () => {
    const spans = roleTimeline([{ date: '2022-02-02', roles: ['县长', '县委副书记、县长'], source: 1 }])
    expect(spans.find((span) => span.title === '县长')?.count).toBe(1)
  })

  test('mentions without printed roles give no titles', () => {
    expect(roleTimeline([{ date: '2022-02-02', roles: [], source: 1 }])).toEqual([])
  })
})
