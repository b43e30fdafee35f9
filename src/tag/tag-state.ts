// What the archive-wide tagging pass (tag/index.ts tagArchive) decided, kept for the next
// build, so a rebuild tags again only the stories whose people can have changed.
//
// A story's people are a function of its own text and hits (fixed by its page's cache key
// while the story is as its page job made it, cache/as-made.ts), of the names the archive
// knows (`known`, read through findKnownNames) and of the titles seen with each name (`roles`,
// read only to resolve a surname standing alone). So a story tagged last build keeps its
// people unless
//   - a name was added to `known`, taken out of it or now stands for another person, and the
//     story's text holds that name (findKnownNames can only answer differently where one of
//     those names is printed), or
//   - a name's titles changed, and the story has a surname hit that name begins with.
// A change to the people registry re-tags everything. An added issue brings a handful of new
// names, so a daily rebuild tags its own stories and almost no others.

import type { PersonMention } from '../types.js'

export interface TagState {
  /** The people registry's names and aliases as they were read (a change re-tags every story). */
  registry: string
  /** Every name tagging knew → the person it stands for. */
  known: Map<string, string>
  /** The titles seen with each name, in the order tagging met them. */
  roles: Map<string, string[]>
  /** A page's cache key → its stories' people (peopleText) as tagging left them, before corrections; in the order tagging read the pages. */
  pages: Map<string, string>
  /**
   * Every name the stories' own hits gave, with how often and where it was first seen: the
   * first pass's tally, which a build whose pages begin with these `pages` in this order
   * continues with the pages after them (a daily build: the newest issue's) instead of
   * reading every page's hits again. Absent: such a build tallies every page.
   */
  seen?: Map<string, Seen>
}

/** A name's tally over the stories' own hits (tag/index.ts tagArchive). */
export interface Seen {
  count: number
  /** Whether a hit confirms it (a title, a leaders' list). */
  titled: boolean
  /** Whether its first hit was the name model's. */
  model: boolean
  /** Where it was first seen: the page's place among the pages tagging read, the story's in the page, the offset in its body. */
  page: number
  story: number
  offset: number
}

/** The keys whose entry differs between two maps, by `same`: added, taken out, or with another value. */
function changedKeys<V>(before: ReadonlyMap<string, V>, now: ReadonlyMap<string, V>, same: (was: V, is: V) => boolean): string[] {
  const out: string[] = []
  for (const [key, value] of now) {
    const was = before.get(key)
    if (was === undefined || !same(was, value)) out.push(key)
  }
  for (const key of before.keys()) if (!now.has(key)) out.push(key)
  return out
}

/** The names whose entry in `known` differs between two builds: added, taken out, or standing for someone else. */
export const changedNames = (before: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>): string[] => changedKeys(before, now, (a, b) => a === b)

/** The names whose titles differ between two builds (a name with none is a name without an entry). */
export const retitledNames = (before: ReadonlyMap<string, readonly string[]>, now: ReadonlyMap<string, readonly string[]>): string[] =>
  changedKeys(before, now, (a, b) => a.length === b.length && a.every((title, i) => title === b[i]))

/**
 * Whether a story's body, as tagging reads it (its paragraphs joined without a break), holds one
 * of `names`. Tested on the paragraphs joined by \n (no text holds one of its own), so a name
 * may run across a break: `王\n明远` is 王明远 in the joined body.
 */
export function namesMatcher(names: readonly string[]): (textsByLine: string) => boolean {
  if (names.length === 0) return () => false
  const escape = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/-]/gu, '\\$&')
  const pattern = names
    .filter((name) => name.length > 0)
    .map((name) => [...name].map(escape).join('\\n*'))
    .join('|')
  const re = new RegExp(pattern, 'u')
  return (text) => re.test(text)
}

/** Whether a surname hit (`项` of 项市长) can resolve otherwise when `retitled` names' titles changed (surname-mentions.ts resolveSurname reads only names that begin with it). */
export function surnameTouched(surname: string, retitled: readonly string[]): boolean {
  return retitled.some((name) => name.length > surname.length && name.startsWith(surname))
}

// A page's people as the state keeps them: compact text (a story, then a mention, then a name and
// its roles, each after a separator no printed text holds), a third of their JSON, which made the
// state 18 MB at 60,000 stories and took a quarter of a second to read. JSON for what the
// separators cannot carry.
const STORY = '\u001d'
const MENTION = '\u001e'
const FIELD = '\u001f'
const SEPARATOR = /[\u001d-\u001f]/u

/** A page's stories' people as the state keeps them. */
export function peopleText(people: readonly (readonly PersonMention[])[]): string {
  const texts: string[] = []
  for (const story of people) {
    const mentions: string[] = []
    for (const { name, roles } of story) {
      if (SEPARATOR.test(name) || roles.some((role) => SEPARATOR.test(role))) return JSON.stringify(people)
      mentions.push(roles.length === 0 ? name : `${name}${FIELD}${roles.join(FIELD)}`)
    }
    texts.push(mentions.join(MENTION))
  }
  // A page without stories as JSON: the compact text of none and of one story without people would be alike.
  return people.length === 0 ? '[]' : STORY + texts.join(STORY)
}

/** A page's stories' people read back from the state (fresh objects: corrections may change them later). */
export function peopleOf(text: string): PersonMention[][] {
  if (!text.startsWith(STORY)) return JSON.parse(text) as PersonMention[][]
  return text
    .slice(1)
    .split(STORY)
    .map((story) =>
      story === ''
        ? []
        : story.split(MENTION).map((mention) => {
            const [name, ...roles] = mention.split(FIELD)
            return { name: name!, roles }
          }),
    )
}

/** The state's maps of names as text (a line an entry, its fields apart by tabs), or null when a name holds a tab or a line break. */
export function namesText(map: ReadonlyMap<string, string | readonly string[]>): string | null {
  const lines: string[] = []
  for (const [name, value] of map) {
    const fields = [name, ...(typeof value === 'string' ? (value === name ? [] : [value]) : value)]
    if (fields.some((field) => field.includes('\t') || field.includes('\n'))) return null
    lines.push(fields.join('\t'))
  }
  return lines.join('\n')
}

/** `known` read back from namesText: an entry without a second field is a name standing for itself. */
export function knownOf(text: string): Map<string, string> {
  const known = new Map<string, string>()
  eachLine(text, (at, tab, end) => {
    const name = text.slice(at, tab === -1 ? end : tab)
    known.set(name, tab === -1 ? name : text.slice(tab + 1, end))
  })
  return known
}

/** `roles` read back from namesText. */
export function rolesOf(text: string): Map<string, string[]> {
  const roles = new Map<string, string[]>()
  eachLine(text, (at, tab, end) => {
    if (tab === -1) roles.set(text.slice(at, end), [])
    else roles.set(text.slice(at, tab), text.slice(tab + 1, end).split('\t'))
  })
  return roles
}

/**
 * Calls `line` with where each line of a state text starts and ends and where its first tab is
 * (-1: none), in place: a split of the text and of each line for 33,000 names took twice as long.
 * An empty text has no lines (namesText and seenText of an empty map).
 */
function eachLine(text: string, line: (at: number, tab: number, end: number) => void): void {
  if (text === '') return
  // The next tab at or after `at` (Infinity: none), looked for again only once passed: a search
  // from each line would run on through every line without one (most of `known`'s).
  let nextTab = -1
  for (let at = 0; at <= text.length; ) {
    let end = text.indexOf('\n', at)
    if (end === -1) end = text.length
    if (nextTab < at) {
      nextTab = text.indexOf('\t', at)
      if (nextTab === -1) nextTab = Infinity
    }
    line(at, nextTab < end ? nextTab : -1, end)
    at = end + 1
  }
}

/** The tally as text, a line a name (its fields apart by tabs), or null when a name holds a tab or a line break. */
export function seenText(seen: ReadonlyMap<string, Seen>): string | null {
  const lines: string[] = []
  for (const [name, s] of seen) {
    if (name.includes('\t') || name.includes('\n')) return null
    lines.push(`${name}\t${s.count}\t${(s.titled ? 1 : 0) + (s.model ? 2 : 0)}\t${s.page}\t${s.story}\t${s.offset}`)
  }
  return lines.join('\n')
}

/** The tally read back from seenText; throws on a line that is not one (a damaged state is no state). */
export function seenOf(text: string): Map<string, Seen> {
  const seen = new Map<string, Seen>()
  // Each line read in place, a character at a time: splitting it into fields and testing each
  // field with a pattern took a rebuild ~0.1 s.
  const numbers = [0, 0, 0, 0, 0]
  eachLine(text, (at, tab, end) => {
    const notALine = (): Error => new Error(`Not a tally line: ${text.slice(at, end)}`)
    if (tab === -1) throw notALine()
    let p = tab + 1
    for (let f = 0; f < numbers.length; f++) {
      const start = p
      let value = 0
      for (let digit = text.charCodeAt(p) - 48; p < end && digit >= 0 && digit <= 9; digit = text.charCodeAt(++p) - 48) value = value * 10 + digit
      if (p === start) throw notALine()
      // A tab after each field but the last.
      if (f < numbers.length - 1) {
        if (p >= end || text.charCodeAt(p) !== 9) throw notALine()
        p++
      }
      numbers[f] = value
    }
    if (p !== end) throw notALine()
    const [count, flags, page, story, offset] = numbers as [number, number, number, number, number]
    seen.set(text.slice(at, tab), { count, titled: (flags & 1) !== 0, model: (flags & 2) !== 0, page, story, offset })
  })
  return seen
}
