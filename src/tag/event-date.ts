// Event dates. Local papers print `6月4日上午`, `8日上午`, `昨天`: no year, sometimes no
// month. Both come from the issue date: a report is never dated after its issue, so a
// December day in a January issue belongs to the previous year.

/** `2023年3月15日`, `3月15日`: a day with its month, maybe its year. */
export const MONTH_DAY = /(?:(?<year>\d{4})年)?(?<month>\d{1,2})月(?<day>\d{1,2})日/gu
/** `8日上午`: a day of the issue's month (not the tail of `3月15日`, not `日前`). */
export const DAY_ONLY = /(?<![\d月年])(?<day>\d{1,2})日(?=[上下中晚早傍凌夜午，,至到—-]|$)/gu
/** Relative days, counted back from the issue date. */
const RELATIVE: Record<string, number> = { 昨天: 1, 昨日: 1, 前天: 2, 前日: 2 }
const RELATIVE_PATTERN = /(昨天|昨日|前天|前日)/gu

function toIso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}

/** A calendar date `days` later (or earlier), ISO in and out. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Every day named in the text, as ISO dates placed relative to the issue date. */
export function datesIn(text: string, issueDate: string): string[] {
  const [iy, im] = issueDate.split('-').map(Number) as [number, number, number]
  const found: string[] = []
  for (const m of text.matchAll(MONTH_DAY)) {
    const month = Number(m.groups?.month)
    const day = Number(m.groups?.day)
    if (m.groups?.year) {
      const iso = toIso(Number(m.groups.year), month, day)
      if (iso) found.push(iso)
      continue
    }
    const iso = toIso(iy, month, day)
    if (!iso) continue
    found.push(iso > issueDate ? (toIso(iy - 1, month, day) ?? iso) : iso)
  }
  for (const m of text.matchAll(DAY_ONLY)) {
    const day = Number(m.groups?.day)
    const iso = toIso(iy, im, day)
    if (!iso) continue
    if (iso <= issueDate) found.push(iso)
    else {
      const prev = new Date(Date.UTC(iy, im - 2, 1))
      const back = toIso(prev.getUTCFullYear(), prev.getUTCMonth() + 1, day)
      if (back) found.push(back)
    }
  }
  for (const m of text.matchAll(RELATIVE_PATTERN)) {
    const back = RELATIVE[m[1] as string]
    if (back) found.push(addDays(issueDate, -back))
  }
  return found
}

/** The event date: the latest day named in the lead that is not after the issue date, or null. */
export function eventDate(lead: string, issueDate: string): string | null {
  const days = datesIn(lead, issueDate).filter((d) => d <= issueDate).sort()
  return days[days.length - 1] ?? null
}
