import { describe, expect, test } from 'vitest'
import { archiveCalendar, daysInMonth, monthsBetween, monthsEndingWith, monthWeeks, weekday } from '../../src/render/calendar.js'
import { recentCounts, recentMonths } from '../../src/render/recent-mentions.js'
import { buildSiteContext } from '../../src/render/site-context.js'
import { peopleModel } from './fixtures/people-model.js'

describe('calendar arithmetic', () => {
  test('weekday counts Monday as 0 and Sunday as 6', () => {
    expect(weekday(2022, 6, 7)).toBe(1) // a Tuesday
    expect(weekday(2000, 1, 1)).toBe(5) // a Saturday
    expect(weekday(2024, 2, 29)).toBe(3) // a Thursday
    expect(weekday(2023, 1, 1)).toBe(6) // a Sunday
  })

  test('February has 29 days in leap years only', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 28, 29])
    expect([daysInMonth(2022, 4), daysInMonth(2022, 12)]).toEqual([30, 31])
  })

  test('a month is cut into Monday-first weeks padded with null', () => {
    const weeks = monthWeeks('2022-06')
    expect(weeks[0]).toEqual([null, null, '2022-06-01', '2022-06-02', '2022-06-03', '2022-06-04', '2022-06-05'])
    expect(weeks[weeks.length - 1]).toEqual(['2022-06-27', '2022-06-28', '2022-06-29', '2022-06-30', null, null, null])
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(30)
  })

  test('the archive calendar groups dates by year and month, oldest first, each date once', () => {
    expect(archiveCalendar(['2022-06-07', '2021-12-10', '2022-06-01', '2022-06-07', '2022-01-28'])).toEqual([
      { year: '2021', months: [{ month: '2021-12', dates: ['2021-12-10'] }] },
      {
        year: '2022',
        months: [
          { month: '2022-01', dates: ['2022-01-28'] },
          { month: '2022-06', dates: ['2022-06-01', '2022-06-07'] },
        ],
      },
    ])
  })

  test('months between two months include both ends, across a year boundary', () => {
    expect(monthsBetween('2021-11', '2022-02')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02'])
    expect(monthsBetween('2022-02', '2022-02')).toEqual(['2022-02'])
  })

  test('recent months run back across a year boundary', () => {
    expect(monthsEndingWith('2023-02', 3)).toEqual(['2022-12', '2023-01', '2023-02'])
    expect(recentMonths('2023-03-16')).toEqual(['2023-01', '2023-02', '2023-03'])
  })
})

describe('recent mentions', () => {
  const site = buildSiteContext(peopleModel())

  test('count only the stories of the recent months, most first, ties by name', () => {
    const counts = recentCounts(site.people, ['2019-12', '2020-01'])
    expect(counts.map(({ entry, count }) => [entry.name, count])).toEqual([
      ['何书宁', 1],
      ['周明远', 1],
      ['郑大川', 1],
    ])
  })

  test('counts, for any window, what counting every story of every entry counts', () => {
    const months = [...new Set(site.stories.map((ref) => ref.issue.date.slice(0, 7)))].sort()
    expect(months.length).toBeGreaterThan(2)
    for (const window of [months.slice(0, 1), months.slice(1, 3), months.slice(-2), ['1999-01']]) {
      const every = site.people
        .map((entry) => [entry.name, entry.stories.filter((ref) => window.includes(ref.issue.date.slice(0, 7))).length] as const)
        .filter(([, count]) => count > 0)
      const counted = recentCounts(site.people, window, site.people.length).map(({ entry, count }) => [entry.name, count] as const)
      expect(new Map(counted)).toEqual(new Map(every))
    }
  })

  test('names with no story in the window are left out', () => {
    expect(recentCounts(site.topics, ['2018-01'])).toEqual([])
  })
})
