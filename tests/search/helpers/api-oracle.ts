// The plain answer for a built site: stories read from its JSON API (api/issues/*.json) and
// matched by scanning, with no index involved. Text is normalised as the index normalises it;
// a match never spans two printed lines or paragraphs, as in the index.

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { normalizeText } from '../../../src/search/tokenizer.js'

export interface ApiStory {
  id: string
  url: string
  issueDate: string
  column: string | null
  headline: string[]
  title: string
  date: string | null
  body: string[]
  people: Array<{ name: string }>
  organizations: string[]
  topics: string[]
}

export function readApiStories(outDir: string): ApiStory[] {
  const dir = path.join(outDir, 'api/issues')
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const issue = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { date: string; pages: Array<{ stories: Omit<ApiStory, 'issueDate'>[] }> }
      return issue.pages.flatMap((page) => page.stories.map((story) => ({ ...story, issueDate: issue.date })))
    })
}

/** Every text of a story a search term may match: column, printed headline lines, title, paragraphs. */
function searchableLines(story: ApiStory): string[] {
  return [story.column ?? '', ...story.headline, story.title, ...story.body].map(normalizeText)
}

export function apiStoriesContaining(stories: readonly ApiStory[], query: string): ApiStory[] {
  const needle = normalizeText(query)
  return stories.filter((story) => searchableLines(story).some((line) => line.includes(needle)))
}

/** The date `date:` and `year:` filter on: the event date, else the issue date. */
export function effectiveDate(story: ApiStory): string {
  return story.date ?? story.issueDate
}
