// The pages of one issue — its issue page, page views and story pages — depend on the
// issue itself and on a few things from outside it, listed in IssueGroupInputs: the
// neighbouring issues' dates, the stories read just before and after it, and the addresses
// of the people and topics it names. renderIssueGroup renders them from those inputs alone
// (on a worker thread, render-pool.ts): a page that read anything else could not be rendered.
// The group's key stands for every input (group-job.ts issueKeyData; tests/render/group-key.test.ts
// changes each and checks the key changes with it).

import type { SiteConfig, Story } from '../types.js'
import type { Issue } from '../types.js'
import { renderDocument, type PageSpec } from './document.js'
import { issuePage } from './pages/issue.js'
import { pageView } from './pages/page-view.js'
import { storyPage } from './pages/story.js'
import { issueStoryRefs, type SiteContext, type StoryRef } from './site-context.js'
import type { Templates } from './templates.js'
import { issueUrl, pageUrl } from './urls.js'

interface Neighbour {
  url: string
  title: string
}

export interface IssueGroupInputs {
  issue: Issue
  /** Dates of the older and the newer issue. */
  issues: [string | null, string | null]
  /** The story read just before the issue's first, and just after its last. */
  before: Neighbour | null
  after: Neighbour | null
  /** Name → page, for every person and topic the issue names. */
  people: [string, string | undefined][]
  topics: [string, string | undefined][]
}

const neighbour = (ref: StoryRef | undefined): Neighbour | null => (ref ? { url: ref.url, title: ref.story.title } : null)

/** The inputs from the issues and stories beside the issue (`refs`: its stories). */
export function issueNeighbourInputs(site: SiteContext, issue: Issue, refs: readonly StoryRef[]): Pick<IssueGroupInputs, 'issues' | 'before' | 'after'> {
  const issues = site.issueNeighbours(issue)
  return {
    issues: [issues.previous?.date ?? null, issues.next?.date ?? null],
    before: refs.length > 0 ? neighbour(site.storyNeighbours(refs[0]!).previous) : null,
    after: refs.length > 0 ? neighbour(site.storyNeighbours(refs.at(-1)!).next) : null,
  }
}

/** What the issue's pages are made from, as plain data. */
export function issueGroupInputs(site: SiteContext, issue: Issue): IssueGroupInputs {
  const refs = site.storiesOf(issue)
  const names = new Map<string, string | undefined>()
  const topics = new Map<string, string | undefined>()
  for (const { story } of refs) {
    for (const person of story.people) names.set(person.name, site.personUrl(person.name))
    for (const topic of story.topics) topics.set(topic, site.topicUrl(topic))
  }
  return {
    issue,
    ...issueNeighbourInputs(site, issue, refs),
    people: [...names],
    topics: [...topics],
  }
}

/** The paths of the issue's pages, without building them. */
export function issueGroupPaths(site: SiteContext, issue: Issue): string[] {
  return [issueUrl(issue.date), ...issue.pages.map((page) => pageUrl(issue.date, page.page.meta.page)), ...site.storiesOf(issue).map((ref) => ref.url)]
}

const notAnInput = (what: string): never => {
  throw new Error(`An issue's pages read ${what}, which is not among their inputs (render/issue-group.ts)`)
}

/** What an issue's pages may not read: the site-wide lists (each with what an error calls it). */
const OUTSIDE_INPUTS = {
  issues: 'the list of issues',
  stories: 'the list of stories',
  calendar: 'the calendar',
  people: 'the list of people',
  topics: 'the list of topics',
  suffixedPeople: 'which people have suffixed page URLs',
  suffixedTopics: 'which topics have suffixed page URLs',
} as const satisfies Partial<Record<keyof SiteContext, string>>

/**
 * A getter for each of them that throws, on one object every issue's context inherits from:
 * with an object literal's getters made afresh for each issue, V8 kept each issue's data (its
 * pages, stories and lines) alive until its next full collection, and a render thread copied
 * nearly every job into its old generation (104 of 181 MB made for 1,440 issues, against
 * 0.1 MB; bench/results.md).
 */
const outsideInputs: object = Object.defineProperties(
  {},
  Object.fromEntries(Object.entries(OUTSIDE_INPUTS).map(([key, what]): [string, PropertyDescriptor] => [key, { get: () => notAnInput(what), enumerable: true }])),
)

/** A site context that knows only the inputs: anything else a page asks for is an error. */
export function inputsContext(config: SiteConfig, inputs: IssueGroupInputs): SiteContext {
  const { issue } = inputs
  const refs = issueStoryRefs(issue)
  const at = new Map(refs.map((ref, i) => [ref, i]))
  const stub = (date: string | null): Issue | undefined => (date === null ? undefined : { date, paper: '', pages: [] })
  const outside = (n: Neighbour | null): StoryRef | undefined =>
    n ? ({ issue, page: issue.pages[0]!, story: { title: n.title } as Story, url: n.url } satisfies StoryRef) : undefined
  const people = new Map(inputs.people)
  const topics = new Map(inputs.topics)
  const readable: Omit<SiteContext, keyof typeof OUTSIDE_INPUTS> = {
    model: { config, issues: [issue], people: [], diagnostics: [] },
    storiesOf: (other) => (other === issue ? refs : notAnInput('another issue')),
    issueNeighbours: (other) => (other === issue ? { previous: stub(inputs.issues[0]), next: stub(inputs.issues[1]) } : notAnInput('another issue')),
    storyNeighbours: (ref) => {
      const i = at.get(ref)
      if (i === undefined) return notAnInput('a story of another issue')
      return { previous: i > 0 ? refs[i - 1] : outside(inputs.before), next: i < refs.length - 1 ? refs[i + 1] : outside(inputs.after) }
    },
    issuesOn: () => notAnInput('other dates'),
    personUrl: (name) => (people.has(name) ? people.get(name) : notAnInput(`the page of ${name}`)),
    topicUrl: (name) => (topics.has(name) ? topics.get(name) : notAnInput(`the page of ${name}`)),
  }
  return Object.assign(Object.create(outsideInputs) as object, readable) as SiteContext
}

/** The issue's pages, built from its inputs alone. */
export function issueGroupSpecs(config: SiteConfig, inputs: IssueGroupInputs): PageSpec[] {
  const site = inputsContext(config, inputs)
  const { issue } = inputs
  return [issuePage(site, issue), ...issue.pages.map((page) => pageView(site, issue, page)), ...site.storiesOf(issue).map((ref) => storyPage(site, ref))]
}

/** Renders the issue's pages: path, key (as SitePlan.key) and HTML of each. */
