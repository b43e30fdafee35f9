// One page per issue: its pages, each with its stories, and links to the issues around it.

import type { Element } from 'hast'
import { h } from '../h.js'
import type { Issue } from '../../types.js'
import type { PageSpec } from '../document.js'
import { formatDate } from '../labels.js'
import { pagesInOrder } from '../order.js'
import type { SiteContext } from '../site-context.js'
import { apiIssueUrl, issueUrl, pageUrl } from '../urls.js'
import { breadcrumbs, dateTrail, issueNavLinks, storyList } from './parts.js'

export function issueTitle(issue: Issue): string {
  return `${issue.paper} ${formatDate(issue.date)}`
}

/** One section per printed page: its heading (at `level`) linked to the page view, then its stories. */
export function issueSections(site: SiteContext, issue: Issue, level: 'h2' | 'h3', options: { leads?: boolean } = {}): Element[] {
  const stories = site.storiesOf(issue)
  return pagesInOrder(issue).map((page) => {
    const number = page.page.meta.page
    const own = stories.filter((ref) => ref.page === page)
    return h('section.issue-page', [
      h(level, h('a', { href: pageUrl(issue.date, number) }, `第${number}版`)),
      own.length > 0 ? storyList(own, options) : h('p.empty-note', '本版没有识别出报道。'),
    ])
  })
}

export function issueSummary(site: SiteContext, issue: Issue): string {
  return `共 ${issue.pages.length} 版，${site.storiesOf(issue).length} 篇。`
}

export function issuePage(site: SiteContext, issue: Issue): PageSpec {
  const title = issueTitle(issue)
  const titles = site.storiesOf(issue).map((ref) => ref.story.title)
  return {
    path: issueUrl(issue.date),
    title,
    template: 'issue',
    description: `${title}，${issueSummary(site, issue)}${titles.length > 0 ? `本期有：${titles.slice(0, 3).join('；')}${titles.length > 3 ? '等' : ''}。` : ''}`,
    slots: {
      breadcrumbs: breadcrumbs([...dateTrail(issue.date), { text: title }]),
      heading: title,
      meta: [
        { type: 'text', value: `${issueSummary(site, issue)}数据：` },
        h('a', { href: apiIssueUrl(issue.date) }, `${issue.date}.json`),
      ],
      pages: issueSections(site, issue, 'h2'),
      'prev-next': issueNavLinks(site.issueNeighbours(issue)),
    },
  }
}
