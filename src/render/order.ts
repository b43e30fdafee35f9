// The one ordering of issues and pages that every output uses (home page, JSON API, search
// doc numbers), so the same model always gives byte-identical files.

import type { Issue, SegmentedPage } from '../types.js'

/** Code unit order: locale-free, so the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Newest first; same-day issues by paper name. */
export function issuesNewestFirst(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => compareText(b.date, a.date) || compareText(a.paper, b.paper))
}

/** By page number. */
export function pagesInOrder(issue: Issue): SegmentedPage[] {
  return [...issue.pages].sort((a, b) => a.page.meta.page - b.page.meta.page)
}
