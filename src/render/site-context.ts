// What several pages need to know about the whole site, computed once per render: issues in
// order, every story with its URL, and the people and topics that stories mention.

import type { Issue, SegmentedPage, SiteModel, Story } from '../types.js'
import { compareText, issuesNewestFirst, pagesInOrder } from './order.js'
import { nameSlug, personUrl, storyUrl, topicUrl } from './urls.js'

export interface StoryRef {
  issue: Issue
  page: SegmentedPage
  story: Story
  url: string
}

export interface NameEntry {
  name: string
  url: string
  /** Newest first. */
  stories: StoryRef[]
}

export interface SiteContext {
  model: SiteModel
  issues: Issue[]
  stories: StoryRef[]
  /** The stories of one issue, in page and reading order. */
  storiesOf: (issue: Issue) => StoryRef[]
  people: NameEntry[]
  topics: NameEntry[]
  personUrl: (name: string) => string | undefined
  topicUrl: (name: string) => string | undefined
}

/**
 * Slugs are handed out in name order (code unit order: locale-free, so stable everywhere),
 * so a name's URL does not change when other names gain stories. Listed most-mentioned first.
 */
function nameEntries(stories: StoryRef[], names: (story: Story) => string[], url: (slug: string) => string): NameEntry[] {
  const byName = new Map<string, StoryRef[]>()
  for (const ref of stories) {
    for (const name of new Set(names(ref.story))) {
      const refs = byName.get(name)
      if (refs) refs.push(ref)
      else byName.set(name, [ref])
    }
  }
  const used = new Set<string>()
  const entries = [...byName.keys()].sort(compareText).map((name): NameEntry => {
    const base = nameSlug(name)
    let slug = base
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`
    used.add(slug)
    return { name, url: url(slug), stories: byName.get(name)! }
  })
  return entries.sort((a, b) => b.stories.length - a.stories.length || compareText(a.name, b.name))
}

export function buildSiteContext(model: SiteModel): SiteContext {
  const issues = issuesNewestFirst(model.issues)
  const stories: StoryRef[] = []
  for (const issue of issues) {
    for (const page of pagesInOrder(issue)) {
      for (const story of page.stories) {
        stories.push({ issue, page, story, url: storyUrl(issue.date, page.page.meta.page, story.bodyLine) })
      }
    }
  }
  const byIssue = new Map<Issue, StoryRef[]>()
  for (const ref of stories) {
    const refs = byIssue.get(ref.issue)
    if (refs) refs.push(ref)
    else byIssue.set(ref.issue, [ref])
  }
  const people = nameEntries(stories, (story) => story.people.map((p) => p.name), personUrl)
  const topics = nameEntries(stories, (story) => story.topics, topicUrl)
  const peopleUrls = new Map(people.map((entry) => [entry.name, entry.url]))
  const topicUrls = new Map(topics.map((entry) => [entry.name, entry.url]))
  return {
    model,
    issues,
    stories,
    storiesOf: (issue) => byIssue.get(issue) ?? [],
    people,
    topics,
    personUrl: (name) => peopleUrls.get(name),
    topicUrl: (name) => topicUrls.get(name),
  }
}
