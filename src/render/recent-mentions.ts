// Who and what the archive talked about lately: for each person or topic, the stories of
// the last few months of the archive that name it. "Lately" is counted back from the newest
// issue, never from the clock, so the same model always gives the same home page.

import { monthsEndingWith } from './calendar.js'
import { compareText } from './order.js'
import type { NameEntry } from './site-context.js'

/** Calendar months counted as recent, the newest issue's month included. */
export const RECENT_MONTHS = 3
export const RECENT_LIMIT = 10

export interface RecentCount {
  entry: NameEntry
  /** Stories in the recent months that name the entry. */
  count: number
}

/** The recent months (`YYYY-MM`, oldest first) for an archive whose newest issue is of `newestDate`. */
export function recentMonths(newestDate: string, count = RECENT_MONTHS): string[] {
  return monthsEndingWith(newestDate.slice(0, 7), count)
}

/** Entries named in stories of `months`, most stories first (ties by name), at most `limit`. */
export function recentCounts(entries: readonly NameEntry[], months: readonly string[], limit = RECENT_LIMIT): RecentCount[] {
  const window = new Set(months)
  const oldest = [...months].sort()[0] ?? ''
  // An entry's stories are newest first: the count stops at the first story older than the window
  // (every entry's stories were read to the end: 283,000 at 60,000 stories, a quarter second of each build).
  const countOf = (entry: NameEntry): number => {
    let count = 0
    for (const ref of entry.stories) {
      const month = ref.issue.date.slice(0, 7)
      if (month < oldest) break
      if (window.has(month)) count++
    }
    return count
  }
  return entries
    .map((entry) => ({ entry, count: countOf(entry) }))
    .filter((item) => item.count > 0)
    .sort((a, b) => b.count - a.count || compareText(a.entry.name, b.entry.name))
    .slice(0, limit)
}
