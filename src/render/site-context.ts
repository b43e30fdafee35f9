// What several pages need to know about the whole site, computed once per render: issues in
// order and on the calendar, every story with its URL and its neighbours in reading order,
// and the people and topics that stories mention.

import type { Issue, SegmentedPage, SiteModel, Story } from '../types.js'
import { archiveCalendar, type ArchiveYear } from './calendar.js'
import { groupBy } from './group-by.js'
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

/** The items before and after one in a sequence (older and newer, or earlier and later in reading order). */
export interface Neighbours<T> {
  previous: T | undefined
  next: T | undefined
}

export interface SiteContext {
  model: SiteModel
  /** Newest first. */
  issues: Issue[]
  /** Newest issue first, then page order, then reading order on the page. */
  stories: StoryRef[]
  /** The stories of one issue, in page and reading order. */
  storiesOf: (issue: Issue) => StoryRef[]
  /** The older (previous) and newer (next) issue. */
  issueNeighbours: (issue: Issue) => Neighbours<Issue>
  /** The story read before and after this one: reading order within an issue, issues oldest first. */
  storyNeighbours: (ref: StoryRef) => Neighbours<StoryRef>
  /** Years → months → days with an issue, oldest first. */
  calendar: ArchiveYear[]
  /** Issues of one date (usually one). */
  issuesOn: (date: string) => Issue[]
  people: NameEntry[]
  topics: NameEntry[]
  personUrl: (name: string) => string | undefined
  topicUrl: (name: string) => string | undefined
  /** People whose page is not at the URL of their name's slug (personUrl(nameSlug(name))): another name took that slug first, so theirs got a number. */
  suffixedPeople: ReadonlySet<string>
  /** The same for topics. */
  suffixedTopics: ReadonlySet<string>
}

function neighboursIn<T>(sequence: readonly T[], index: number | undefined): Neighbours<T> {
  if (index === undefined) return { previous: undefined, next: undefined }
  return { previous: sequence[index - 1], next: sequence[index + 1] }
}

/**
 * Slugs are handed out in name order (code unit order: locale-free, so stable everywhere),
 * so a name's URL does not change when other names gain stories. Listed most-mentioned first;
 * `suffixed` names those whose slug was taken by an earlier name and got a number.
 */
function nameEntries(stories: StoryRef[], names: (story: Story) => string[], url: (slug: string) => string): { entries: NameEntry[]; suffixed: Set<string> } {
  const byName = new Map<string, StoryRef[]>()
  for (const ref of stories) {
    for (const name of new Set(names(ref.story))) {
      const refs = byName.get(name)
      if (refs) refs.push(ref)
      else byName.set(name, [ref])
    }
  }
  const used = new Set<string>()
  const suffixed = new Set<string>()
  const entries = [...byName.keys()].sort(compareText).map((name): NameEntry => {
    const base = nameSlug(name)
    let slug = base
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`
    used.add(slug)
    if (slug !== base) suffixed.add(name)
    return { name, url: url(slug), stories: byName.get(name)! }
  })
  return { entries: entries.sort((a, b) => b.stories.length - a.stories.length || compareText(a.name, b.name)), suffixed }
}

/** An issue's stories in page and reading order, with their URLs. */
export function issueStoryRefs(issue: Issue): StoryRef[] {
  return pagesInOrder(issue).flatMap((page) => page.stories.map((story) => ({ issue, page, story, url: storyUrl(issue.date, page.page.meta.page, story.bodyLine) })))
}

export function buildSiteContext(model: SiteModel): SiteContext {
  const issues = issuesNewestFirst(model.issues)
  const stories: StoryRef[] = issues.flatMap(issueStoryRefs)
  const byIssue = groupBy(stories, (ref) => ref.issue)
  const byDate = groupBy(issues, (issue) => issue.date)
  // Time runs forward: oldest issue first, and within an issue its stories in reading order.
  const chronological = [...issues].reverse()
  const issueAt = new Map(chronological.map((issue, index) => [issue, index]))
  const reading = chronological.flatMap((issue) => byIssue.get(issue) ?? [])
  const readingAt = new Map(reading.map((ref, index) => [ref, index]))
  const { entries: people, suffixed: suffixedPeople } = nameEntries(stories, (story) => story.people.map((p) => p.name), personUrl)
  const { entries: topics, suffixed: suffixedTopics } = nameEntries(stories, (story) => story.topics, topicUrl)
  const peopleUrls = new Map(people.map((entry) => [entry.name, entry.url]))
  const topicUrls = new Map(topics.map((entry) => [entry.name, entry.url]))
  return {
    model,
    issues,
    stories,
    storiesOf: (issue) => byIssue.get(issue) ?? [],
    issueNeighbours: (issue) => neighboursIn(chronological, issueAt.get(issue)),
    storyNeighbours: (ref) => neighboursIn(reading, readingAt.get(ref)),
    calendar: archiveCalendar(issues.map((issue) => issue.date)),
    issuesOn: (date) => byDate.get(date) ?? [],
    people,
    topics,
    personUrl: (name) => peopleUrls.get(name),
    topicUrl: (name) => topicUrls.get(name),
    suffixedPeople,
    suffixedTopics,
  }
}
