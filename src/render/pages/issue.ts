// One page per issue: its pages, each with its stories, and links to the issues around it.

import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Issue } from '../../types.js'
import type { PageSpec } from '../document.js'
import { formatDate } from '../labels.js'
import { pagesInOrder } from '../order.js'
import type { SiteContext } from '../site-context.js'
import { apiIssueUrl, issueUrl, pageUrl } from '../urls.js'
import { breadcrumbs, homeCrumb, storyList } from './parts.js'

function neighbourLinks(newer: Issue | undefined, older: Issue | undefined): ElementContent[] {
  const links: ElementContent[] = []
  if (older) links.push(h('a', { href: issueUrl(older.date), rel: ['prev'] }, `← 上一期 ${formatDate(older.date)}`))
  if (newer) links.push(h('a', { href: issueUrl(newer.date), rel: ['next'] }, `下一期 ${formatDate(newer.date)} →`))
  return links
}

export function issuePage(site: SiteContext, index: number): PageSpec {
  const issue = site.issues[index]!
  const stories = site.storiesOf(issue)
  const title = `${issue.paper} ${formatDate(issue.date)}`
  const links = neighbourLinks(site.issues[index - 1], site.issues[index + 1])
  return {
    path: issueUrl(issue.date),
    title,
    template: 'issue',
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: title }]),
      heading: title,
      meta: [
        { type: 'text', value: `共 ${issue.pages.length} 版，${stories.length} 篇。数据：` },
        h('a', { href: apiIssueUrl(issue.date) }, `${issue.date}.json`),
      ],
      pages: pagesInOrder(issue).map((page) => {
        const number = page.page.meta.page
        const own = stories.filter((ref) => ref.page === page)
        return h('section.issue-page', [
          h('h2', h('a', { href: pageUrl(issue.date, number) }, `第${number}版`)),
          own.length > 0 ? storyList(own) : h('p.empty-note', '本版没有识别出报道。'),
        ])
      }),
      'prev-next': links.length > 0 ? links : null,
    },
  }
}
