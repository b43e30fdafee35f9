// A person's page group is keyed by everything it is made from (group-job.ts personKeyData):
// each story naming them by its issue's hash and its URL, their URL, their aliases, the URLs of
// suffixed people beside them. At 60,000 stories that is 33,000 keys over 283,000 mentions,
// about 1.2 s of every rebuild, for a daily build that changes a few hundred of them.
//
// So the keys are kept between builds. A person's key is the last build's when
//   - every issue whose hash changed (or that came or went) names them neither now nor then:
//     their stories are then the same stories of the same unchanged issues, in the same order;
//   - their URL is the last build's;
//   - what every key reads besides the stories is the last build's (`context`: the templates
//     and settings through the keyer, the registry's aliases, every suffixed person's URL).
// Any other person's key is made afresh. A test compares every kept key with one made afresh.

import { groupBy } from './group-by.js'
import { issueKey, personKeyData } from './group-job.js'
import type { NameEntry, SiteContext } from './site-context.js'

/** Bump when the shape below changes. */
const STATE_VERSION = 1

export interface PersonKeyState {
  version: number
  /** The key of what every person's key reads besides their stories (see above). */
  context: string
  /** Issue date → the hashes of its issues (group-job.ts issueKey) and the names their stories carry. */
  issues: Record<string, [keys: string[], people: string[]]>
  /** Name → the URL of their page and their group's key. */
  people: Record<string, [url: string, key: string]>
}

export interface PersonKeys {
  /** The key of a person's page group. */
  keyOf(entry: NameEntry): string
  /** Every person's key with what it was made from, for the next build. */
  state(): PersonKeyState
}

type Keyer = (made: unknown) => string

/**
 * Issue date → its issues' hashes and the names their stories carry. A date whose issues hash as
 * the last build's (`previous`) carries the names it did then: they are read from the issues'
 * stories only where an issue changed, came or went (283,000 mentions at 60,000 stories).
 */
function issuesByDate(site: SiteContext, previous: PersonKeyState | null): Map<string, [string[], string[]]> {
  const out = new Map<string, [string[], string[]]>()
  for (const [date, issues] of groupBy(site.issues, (issue) => issue.date)) {
    const keys = issues.map(issueKey)
    const was = previous?.issues[date]
    if (was && sameKeys(was[0], keys)) {
      out.set(date, [keys, was[1]])
      continue
    }
    const names: string[] = []
    for (const issue of issues) {
      const seen = new Set<string>()
      for (const ref of site.storiesOf(issue)) for (const person of ref.story.people) seen.add(person.name)
      names.push(...seen)
    }
    out.set(date, [keys, names])
  }
  return out
}

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((key, i) => key === b[i])

/** The names whose stories may differ from the last build's: those of every issue that changed, came or went, as it is and as it was. */
function changedPeople(now: Map<string, [string[], string[]]>, previous: PersonKeyState): Set<string> {
  const changed = new Set<string>()
  for (const [date, [keys, people]] of now) {
    const was = previous.issues[date]
    if (was && sameKeys(was[0], keys)) continue
    for (const name of people) changed.add(name)
    for (const name of was?.[1] ?? []) changed.add(name)
  }
  for (const date of Object.keys(previous.issues)) if (!now.has(date)) for (const name of previous.issues[date]![1]) changed.add(name)
  return changed
}

/** Person keys for this site, keeping the last build's (`previous`, null for none) wherever they still hold; nothing is worked out until a key is asked for. */
export function personKeys(site: SiteContext, key: Keyer, previous: PersonKeyState | null): PersonKeys {
  interface Known {
    context: string
    issues: Map<string, [string[], string[]]>
    /** Who may have other stories than last time; null: everyone (no usable state). */
    changed: Set<string> | null
    /** The last build's keys: looked up 33,000 times, so a Map, not the parsed object (~6 µs a name there). */
    kept: Map<string, [string, string]>
  }
  let known: Known | undefined
  const prepare = (): Known => {
    if (known) return known
    const context = key({
      registry: site.model.people,
      suffixed: [...site.suffixedPeople].sort().map((name) => [name, site.personUrl(name)]),
    })
    const usable = previous !== null && previous.version === STATE_VERSION && previous.context === context ? previous : null
    const issues = issuesByDate(site, usable)
    known = { context, issues, changed: usable ? changedPeople(issues, usable) : null, kept: new Map(usable ? Object.entries(usable.people) : []) }
    return known
  }
  const made = new Map<string, string>()
  const keyOf = (entry: NameEntry): string => {
    let madeKey = made.get(entry.name)
    if (madeKey !== undefined) return madeKey
    const { changed, kept } = prepare()
    const was = changed && !changed.has(entry.name) ? kept.get(entry.name) : undefined
    madeKey = was && was[0] === entry.url ? was[1] : key(personKeyData(site, entry))
    made.set(entry.name, madeKey)
    return madeKey
  }
  return {
    keyOf,
    state: () => {
      const { context, issues } = prepare()
      return {
        version: STATE_VERSION,
        context,
        issues: Object.fromEntries([...issues].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
        people: Object.fromEntries(site.people.map((entry) => [entry.name, [entry.url, keyOf(entry)]])),
      }
    },
  }
}
