// A page group that can be rendered from plain data alone — an issue's pages, a person's
// pages — so that a worker thread can render it (parallel/render-pool.ts) and its key, a
// hash of that data, is complete by construction.

import { contentKey } from '../cache/hash.js'
import type { Issue, SegmentedPage, SiteConfig } from '../types.js'
import { renderDocument, type PageSpec } from './document.js'
import { issueGroupSpecs, type IssueGroupInputs } from './issue-group.js'
import { personGroupPages, type PersonGroupInputs } from './pages/person.js'
import type { Templates } from './templates.js'

export type GroupJob = { kind: 'issue'; inputs: IssueGroupInputs } | { kind: 'person'; inputs: PersonGroupInputs }

export function groupSpecs(config: SiteConfig, job: GroupJob): PageSpec[] {
  return job.kind === 'issue' ? issueGroupSpecs(config, job.inputs) : personGroupPages(job.inputs)
}

/**
 * A page as its group's key sees it: by its page-cache key instead of its lines and its
 * stories' paragraphs, when it has one (types.ts SegmentedPage.sourceKey): the page job
 * made them and nothing after it changes them (pipeline.ts freezes the paragraphs). The rest
 * of each story — title, tags, byline — is keyed as it is: tagging and corrections change it.
 */
function keyedPage(page: SegmentedPage): unknown {
  if (page.sourceKey === undefined) return page
  const stories = page.stories.map((story) => ({ ...story, paragraphs: undefined }))
  return { page: page.page, sourceKey: page.sourceKey, stories, furniture: page.furniture }
}

// A story as a person's inputs list it — url, title, date and the people it names — hashed
// once however many of its people's pages are keyed: those lists are most of a person's
// inputs, and each story turns up in the inputs of everyone it names (~37 MB of JSON a
// build at 60,000 stories). Kept by the story's list of people (its own array, one per
// story) with the rest of the entry beside it, so a list met with another url, title or
// date is hashed afresh: the key is the same with or without the memo.
const storyKeys = new WeakMap<object, { url: string; title: string; date: string; key: string }>()

function storyKey(url: string, title: string, date: string, people: object): string {
  const known = storyKeys.get(people)
  if (known && known.url === url && known.title === title && known.date === date) return known.key
  const key = contentKey(JSON.stringify([url, title, date, people]))
  storyKeys.set(people, { url, title, date, key })
  return key
}

// An issue with its pages keyed (keyedPage), hashed once a build: its pages' group key and
// its API file's key (render/json-api.ts) both stand for it by this hash.
const issueKeys = new WeakMap<Issue, string>()

/** A hash of everything in the issue, its pages' lines and paragraphs by their page-cache key. */
export function issueKey(issue: Issue): string {
  let key = issueKeys.get(issue)
  if (key === undefined) issueKeys.set(issue, (key = contentKey(JSON.stringify({ ...issue, pages: issue.pages.map(keyedPage) }))))
  return key
}

/**
 * What the group's key (render/page-key.ts) hashes: its inputs, with their biggest parts by
 * a hash of their own. An issue's pages stand for their lines by the key of the page job
 * that made them, which would otherwise be most of the bytes hashed (and unpacked to be
 * hashed: segment/packed-lines.ts), and the whole issue by a hash of that (issueKey); a
 * person's stories stand by a hash of each (storyKey).
 */
export function groupKeyData(job: GroupJob): unknown {
  if (job.kind === 'person') {
    return { ...job.inputs, stories: job.inputs.stories.map(([url, title, date, people]) => storyKey(url, title, date, people)) }
  }
  return { ...job.inputs, issue: issueKey(job.inputs.issue) }
}

/**
 * The group's pages rendered: path, key and HTML of each. A page's key is the hash of its
 * bytes: the group's own key (of its inputs) already decided that the group is built, and
 * hashing the HTML costs less than hashing the page's tree.
 */
export function renderGroup(config: SiteConfig, templates: Templates, job: GroupJob): [string, string, string][] {
  return groupSpecs(config, job).map((spec) => {
    const html = String(renderDocument({ config, templates }, spec).contents)
    return [spec.path, contentKey(html), html]
  })
}
