// The date pages: one per year (a calendar of each month that has issues) and one per month
// (a calendar with story counts, then each issue with its stories), with links to the
// neighbouring year or month that has issues.

import { h } from '../h.js'
import type { ArchiveMonth, ArchiveYear } from '../calendar.js'
import { lazyPage, type LazyPages, type PageSpec } from '../document.js'
import { formatMonth } from '../labels.js'
import { issueKey } from '../group-job.js'
import type { SiteContext } from '../site-context.js'
import { issueUrl, monthUrl, yearUrl } from '../urls.js'
import { calendarGrid } from './calendar-grid.js'
import { issueTitle, issueSummary } from './issue.js'
import { breadcrumbs, homeCrumb, monthLink, prevNextLinks, storyList, yearCrumb } from './parts.js'

function issuesIn(site: SiteContext, dates: readonly string[]) {
  return dates.flatMap((date) => site.issuesOn(date))
}

function storyCount(site: SiteContext, dates: readonly string[]): number {
  return issuesIn(site, dates).reduce((sum, issue) => sum + site.storiesOf(issue).length, 0)
}

function countWords(site: SiteContext, dates: readonly string[]): string {
  return `${issuesIn(site, dates).length} 期、${storyCount(site, dates)} 篇报道`
}

function yearPage(site: SiteContext, years: readonly ArchiveYear[], index: number): PageSpec {
  const { year, months } = years[index]!
  const dates = months.flatMap((m) => m.dates)
  const previous = years[index - 1]
  const next = years[index + 1]
  return {
    path: yearUrl(year),
    title: `${year}年`,
    template: 'year',
    description: `${year}年各期报纸：${countWords(site, dates)}。`,
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: `${year}年` }]),
      heading: `${year}年`,
      intro: `本年收录 ${countWords(site, dates)}，分布在 ${months.length} 个月。点日期打开那一期。`,
      months: months.map((month) => calendarGrid(site, month.month, { caption: monthLink(month.month) })),
      'prev-next': prevNextLinks(
        previous && { href: yearUrl(previous.year), text: `${previous.year}年` },
        next && { href: yearUrl(next.year), text: `${next.year}年` },
      ),
    },
  }
}

function monthPage(site: SiteContext, months: readonly ArchiveMonth[], index: number): PageSpec {
  const { month, dates } = months[index]!
  const title = formatMonth(month)
  const previous = months[index - 1]
  const next = months[index + 1]
  return {
    path: monthUrl(month),
    title,
    template: 'month',
    description: `${title}各期报纸：${countWords(site, dates)}。`,
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), yearCrumb(month.slice(0, 4)), { text: `${Number(month.slice(5))}月` }]),
      heading: title,
      intro: `本月收录 ${countWords(site, dates)}。`,
      calendar: calendarGrid(site, month, { caption: h('span.visually-hidden', `${title}日历`), counts: true }),
      issues: issuesIn(site, dates).map((issue) =>
        h('section.month-issue', [
          h('h2', h('a', { href: issueUrl(issue.date) }, issueTitle(issue))),
          h('p.page-meta', issueSummary(site, issue)),
          storyList(site.storiesOf(issue)),
        ]),
      ),
      'prev-next': prevNextLinks(
        previous && { href: monthUrl(previous.month), text: formatMonth(previous.month) },
        next && { href: monthUrl(next.month), text: formatMonth(next.month) },
      ),
    },
  }
}

/** The issues of each date by their hash: all a year's or month's page shows of them (titles, counts, stories). */
function datedIssueKeys(site: SiteContext, dates: readonly string[]): [string, string[]][] {
  return dates.map((date) => [date, site.issuesOn(date).map(issueKey)])
}

/** Every year's page, then every month's, each made when asked for, each keyed by its issues and its neighbours. */
export function datePages(site: SiteContext): LazyPages[] {
  const years = site.calendar
  const months = years.flatMap((year) => year.months)
  return [
    ...years.map(({ year, months: own }, i) =>
      lazyPage(
        yearUrl(year),
        () => yearPage(site, years, i),
        () => ({ previous: years[i - 1]?.year, next: years[i + 1]?.year, months: own.map((m) => [m.month, datedIssueKeys(site, m.dates)]) }),
      ),
    ),
    ...months.map(({ month, dates }, i) =>
      lazyPage(
        monthUrl(month),
        () => monthPage(site, months, i),
        () => ({ previous: months[i - 1]?.month, next: months[i + 1]?.month, issues: datedIssueKeys(site, dates) }),
      ),
    ),
  ]
}
