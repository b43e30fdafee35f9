// Mentions per calendar month, for the small charts on person and topic pages. Dates are
// calendar dates (`YYYY-MM-DD`), so months are read from the text; no Date object, no time zone.

export interface MonthCount {
  /** `YYYY-MM`. */
  month: string
  count: number
}

const MONTH = /^(?<year>\d{4})-(?<month>\d{2})/u

function parseMonth(date: string): { year: number; month: number } {
  const match = MONTH.exec(date)
  if (!match?.groups) throw new Error(`Unexpected date "${date}", expected YYYY-MM-DD`)
  return { year: Number(match.groups.year), month: Number(match.groups.month) }
}

function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}

/** Every month from the earliest date's to the latest date's, months without a date counted 0; [] for no dates. */
export function monthCounts(dates: readonly string[]): MonthCount[] {
  if (dates.length === 0) return []
  const counts = new Map<string, number>()
  for (const date of dates) {
    const { year, month } = parseMonth(date)
    const key = monthKey(year, month)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const keys = [...counts.keys()].sort()
  const start = parseMonth(keys[0]!)
  const end = parseMonth(keys[keys.length - 1]!)
  const out: MonthCount[] = []
  for (let { year, month } = start; year < end.year || (year === end.year && month <= end.month); ) {
    const key = monthKey(year, month)
    out.push({ month: key, count: counts.get(key) ?? 0 })
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }
  return out
}
