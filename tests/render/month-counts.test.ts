import { describe, expect, test } from 'vitest'
import { monthCounts } from '../../src/render/month-counts.js'

describe('monthCounts', () => {
  test('dates are counted in their calendar month', () => {
    expect(monthCounts(['2021-03-01', '2021-03-31', '2021-04-15'])).toEqual([
      { month: '2021-03', count: 2 },
      { month: '2021-04', count: 1 },
    ])
  })

  test('months between the first and last date are there with 0, across a year end', () => {
    expect(monthCounts(['2021-11-30', '2022-02-01'])).toEqual([
      { month: '2021-11', count: 1 },
      { month: '2021-12', count: 0 },
      { month: '2022-01', count: 0 },
      { month: '2022-02', count: 1 },
    ])
  })

  test('the order of the dates does not matter', () => {
    expect(monthCounts(['2022-02-01', '2021-12-05', '2022-02-20'])).toEqual(monthCounts(['2021-12-05', '2022-02-20', '2022-02-01']))
  })

  test('no dates give no months', () => {
    expect(monthCounts([])).toEqual([])
  })
})
