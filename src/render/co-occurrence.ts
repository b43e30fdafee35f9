// Who appears in the same stories as a person: for each other name, the number of stories
// that mention both.

import { compareText } from './order.js'

export interface CoMention {
  name: string
  /** Stories that mention both names. */
  count: number
}

export const CO_MENTION_LIMIT = 10

/**
 * `stories` are the names of every story that mentions `name` (a name listed twice in one
 * story counts once). Most shared stories first, ties by name; at most `limit` entries.
 */
export function coMentions(name: string, stories: readonly (readonly string[])[], limit = CO_MENTION_LIMIT): CoMention[] {
  const counts = new Map<string, number>()
  for (const names of stories) {
    for (const other of new Set(names)) {
      if (other !== name) counts.set(other, (counts.get(other) ?? 0) + 1)
    }
  }
  return [...counts]
    .map(([other, count]) => ({ name: other, count }))
    .sort((a, b) => b.count - a.count || compareText(a.name, b.name))
    .slice(0, limit)
}
