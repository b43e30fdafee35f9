import { expect, test } from 'vitest'
import { datesIn, eventDate } from '../../src/tag/event-date.js'

test('a month-day dateline takes the issue year', () => {
  expect(eventDate('5月12日上午，市里召开会议。', '2024-05-13')).toBe('2024-05-12')
})

test('a December day in a January issue belongs to the previous year', () => {
  expect(eventDate('12月30日，全县召开年终总结会。', '2024-01-02')).toBe('2023-12-30')
})

test('昨天 is the day before the issue', () => {
  expect(eventDate('昨天下午，志愿者来到社区。', '2024-03-01')).toBe('2024-02-29')
})

test('a day-only date takes the issue month', () => {
  expect(eventDate('18日上午，调研组来到园区。', '2024-06-19')).toBe('2024-06-18')
})

test('a day-only date after the issue day is in the previous month', () => {
  expect(eventDate('30日晚，演出在广场举行。', '2024-07-02')).toBe('2024-06-30')
})

test('the latest day named that is not after the issue date wins', () => {
  expect(eventDate('从3月1日到3月5日，全市开展检查，3月20日将复查。', '2024-03-06')).toBe('2024-03-05')
})

test('no day named gives null; 日前 is not a day', () => {
  expect(eventDate('日前，团县委组织青年志愿者开展活动。', '2024-03-06')).toBeNull()
})

test('an explicit year is kept', () => {
  expect(datesIn('2022年10月1日起施行', '2024-03-06')).toEqual(['2022-10-01'])
})
