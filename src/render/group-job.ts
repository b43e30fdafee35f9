// A page group that can be rendered from plain data alone — an issue's pages, a person's
// pages — so that a worker thread can render it (parallel/render-pool.ts) and its key, a
// hash of that data, is complete by construction.

import { contentKey } from '../cache/hash.js'
import type { SegmentedPage, SiteConfig } from '../types.js'
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

// A story's list of people, hashed once however many of its people's pages are keyed: the
// lists of the stories a person is named in are most of that person's inputs, and each list
// turns up in the inputs of everyone on it. Kept by the list itself (the story's own array),
// so a list is hashed once per build; the key is the same with or without the memo.
const mentionKeys = new WeakMap<object, string>()

function mentionsKey(people: object): string {
  let key = mentionKeys.get(people)
  if (key === undefined) mentionKeys.set(people, (key = contentKey(JSON.stringify(people))))
  return key
}

/**
 * What the group's key (render/page-key.ts) hashes: its inputs, with their biggest parts by
 * a hash of their own. An issue's pages stand for their lines by the key of the page job
 * that made them, which would otherwise be most of the bytes hashed (and unpacked to be
 * hashed: segment/packed-lines.ts); a person's stories stand for their lists of people by
 * the hash of each list.
 */
export function groupKeyData(job: GroupJob): unknown {
  if (job.kind === 'person') {
    return { ...job.inputs, stories: job.inputs.stories.map(([url, title, date, people]) => [url, title, date, mentionsKey(people)]) }
  }
  const { issue } = job.inputs
  return { ...job.inputs, issue: { ...issue, pages: issue.pages.map(keyedPage) } }
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
