import createDebug from 'debug'
import type { VFile } from 'vfile'
import type { PersonMention, SegmentedPage, Story } from '../types.js'
import { endsNameClearly } from './name-shape.js'
import { findOrganizations } from './organizations.js'
import { confirms, findPeopleWithModel, type PersonHit } from './people.js'
import { resolveSurname, type KnownRoles } from './surname-mentions.js'
import { judgeTopics } from './topics.js'
import { bodyText } from '../segment/packed-paragraphs.js'
import { changedAfterJob, storyAsMade } from '../cache/as-made.js'
import { changedNames, namesMatcher, peopleOf, peopleText, retitledNames, surnameTouched, type Seen, type TagState } from './tag-state.js'
import type { PersonRecord, Taxonomy } from './types.js'

/**
 * Per story of a page, the people its own text shows (`tagStory`): as a page job made them,
 * or — read back from bytes (parallel/page-job.ts decodeStored) — their JSON, parsed once
 * when tagging reads them. Only this archive-wide pass reads them, and then lets them go:
 * kept as objects they were made, and copied through the young generation, while the whole
 * page cache was read (12,000 pages deserialized in 1.4 s with the hits as JSON against
 * 2.0 s as objects; parsing them all takes 0.23 s).
 */
export type StoryHits = PersonHit[][] | string

/** The hits of a page, parsed when they come as JSON (StoryHits). */
export function storyHits(hits: StoryHits): PersonHit[][] {
  return typeof hits === 'string' ? (JSON.parse(hits) as PersonHit[][]) : hits
}

/**
 * Whether a page's hits may hold a surname hit (`项` of 项市长), without parsing them: their
 * JSON holds a surname hit's evidence as `"surname"` (a name or title that happens to read so
 * only costs a parse). Only a surname hit makes a kept story depend on the titles (tag-state.ts),
 * and parsing every page's hits to find none took a rebuild ~0.2 s.
 */
export const mayHoldSurnameHits = (hits: StoryHits): boolean => typeof hits !== 'string' || hits.includes('"surname"')

const NO_HITS: readonly PersonHit[] = []

export interface TagInput {
  page: SegmentedPage
  file: VFile
  /** Per story of the page, the people hits `tagStory` found (computed here when absent). */
  hits?: StoryHits
}

/** The story's body as tagging reads it: its paragraphs joined without a break. */
const storyText = (story: Story): string => bodyText(story, '')

/** Line of the paragraph holding the character at `offset` of the joined body. */
function lineAt(story: Story, offset: number): number {
  let seen = 0
  for (const p of story.paragraphs) {
    seen += p.text.length
    if (offset < seen) return p.lines[0] ?? story.bodyLine
  }
  return story.bodyLine
}

/**
 * Finds the known names in a text that no pattern caught (`王明远强调` once 王明远
 * was seen as 市委书记王明远). A longer name wins over a shorter one inside it, and a
 * two-character name must be followed by punctuation or a follower word of two or
 * more characters, since two characters are often an ordinary word (`温和的`).
 */
export function findKnownNames(
  text: string,
  known: ReadonlyMap<string, string>,
  prefixes: ReadonlySet<number> = knownNamePrefixes(known),
): { name: string; offset: number }[] {
  // Names are 2–4 characters: look each position up in the map, longest first (linear in the text).
  // Most positions start no name: their first two code units, read without making a string, rule them out.
  const out: { name: string; offset: number }[] = []
  for (let i = 0; i < text.length; ) {
    if (!prefixes.has(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1))) {
      i++
      continue
    }
    let hit: string | undefined
    for (let len = 4; len >= 2 && !hit; len--) {
      const candidate = text.slice(i, i + len)
      if (candidate.length === len && known.has(candidate)) {
        if (len === 2 && !endsNameClearly(text.slice(i + 2, i + 8))) continue
        hit = candidate
      }
    }
    if (hit) {
      out.push({ name: known.get(hit) as string, offset: i })
      i += hit.length
    } else i++
  }
  return out
}

/** The first two code units of every known name, as one number each, for findKnownNames (made once per archive pass). */
export function knownNamePrefixes(known: ReadonlyMap<string, string>): Set<number> {
  const prefixes = new Set<number>()
  for (const name of known.keys()) if (name.length >= 2) prefixes.add(name.charCodeAt(0) * 0x10000 + name.charCodeAt(1))
  return prefixes
}

/** Whether the story credits `name` rather than names it: a byline or a photographer (asked once per person found in each of 60,000 stories, so without a set). */
const isReporter = (story: Story, name: string): boolean => story.byline.some((b) => b.name === name) || story.photographers.includes(name)

/**
 * The part of tagging that needs nothing but the story and the taxonomy: topics,
 * organizations, and the people its own text shows (titles, lists, the name model). It runs
 * with segmentation — on worker threads, cached with the page — and returns the people
 * hits for the archive-wide pass.
 */
export function tagStory(story: Story, taxonomy: Taxonomy, file: VFile): PersonHit[] {
  const text = storyText(story)
  const judged = judgeTopics(story, taxonomy)
  story.topics = judged.filter((j) => j.assigned).map((j) => j.topic)
  const near = judged.filter((j) => j.near).map((j) => j.topic)
  if (near.length) {
    file.info(
      `Topic ${near.map((t) => `\`${t}\``).join(', ')} nearly assigned to the story at line ${story.bodyLine}; to add it: - story: ${story.id}  topics: [${[...story.topics, ...near].join(', ')}]`,
      { place: { line: story.bodyLine, column: 1 }, ruleId: 'topic-near', source: 'tag' },
    )
  }
  story.organizations = findOrganizations(text)
  return findPeopleWithModel(text, undefined, undefined, story.organizations).filter((h) => !isReporter(story, h.name))
}

/** How tagArchive may use the last build's decisions, and whether it keeps its own for the next. */
export interface TagOptions {
  /** The last build's state (tag/tag-state.ts): a story it holds is tagged again only when its people can have changed. */
  previous?: TagState | null
  /** Return this pass's state for the next build (its pages by their cache key, `SegmentedPage.sourceKey`). */
  remember?: boolean
}

const debug = createDebug('archive:tag')

/** More names than this changed since the last build: every story is tagged again rather than searched for them all. */
const MOST_CHANGED_NAMES = 500

/**
 * Tags the people of every story across the archive. Names confirmed anywhere (by a title,
 * a leaders' list or the people registry) are recognised in every story. `hits` are the
 * stories' own people from `tagStory`, one list per story of the page; pages without them
 * are tagged here first. With the last build's state, a story whose people cannot have
 * changed keeps them (tag/tag-state.ts says when); with `remember`, the state for the next build.
 */
export function tagArchive(inputs: TagInput[], taxonomy: Taxonomy, registry: PersonRecord[], options: TagOptions = {}): TagState | null {
  const registryKey = JSON.stringify(registry.map((p) => [p.name, p.aliases]))
  const previous = options.previous ?? null
  // The first pass tallies every story's own hits: the names they give (known), the titles
  // printed with each (roles) and how often and where each was first seen. Pages the last
  // build read first, in the same order, leave its tally as it was: it is taken, and only the
  // pages after them (a daily build's newest issue) are read.
  const from = tallied(previous, registryKey, inputs)
  const tally = from > 0 ? copyTally(previous!) : newTally(registry)
  const { known, roles, seen } = tally
  // Per input, per story, its hits: the second pass below reads them, a tallied page's only when it needs them.
  const hitsOf: (PersonHit[][] | undefined)[] = new Array(inputs.length)
  const hitsAt = (k: number): PersonHit[][] => (hitsOf[k] ??= storyHits(inputs[k]!.hits!))
  // Each title once: a leader's name is printed with their title thousands of times, and only whether one matches is asked (resolveSurname).
  const addTitle = (name: string, title: string | null | undefined): void => {
    if (!title) return
    const titles = roles.get(name)
    if (!titles) roles.set(name, [title])
    else if (!titles.includes(title)) titles.push(title)
  }
  for (let k = from; k < inputs.length; k++) {
    const { page, file, hits: given } = inputs[k]!
    const pageHits = given === undefined ? undefined : storyHits(given)
    hitsOf[k] = page.stories.map((story, i) => {
      let hits = pageHits?.[i]
      if (hits === undefined) {
        // tagStory sets the story's topics and organizations: no longer as its page job made them (cache/as-made.ts).
        changedAfterJob(story)
        hits = tagStory(story, taxonomy, file)
      }
      for (const h of hits) {
        if (h.evidence === 'surname') continue // no name by itself: resolved below or dropped
        // surname-mentions.ts titlesOf(h), without an array a hit: the title printed before the name, then the office after it.
        addTitle(h.name, h.role)
        addTitle(h.name, h.titleAfter)
        const s = seen.get(h.name)
        if (s) {
          s.count++
          s.titled ||= confirms(h.evidence)
        } else {
          seen.set(h.name, { count: 1, titled: confirms(h.evidence), model: h.evidence === 'model', page: k, story: i, offset: h.offset })
        }
        if (!known.has(h.name)) known.set(h.name, h.name)
      }
      return hits
    })
  }
  const registered = new Set(registry.flatMap((p) => [p.name, ...p.aliases]))
  for (const [name, s] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (s.count > 1 || s.titled || registered.has(name)) continue
    const where = s.model ? 'read by the name model alone, without a title' : 'in a list without a title'
    const { page, file } = inputs[s.page]!
    file.message(`Unconfirmed name \`${name}\`: seen once, ${where}; if it is a person, add to _data/people.yaml: - name: ${name}`, {
      place: { line: lineAt(page.stories[s.story]!, s.offset), column: 1 },
      ruleId: 'name-unconfirmed',
      source: 'tag',
    })
  }
  const reuse = reusablePeople(options.previous ?? null, registryKey, known, roles)
  let prefixes: Set<number> | undefined
  let tagged = 0
  let stories = 0
  const pages = options.remember ? new Map<string, string>() : null
  // Whether every page's people are the last build's text as it was.
  let keptAll = true
  inputs.forEach(({ page }, k) => {
    const kept = reuse.page(page)
    let fresh = false
    // Whether the page's hits may hold a surname hit: looked for once a page, when a story first asks.
    let surnames: boolean | undefined
    page.stories.forEach((story, i) => {
      const people = kept?.people[i]
      stories++
      // A story's hits as reuse.story reads them (for its surname hits alone).
      const surnameHits = (): readonly PersonHit[] => ((surnames ??= hitsOf[k] !== undefined || mayHoldSurnameHits(inputs[k]!.hits!)) ? hitsAt(k)[i]! : NO_HITS)
      if (people !== undefined && reuse.story(story, surnameHits)) {
        story.people = people
        return
      }
      fresh = true
      tagged++
      story.people = storyPeople(story, hitsAt(k)[i]!, known, (prefixes ??= knownNamePrefixes(known)), roles)
    })
    if (fresh || !kept) keptAll = false
    const key = page.sourceKey
    if (pages && key !== undefined) pages.set(key, !fresh && kept ? kept.text : peopleText(page.stories.map((story) => story.people)))
  })
  debug('people of %d of %d stories found afresh, the others kept from the last build; %d of %d pages tallied by it', tagged, stories, from, inputs.length)
  if (!pages) return null
  // The last build's state, when this one would say the same: every page and story kept, no name or title changed (nor any tally: no page read).
  if (previous && keptAll && reuse.unchanged && pages.size === previous.pages.size && from === inputs.length) return previous
  // A page without a cache key is not among the state's pages, whose places the tally's first places are then not.
  return { registry: registryKey, known, roles, pages, ...(pages.size === inputs.length ? { seen } : {}) }
}

interface Tally {
  known: Map<string, string>
  roles: Map<string, string[]>
  seen: Map<string, Seen>
}

/** The tally before any page: the registry's names and aliases (name or alias → canonical name). */
function newTally(registry: PersonRecord[]): Tally {
  const known = new Map<string, string>()
  for (const p of registry) {
    known.set(p.name, p.name)
    for (const a of p.aliases) known.set(a, p.name)
  }
  return { known, roles: new Map(), seen: new Map() }
}

/** The last build's tally, to go on with (copied: that state stays as it was, for comparing and keeping). */
function copyTally(previous: TagState): Tally {
  const roles = new Map<string, string[]>()
  for (const [name, titles] of previous.roles) roles.set(name, [...titles])
  const seen = new Map<string, Seen>()
  for (const [name, s] of previous.seen!) seen.set(name, { ...s })
  return { known: new Map(previous.known), roles, seen }
}

/**
 * How many of the inputs the last build's tally covers: all of its pages, when they are the
 * first inputs, in its order, each with its hits; else 0 (every page is tallied).
 */
function tallied(previous: TagState | null, registryKey: string, inputs: readonly TagInput[]): number {
  if (!previous?.seen || previous.registry !== registryKey || previous.pages.size > inputs.length) return 0
  let k = 0
  for (const key of previous.pages.keys()) {
    const input = inputs[k++]!
    if (input.page.sourceKey !== key || input.hits === undefined) return 0
  }
  // Every first place on one of those pages (a state not of this shape is not gone on from).
  for (const s of previous.seen.values()) if (s.page >= k || s.story >= inputs[s.page]!.page.stories.length) return 0
  return k
}

/** A story's people from its own hits, the known names in its text, and the surnames standing alone that resolve to someone. */
function storyPeople(story: Story, hits: PersonHit[], known: ReadonlyMap<string, string>, prefixes: ReadonlySet<number>, roles: KnownRoles): PersonMention[] {
  const people = new Map<string, PersonMention>()
  const mention = (name: string, role: string | null): void => {
    const canonical = known.get(name) ?? name
    if (isReporter(story, canonical)) return
    const m = people.get(canonical) ?? { name: canonical, roles: [] }
    if (role && !m.roles.includes(role)) m.roles.push(role)
    people.set(canonical, m)
  }
  // The story's own hits, then the known names in its text, in the order of the text (a stable sort: a hit before a known name at the same place).
  const found: { name: string; role: string | null; offset: number }[] = []
  let surnames = false
  for (const h of hits) {
    if (h.evidence === 'surname') surnames = true
    else found.push({ name: h.name, role: h.role, offset: h.offset })
  }
  for (const name of findKnownNames(storyText(story), known, prefixes)) found.push({ name: name.name, role: null, offset: name.offset })
  found.sort((a, b) => a.offset - b.offset)
  for (const f of found) mention(f.name, f.role)
  if (surnames) {
    // `项市长`: the person of the story (or of the archive, by the same title) the surname stands for
    const named = found.map((f) => known.get(f.name) ?? f.name)
    for (const h of hits) {
      if (h.evidence !== 'surname') continue
      const full = resolveSurname(h.name, h.role, named, roles)
      if (full) mention(full, null)
    }
  }
  return [...people.values()]
}

/** What the last build's state lets this pass keep (tag/tag-state.ts): per page, its stories' people; per story, whether they still hold. */
interface Reuse {
  /** The people the last build gave the page's stories, with the text they were read from (tag-state.ts peopleText); undefined when it has none for the page as it is now. */
  page(page: SegmentedPage): { people: PersonMention[][]; text: string } | undefined
  /** Whether a story of such a page keeps them (its hits read only when that depends on them; only its surname hits are read). */
  story(story: Story, hits: () => readonly PersonHit[]): boolean
  /** Whether the known names and their titles are the last build's. */
  unchanged: boolean
}

const NO_REUSE: Reuse = { page: () => undefined, story: () => false, unchanged: false }

function reusablePeople(previous: TagState | null, registryKey: string, known: ReadonlyMap<string, string>, roles: KnownRoles): Reuse {
  if (!previous || previous.registry !== registryKey) return NO_REUSE
  const renamed = changedNames(previous.known, known)
  if (renamed.length > MOST_CHANGED_NAMES) return NO_REUSE
  const printsRenamed = namesMatcher(renamed)
  const retitled = retitledNames(previous.roles, roles)
  return {
    page(page) {
      const text = page.sourceKey === undefined ? undefined : previous.pages.get(page.sourceKey)
      if (text === undefined) return undefined
      const people = peopleOf(text)
      return people.length === page.stories.length ? { people, text } : undefined
    },
    unchanged: renamed.length === 0 && retitled.length === 0,
    story: (story, hits) =>
      storyAsMade(story) &&
      !(renamed.length > 0 && printsRenamed(bodyText(story, '\n'))) &&
      !(retitled.length > 0 && hits().some((h) => h.evidence === 'surname' && surnameTouched(h.name, retitled))),
  }
}
