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
  return entries
    .map((entry) => ({ entry, count: entry.stories.filter((ref) => window.has(ref.issue.date.slice(0, 7))).length }))
    .filter((item) => item.count > 0)
    .sort((a, b) => b.count - a.count || compareText(a.entry.name, b.entry.name))
    .slice(0, limit)
}
