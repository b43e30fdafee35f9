// topics/: the index of every topic stories were filed under, and one page per topic with
// stories per month and its stories, newest first.

import type { LazyPages, PageSpec } from '../document.js'
import { storyRefKeys } from '../group-job.js'
import { monthCounts } from '../month-counts.js'
import type { NameEntry, SiteContext } from '../site-context.js'
import { TOPICS_URL } from '../urls.js'
import { monthChartSlots } from './month-chart.js'
import { nameIndexPages, type NameIndexKind } from './name-index.js'
import { listSlots, yearListPage, yearLists } from './long-list.js'
import { breadcrumbs, homeCrumb, searchFilterLink, seenBetween } from './parts.js'

const TOPICS: NameIndexKind = {
  url: TOPICS_URL,
  heading: '主题',
  empty: '这个档案的报道还没有归入任何主题。',
  intro: (count) => `报道归入的 ${count} 个主题，按报道篇数排列。`,
}

function topicPage(entry: NameEntry): PageSpec {
  const { name, stories } = entry
  return {
    path: entry.url,
    title: name,
    template: 'topic',
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: TOPICS.heading, href: TOPICS.url }, { text: name }]),
      heading: name,
      intro: `${stories.length} 篇报道归入“${name}”，${seenBetween(stories)}。`,
      ...monthChartSlots(monthCounts(stories.map((ref) => ref.issue.date))),
      ...listSlots(entry),
      search: [searchFilterLink('topic', name, `在搜索中按主题“${name}”筛选`)],
    },
  }
}

/** The index, then each topic's page and its year pages, each made when asked for. */
export function topicPages(site: SiteContext): LazyPages[] {
  return [
    ...nameIndexPages(TOPICS, site.topics),
    ...site.topics.flatMap((entry): LazyPages[] => [
      {
        paths: [entry.url],
        specs: () => [topicPage(entry)],
        // Its stories, each by its issue's hash and its URL (the issue holds its title and date).
        inputs: () => ({ name: entry.name, stories: storyRefKeys(entry.stories) }),
      },
      // Each year page on its own: a new issue changes the year it falls in (long-list.ts yearLinks).
      ...yearLists(entry).map((list) => ({
        paths: [list.path],
        specs: () => [yearListPage(entry, { text: TOPICS.heading, href: TOPICS.url }, list)],
        inputs: () => ({ name: entry.name, year: list.year, years: list.years, stories: storyRefKeys(list.refs) }),
      })),
    ]),
  ]
}
