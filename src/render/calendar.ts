// Calendar arithmetic on calendar dates (`YYYY-MM-DD`, `YYYY-MM`): which days, months and
// years have an issue, and how a month's days fall into weeks. Dates are read as text and
// computed with integer arithmetic: no Date object, so no time zone can shift a day.

const DATE = /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})$/u
const MONTH = /^(?<year>\d{4})-(?<month>\d{2})$/u

function two(n: number): string {
  return String(n).padStart(2, '0')
}

export function parseMonth(month: string): { year: number; month: number } {
  const match = MONTH.exec(month)
  if (!match?.groups) throw new Error(`Unexpected month "${month}", expected YYYY-MM`)
  return { year: Number(match.groups.year), month: Number(match.groups.month) }
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const match = DATE.exec(date)
  if (!match?.groups) throw new Error(`Unexpected date "${date}", expected YYYY-MM-DD`)
  return { year: Number(match.groups.year), month: Number(match.groups.month), day: Number(match.groups.day) }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

// Sakamoto's method: the offset of each month's first day within the week, for a year that starts on Sunday.
const MONTH_OFFSETS = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const

/** Day of the week of a Gregorian date, 0 = Monday … 6 = Sunday (weeks start on Monday, as Chinese calendars print them). */
export function weekday(year: number, month: number, day: number): number {
  const y = month < 3 ? year - 1 : year
  const sundayFirst = (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + MONTH_OFFSETS[month - 1]! + day) % 7
  return (sundayFirst + 6) % 7
}

/** The month's days as weeks of seven dates (Monday first); days of the neighbouring months are null. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const { year, month: number } = parseMonth(month)
  const cells: Array<string | null> = Array.from({ length: weekday(year, number, 1) }, () => null)
  for (let day = 1; day <= daysInMonth(year, number); day++) cells.push(`${month}-${two(day)}`)
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: Array<Array<string | null>> = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

export interface ArchiveMonth {
  /** `YYYY-MM`. */
  month: string
  /** Days with an issue, oldest first. */
  dates: string[]
}

export interface ArchiveYear {
  /** `YYYY`. */
  year: string
  /** Months with an issue, oldest first. */
  months: ArchiveMonth[]
}

/** Years → months → days that have an issue, oldest first at every level; each date once. */
export function archiveCalendar(dates: readonly string[]): ArchiveYear[] {
  const years: ArchiveYear[] = []
  for (const date of [...new Set(dates)].sort()) {
    parseDate(date)
    const year = date.slice(0, 4)
    const month = date.slice(0, 7)
    let entry = years[years.length - 1]
    if (entry?.year !== year) years.push((entry = { year, months: [] }))
    let monthEntry = entry.months[entry.months.length - 1]
    if (monthEntry?.month !== month) entry.months.push((monthEntry = { month, dates: [] }))
    monthEntry.dates.push(date)
  }
  return years
}

/** The `count` calendar months that end with `month`, oldest first (`2023-02`, 3 → `2022-12`, `2023-01`, `2023-02`). */
export function monthsEndingWith(month: string, count: number): string[] {
  const { year, month: number } = parseMonth(month)
  const out: string[] = []
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (number - 1) - i
    out.push(`${Math.floor(index / 12)}-${two((index % 12) + 1)}`)
  }
  return out
}

/** `2022-06-07` → `2022-06`, checking that it is a date. */
export function monthOf(date: string): string {
  parseDate(date)
  return date.slice(0, 7)
}

/** The months from `first` to `last` (`YYYY-MM`), both included, oldest first. */
export function monthsBetween(first: string, last: string): string[] {
  const from = parseMonth(first)
  const to = parseMonth(last)
  const count = (to.year - from.year) * 12 + (to.month - from.month) + 1
  return count > 0 ? monthsEndingWith(last, count) : []
}

/** Day of the month of a date, as a number (`2022-06-07` → 7). */
export function dayOfMonth(date: string): number {
  return parseDate(date).day
}
