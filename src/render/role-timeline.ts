// A person's printed titles over time. A story prints titles before a name as one string
// (`市委副书记、市长`); each `、`-separated part is one title, and the timeline tells, per
// title, the first and last issue it was printed in.

import { compareText } from './order.js'

/** The titles one story printed before a name, with the issue date and whatever the caller needs back (a story). */
export interface RoleMention<T> {
  /** Issue date, `YYYY-MM-DD`. */
  date: string
  /** Role strings as printed. */
  roles: readonly string[]
  source: T
}

export interface RoleSpan<T> {
  title: string
  /** Issue date the title was first printed in. */
  first: string
  /** Issue date the title was last printed in. */
  last: string
  firstSource: T
  lastSource: T
  /** Mentions (stories) that printed the title. */
  count: number
}

const TITLE_SEPARATOR = '、'

/** `市委副书记、市长` → `['市委副书记', '市长']`; blanks between separators are dropped. */
export function splitRoles(role: string): string[] {
  return role
    .split(TITLE_SEPARATOR)
    .map((title) => title.trim())
    .filter((title) => title !== '')
}

/**
 * One span per title, sorted by the date it was first printed; titles first printed on the
 * same day keep the order they were printed in (the order of `mentions`, then of the string).
 */
export function roleTimeline<T>(mentions: readonly RoleMention<T>[]): RoleSpan<T>[] {
  // Oldest first; the sort is stable, so same-day mentions keep the caller's order.
  const oldestFirst = [...mentions].sort((a, b) => compareText(a.date, b.date))
  const spans = new Map<string, RoleSpan<T>>()
  for (const mention of oldestFirst) {
    for (const title of new Set(mention.roles.flatMap(splitRoles))) {
      const span = spans.get(title)
      if (span) {
        span.last = mention.date
        span.lastSource = mention.source
        span.count++
      } else {
        spans.set(title, {
          title,
          first: mention.date,
          last: mention.date,
          firstSource: mention.source,
          lastSource: mention.source,
          count: 1,
        })
      }
    }
  }
  // Map order is insertion order: first-printed first, which the stable sort keeps within a day.
  return [...spans.values()].sort((a, b) => compareText(a.first, b.first))
}
