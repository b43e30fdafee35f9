// A page group that can be rendered from plain data alone — an issue's pages, a person's
// pages — so that a worker thread can render it (parallel/render-pool.ts), and its key,
// which names all of that data (by hashes for its big parts), so that an unchanged key means
// unchanged pages.

import { storyAsMade } from '../cache/as-made.js'
import { contentKey } from '../cache/hash.js'
import { pageForTransit, pageFromTransit, type PageInTransit } from '../segment/packed-lines.js'
import type { Issue, SegmentedPage, SiteConfig, Story } from '../types.js'
import { renderDocument, type PageSpec } from './document.js'
import { issueGroupSpecs, issueNeighbourInputs, type IssueGroupInputs } from './issue-group.js'
import { aliasesOf, personGroupPages, type PersonGroupInputs } from './pages/person.js'
import type { NameEntry, SiteContext, StoryRef } from './site-context.js'
import type { Templates } from './templates.js'

/** An issue's job carries its group's key, made by the thread that planned it from the site (issueKeyData). */
export type IssueJob = { kind: 'issue'; inputs: IssueGroupInputs; key: string }
/** A person's job carries its group's key, made from the site by the thread that planned it (personKeyData). */
export type PersonJob = { kind: 'person'; inputs: PersonGroupInputs; key: string }
export type GroupJob = IssueJob | PersonJob

export function groupSpecs(config: SiteConfig, job: GroupJob): PageSpec[] {
  return job.kind === 'issue' ? issueGroupSpecs(config, job.inputs) : personGroupPages(job.inputs)
}

/**
 * A page as its group's key sees it: by its page-cache key (types.ts SegmentedPage.sourceKey),
 * when it has one, for what its page job made and nothing after it changes — its lines and
 * their roles, its furniture, its stories' paragraphs — and for every story field of a story
 * still as its page job made it (cache/as-made.ts) but its people, which tagging sets. A story
 * that a correction changed is keyed whole.
 */
function keyedPage(page: SegmentedPage): unknown {
  if (page.sourceKey === undefined) return page
  const stories = page.stories.map((story) => {
    if (storyAsMade(story)) return story.people
    // The paragraphs left out unread (a packed story's are a getter that makes them: segment/packed-paragraphs.ts),
    // which JSON does with an undefined one alike. for…in: as fast as a spread here, and it reads no getter it skips.
    const fields: Record<string, unknown> = {}
    for (const key in story) if (key !== 'paragraphs') fields[key] = story[key as keyof Story]
    return fields
  })
  return { page: page.page, sourceKey: page.sourceKey, stories }
}

// An issue with its pages keyed (keyedPage), hashed once a build: its pages' group key and
// its API file's key (render/json-api.ts) both stand for it by this hash.
const issueKeys = new WeakMap<Issue, string>()

/**
 * A hash of everything in the issue, what its pages' jobs made by their page-cache keys. Made on
 * the thread that planned the site (a copy sent to a worker thread is no longer known as made
 * by its page jobs, and would hash to another key): an issue's job carries it.
 */
export function issueKey(issue: Issue): string {
  let key = issueKeys.get(issue)
  if (key === undefined) issueKeys.set(issue, (key = contentKey(JSON.stringify({ ...issue, pages: issue.pages.map(keyedPage) }))))
  return key
}

/**
 * What an issue group's key (render/page-key.ts) hashes, made from the site without making the
 * group's inputs (issue-group.ts issueGroupInputs), and standing for all of them:
 * - the issue by its hash (issueKey), which stands for the pages' lines and paragraphs by the
 *   key of the page job that made them (otherwise most of the bytes hashed, and unpacked to be
 *   hashed: segment/packed-lines.ts), and for the names of the people and topics it prints;
 * - the neighbouring issues' dates and the stories read just before and after it, as the inputs have them;
 * - the pages of the people and topics it names by the exceptions alone: each has a page at the
 *   URL of its name's slug unless that slug had to take a suffix (SiteContext.suffixedPeople,
 *   suffixedTopics, usually none), as for a person's group (personKeyData).
 * Listing every name's URL for each of 4,800 issues, and hashing them, took a rebuild ~0.2 s.
 */
export function issueKeyData(site: SiteContext, issue: Issue): unknown {
  const refs = site.storiesOf(issue)
  const { issues, before, after } = issueNeighbourInputs(site, issue, refs)
  return {
    issue: issueKey(issue),
    issues,
    before,
    after,
    people: suffixedIn(refs, site.suffixedPeople, personNames, site.personUrl),
    topics: suffixedIn(refs, site.suffixedTopics, (story) => story.topics, site.topicUrl),
  }
}

const personNames = (story: Story): string[] => story.people.map((person) => person.name)

/**
 * The names the stories print whose pages are not at their slug's URL (`suffixed`), each once
 * with its URL, in the order the stories first print them: what a group's key says of the pages
 * it links to besides the names themselves (none at all, usually).
 */
function suffixedIn(
  refs: readonly StoryRef[],
  suffixed: ReadonlySet<string>,
  names: (story: Story) => readonly string[],
  url: (name: string) => string | undefined,
): [string, string | undefined][] {
  const out = new Map<string, string | undefined>()
  if (suffixed.size > 0) for (const { story } of refs) for (const name of names(story)) if (suffixed.has(name)) out.set(name, url(name))
  return [...out]
}

/**
 * Stories as a page group's key reads them: by the hashes of their issues (issueKey), one for
 * each run of stories from one issue. An issue's hash stands for every story in it — its URL,
 * title, date, people and topics — so which of its stories a list holds (those naming a
 * person, of a topic, of a year) follows from the hash and what the list is of. A hash and a
 * URL for each story made the keys of a decade's topic and year pages ~20 MB of JSON.
 */
export function storyRefKeys(refs: readonly StoryRef[]): string[] {
  const keys: string[] = []
  let last: Issue | undefined
  for (const ref of refs) {
    if (ref.issue === last) continue
    last = ref.issue
    keys.push(issueKey(ref.issue))
  }
  return keys
}

/**
 * What a person group's key hashes, made from the site without making the group's inputs
 * (personGroupInputs), and standing for all of them:
 * - the stories by the hashes of their issues (storyRefKeys): a story's url, title, date and
 *   people are the issue's (site-context.ts makes the url from the issue's date, the page and
 *   the story's first body line), and each issue is hashed once a build anyway, for its own
 *   pages' key and API file;
 * - the pages of the people named beside them by the exceptions alone: those names are the
 *   stories' people, and each has a page at the URL of its name's slug unless that slug had
 *   to take a suffix (SiteContext.suffixedPeople, usually none).
 * At 60,000 stories (~283,000 mentions of people), hashing each story again for the people
 * it names and listing each person's neighbours' URLs took every group's key from 1.3 s to
 * 2.2 s of each rebuild.
 */
export function personKeyData(site: SiteContext, entry: NameEntry): unknown {
  return {
    name: entry.name,
    url: entry.url,
    aliases: aliasesOf(site, entry.name),
    stories: storyRefKeys(entry.stories),
    suffixed: suffixedIn(entry.stories, site.suffixedPeople, personNames, site.personUrl),
  }
}

/** A job as it is posted to a render thread: an issue's pages in their packed form (segment/packed-lines.ts pageForTransit). */
export type JobInTransit =
  | PersonJob
  | { kind: 'issue'; inputs: Omit<IssueGroupInputs, 'issue'> & { issue: Omit<Issue, 'pages'> & { pages: PageInTransit[] } }; key: string }

export function jobForTransit(job: GroupJob): JobInTransit {
  if (job.kind === 'person') return job
  const { issue } = job.inputs
  return { kind: 'issue', inputs: { ...job.inputs, issue: { ...issue, pages: issue.pages.map(pageForTransit) } }, key: job.key }
}

export function jobFromTransit(sent: JobInTransit): GroupJob {
  if (sent.kind === 'person') return sent
  const { issue } = sent.inputs
  return { kind: 'issue', inputs: { ...sent.inputs, issue: { ...issue, pages: issue.pages.map(pageFromTransit) } }, key: sent.key }
}

/**
 * The group's pages rendered: path, key and bytes (UTF-8 HTML) of each. A page's key is the
 * hash of its bytes: the group's own key (of its inputs) already decided that the group is
 * built, and hashing the HTML costs less than hashing the page's tree. The HTML is encoded
 * once, for its key and its file: hashing the string and then writing it encoded each page
 * twice (~1.1 GB of HTML at 60,000 stories).
 */
export function renderGroup(config: SiteConfig, templates: Templates, job: GroupJob): [string, string, Uint8Array][] {
  return groupSpecs(config, job).map((spec) => {
    const bytes = Buffer.from(String(renderDocument({ config, templates }, spec).contents), 'utf8')
    return [spec.path, contentKey(bytes), bytes]
  })
}
