// The pages of one issue — its issue page, page views and story pages — depend on the
// issue itself and on a few things from outside it, listed here: the neighbouring issues'
// dates, the stories read just before and after it, and the addresses of the people and
// topics it names. When none of that changes, neither do its pages, so a rebuild can keep
// them without building them (write/site-writer.ts). Keep this list in step with what
// pages/issue.ts, page-view.ts and story.ts read from the site context.

import type { Issue } from '../types.js'
import type { SiteContext, StoryRef } from './site-context.js'
import { issueUrl, pageUrl } from './urls.js'

const neighbour = (ref: StoryRef | undefined): { url: string; title: string } | null => (ref ? { url: ref.url, title: ref.story.title } : null)

/** What the issue's pages are made from, as plain data for a key. */
export function issueGroupInputs(site: SiteContext, issue: Issue): unknown {
  const refs = site.storiesOf(issue)
  const issues = site.issueNeighbours(issue)
  const names = new Map<string, string | undefined>()
  const topics = new Map<string, string | undefined>()
  for (const { story } of refs) {
    for (const person of story.people) names.set(person.name, site.personUrl(person.name))
    for (const topic of story.topics) topics.set(topic, site.topicUrl(topic))
  }
  return {
    issue,
    issues: [issues.previous?.date ?? null, issues.next?.date ?? null],
    before: refs.length > 0 ? neighbour(site.storyNeighbours(refs[0]!).previous) : null,
    after: refs.length > 0 ? neighbour(site.storyNeighbours(refs.at(-1)!).next) : null,
    people: [...names],
    topics: [...topics],
  }
}

/** The paths of the issue's pages, without building them. */
export function issueGroupPaths(site: SiteContext, issue: Issue): string[] {
  return [issueUrl(issue.date), ...issue.pages.map((page) => pageUrl(issue.date, page.page.meta.page)), ...site.storiesOf(issue).map((ref) => ref.url)]
}
