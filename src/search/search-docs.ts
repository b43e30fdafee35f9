// Turns the site model into the list of searchable documents, one per story. The order of
// this list gives each story its doc number, and doc numbers break score ties, so the order
// is fixed here once: issues oldest first, and within an issue its stories in reverse
// reading order (last page's last story first). Oldest first so that adding the newest
// issue (the usual case) appends doc numbers and leaves every existing story's number, and
// its card file, as it was; reversed within the issue so that descending doc numbers, the
// order of equal scores, read newest issue first and then page by page, top to bottom.

import { storyAsMade } from '../cache/as-made.js'
import { compareText, pagesInOrder } from '../render/order.js'
import { storyUrl } from '../render/urls.js'
import type { Issue, RegisteredPerson, SegmentedPage, SiteModel, Story } from '../types.js'
import type { DocCard } from './format.js'
import { bodyText } from '../segment/packed-paragraphs.js'

export interface SearchDoc {
  ref: number
  /** The story, for what is worked out of it only when needed (its texts' key: search-files.ts). */
  story?: Story
  card: DocCard
  /**
   * What the card is made from, when its story is still as its page job made it (cache/as-made.ts)
   * and that job's page-cache key is known: the key and the story's id. A card holds none of
   * what changes after the job (its people), so this names its bytes (search-files.ts).
   */
  made?: string
  /** Every name a `person:` filter finds the story by: each tagged name, and for people of the registry their name and aliases. */
  people: string[]
  /** The people as the counts beside the results name them: registry name, else as tagged. */
  peopleNames: string[]
  topics: readonly string[]
  organizations: readonly string[]
}

// A blank line is a paragraph break for the tokenizer: no search term spans it.
const PARAGRAPH_BREAK = '\n\n'

/** The title field's text: column, headline lines and title, each once, printed lines apart. */
export function storyTitleText(story: Story): string {
  const titleLines: string[] = []
  for (const line of [story.column, ...story.headline, story.title]) {
    if (line && !titleLines.includes(line)) titleLines.push(line)
  }
  return titleLines.join(PARAGRAPH_BREAK)
}

/** The text of each indexed field. Printed lines stay apart so a match never straddles two of them. */
export function storySearchFields(story: Story): { title: string; body: string } {
  return { title: storyTitleText(story), body: bodyText(story, PARAGRAPH_BREAK) }
}

/**
 * Name → every spelling of the registry people it belongs to (their name and aliases), so
 * a story tagged with a name is found by each of them. A name of no registry entry is
 * left out: it stands for itself.
 */
export function personSpellings(registry: readonly RegisteredPerson[]): Map<string, string[]> {
  const spellings = new Map<string, string[]>()
  for (const person of registry) {
    const group = [person.name, ...person.aliases]
    for (const name of group) {
      const known = spellings.get(name) ?? []
      for (const spelling of group) if (!known.includes(spelling)) known.push(spelling)
      spellings.set(name, known)
    }
  }
  return spellings
}

function personNames(story: Story, spellings: ReadonlyMap<string, string[]>): string[] {
  const names: string[] = []
  for (const { name } of story.people) {
    for (const spelling of spellings.get(name) ?? [name]) if (!names.includes(spelling)) names.push(spelling)
  }
  return names
}

/** Alias → the registry name it belongs to. */
function registryNames(registry: readonly RegisteredPerson[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const person of registry) for (const alias of person.aliases) if (!names.has(alias)) names.set(alias, person.name)
  for (const person of registry) names.set(person.name, person.name)
  return names
}

/** Oldest first; same-day issues by paper name. */
function issuesOldestFirst(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => compareText(a.date, b.date) || compareText(a.paper, b.paper))
}

/** Each story with the issue and page it was printed in, in doc order (see the note at the top). */
function* storiesInDocOrder(model: SiteModel): Generator<{ issue: Issue; page: SegmentedPage; story: Story }> {
  for (const issue of issuesOldestFirst(model.issues)) {
    const inReadingOrder: Array<{ issue: Issue; page: SegmentedPage; story: Story }> = []
    for (const page of pagesInOrder(issue)) for (const story of page.stories) inReadingOrder.push({ issue, page, story })
    yield* inReadingOrder.reverse()
  }
}

// A card's texts are its story's whole text (60,000 of them are ~36 million characters) and
// its title lines: made when the card is written or its story tokenized, which a rebuild does
// for its new stories alone. The card stays plain data in JSON (own, enumerable `titleText`
// and `body` in their places), their getters shared by every card, reading the story kept
// under a symbol.
const CARD_STORY = Symbol('card story')
const LAZY_TITLE_TEXT: PropertyDescriptor = {
  get(this: { [CARD_STORY]: Story }) {
    return storyTitleText(this[CARD_STORY])
  },
  enumerable: true,
  configurable: true,
}
const LAZY_BODY: PropertyDescriptor = {
  get(this: { [CARD_STORY]: Story }) {
    return bodyText(this[CARD_STORY], PARAGRAPH_BREAK)
  },
  enumerable: true,
  configurable: true,
}

function searchCard(issue: Issue, page: SegmentedPage, story: Story): DocCard {
  const card = {
    id: story.id,
    url: storyUrl(issue.date, page.page.meta.page, story.bodyLine),
    title: story.title,
    column: story.column,
    date: story.date ?? issue.date,
    issueDate: issue.date,
    page: page.page.meta.page,
  } as DocCard & { [CARD_STORY]: Story }
  Object.defineProperty(card, 'titleText', LAZY_TITLE_TEXT)
  Object.defineProperty(card, 'body', LAZY_BODY)
  card[CARD_STORY] = story
  return card
}

export function collectSearchDocs(model: SiteModel): SearchDoc[] {
  const spellings = personSpellings(model.people)
  const canonical = registryNames(model.people)
  const docs: SearchDoc[] = []
  for (const { issue, page, story } of storiesInDocOrder(model)) {
    docs.push({
      ref: docs.length,
      story,
      card: searchCard(issue, page, story),
      ...(page.sourceKey !== undefined && storyAsMade(story) ? { made: `${page.sourceKey} ${story.id}` } : {}),
      people: personNames(story, spellings),
      peopleNames: [...new Set(story.people.map(({ name }) => canonical.get(name) ?? name))],
      // The story's own lists: nothing reads them here but to count and list them.
      topics: story.topics,
      organizations: story.organizations,
    })
  }
  return docs
}

/** The cards of the docs numbered `refs` (the same as collectSearchDocs makes), without making the others. */
export function searchCards(model: SiteModel, refs: ReadonlySet<number>): Map<number, DocCard> {
  const cards = new Map<number, DocCard>()
  let ref = 0
  for (const { issue, page, story } of storiesInDocOrder(model)) {
    if (refs.has(ref)) cards.set(ref, searchCard(issue, page, story))
    ref++
  }
  return cards
}
