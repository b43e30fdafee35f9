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

/** A page as its group's key sees it: by its page-cache key instead of its lines, when it has one (types.ts SegmentedPage.sourceKey). */
function keyedPage(page: SegmentedPage): unknown {
  if (page.sourceKey === undefined) return page
  return { page: page.page, sourceKey: page.sourceKey, stories: page.stories, furniture: page.furniture }
}

/**
 * What the group's key (render/page-key.ts) hashes: its inputs. An issue's pages stand for
 * their lines by the key of the page job that made them, which would otherwise be most of
 * the bytes hashed (and unpacked to be hashed: segment/packed-lines.ts).
 */
export function groupKeyData(job: GroupJob): unknown {
  if (job.kind !== 'issue') return job.inputs
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
