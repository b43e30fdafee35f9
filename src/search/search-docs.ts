// Turns the site model into the list of searchable documents, one per story. The order of
// this list gives each story its doc number, and doc numbers break score ties, so the order
// is fixed here once: newest issue first, then page, then the order stories have on the page.

import { issuesNewestFirst, pagesInOrder } from '../render/order.js'
import { storyUrl } from '../render/urls.js'
import type { RegisteredPerson, SiteModel, Story } from '../types.js'
import type { DocCard } from './format.js'

export interface SearchDoc {
  ref: number
  card: DocCard
  /** Every name a `person:` filter finds the story by: each tagged name, and for people of the registry their name and aliases. */
  people: string[]
  topics: string[]
}

// A blank line is a paragraph break for the tokenizer: no search term spans it.
const PARAGRAPH_BREAK = '\n\n'

/** The text of each indexed field. Printed lines stay apart so a match never straddles two of them. */
export function storySearchFields(story: Story): { title: string; body: string } {
  const titleLines: string[] = []
  for (const line of [story.column, ...story.headline, story.title]) {
    if (line && !titleLines.includes(line)) titleLines.push(line)
  }
  return {
    title: titleLines.join(PARAGRAPH_BREAK),
    body: story.paragraphs.map((p) => p.text).join(PARAGRAPH_BREAK),
  }
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

export function collectSearchDocs(model: SiteModel): SearchDoc[] {
  const spellings = personSpellings(model.people)
  const docs: SearchDoc[] = []
  for (const issue of issuesNewestFirst(model.issues)) {
    for (const page of pagesInOrder(issue)) {
      for (const story of page.stories) {
        const fields = storySearchFields(story)
        docs.push({
          ref: docs.length,
          card: {
            id: story.id,
            url: storyUrl(issue.date, page.page.meta.page, story.bodyLine),
            title: story.title,
            column: story.column,
            date: story.date ?? issue.date,
            issueDate: issue.date,
            page: page.page.meta.page,
            titleText: fields.title,
            body: fields.body,
          },
          people: personNames(story, spellings),
          topics: [...story.topics],
        })
      }
    }
  }
  return docs
}
