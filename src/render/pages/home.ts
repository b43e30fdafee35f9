// index.html: the latest issues with their stories, then every issue by date.

import { h } from 'hastscript'
import type { PageSpec } from '../document.js'
import { formatDate } from '../labels.js'
import type { SiteContext } from '../site-context.js'
import { KEEP } from '../slots.js'
import { HOME_URL, issueUrl } from '../urls.js'
import { storyList } from './parts.js'

/** Issues shown in full on the home page; older ones are listed by date. */
export const LATEST_ISSUES = 10

export function homePage(site: SiteContext): PageSpec {
  const latest = site.issues.slice(0, LATEST_ISSUES)
  const digests = latest.map((issue) =>
    h('section.issue-digest', [
      h('h2', h('a', { href: issueUrl(issue.date) }, `${issue.paper} ${formatDate(issue.date)}`)),
      storyList(site.storiesOf(issue)),
    ]),
  )
  const olderExist = site.issues.length > latest.length
  return {
    path: HOME_URL,
    title: null,
    template: 'home',
    slots: {
      heading: site.model.config.title,
      'no-issues': site.issues.length === 0 ? KEEP : null,
      latest: digests,
      'all-issues': olderExist ? KEEP : null,
      'issue-dates': site.issues.map((issue) => h('li', h('a', { href: issueUrl(issue.date) }, issue.date))),
    },
  }
}
