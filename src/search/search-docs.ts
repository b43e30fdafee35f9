// Turns the site model into the list of searchable documents, one per story. The order of
// this list gives each story its doc number, and doc numbers break score ties, so the order
// is fixed here once: newest issue first, then page, then the order stories have on the page.

import { issuesNewestFirst, pagesInOrder } from '../render/order.js'
import { storyUrl } from '../render/urls.js'
import type { Story, SiteModel } from '../types.js'
import type { DocCard } from './format.js'

export interface SearchDoc {
  ref: number
  card: DocCard
  /** Names as tagged (canonical); aliases are not in the model yet. */
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

export function collectSearchDocs(model: SiteModel): SearchDoc[] {
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
          people: story.people.map((p) => p.name),
          topics: [...story.topics],
        })
      }
    }
  }
  return docs
}
