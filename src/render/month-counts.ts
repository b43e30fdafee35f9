// Mentions per calendar month, for the small charts on person and topic pages. Dates are
// calendar dates (`YYYY-MM-DD`); calendar.ts does the month arithmetic, with no Date object.

import { monthOf, monthsBetween } from './calendar.js'

export interface MonthCount {
  /** `YYYY-MM`. */
  month: string
  count: number
}

/** Every month from the earliest date's to the latest date's, months without a date counted 0; [] for no dates. */
export function monthCounts(dates: readonly string[]): MonthCount[] {
  const counts = new Map<string, number>()
  for (const date of dates) {
    const month = monthOf(date)
    counts.set(month, (counts.get(month) ?? 0) + 1)
  }
  const months = [...counts.keys()].sort()
  if (months.length === 0) return []
  return monthsBetween(months[0]!, months[months.length - 1]!).map((month) => ({ month, count: counts.get(month) ?? 0 }))
}
