// index.html: the latest issue with its stories, the people and topics of recent months,
// and the whole archive as years → months → days; the build report is linked from the
// footer when the build had something to say.

import type { Element, ElementContent } from 'hast'
import { h } from '../h.js'
import type { ArchiveYear } from '../calendar.js'
import type { PageSpec } from '../document.js'
import { siteDescription } from '../head.js'
import { formatMonth } from '../labels.js'
import { recentCounts, recentMonths, type RecentCount } from '../recent-mentions.js'
import type { SiteContext } from '../site-context.js'
import { KEEP } from '../slots.js'
import { HOME_URL, issueUrl, monthUrl, REPORT_URL, yearUrl } from '../urls.js'
import { issueSections, issueSummary, issueTitle } from './issue.js'

function nameCounts(items: readonly RecentCount[]): Element[] {
  return items.map(({ entry, count }) => h('li', [h('a', { href: entry.url }, entry.name), h('span.count', `${count} 篇`)]))
}

/** Newest year and month first; the days of a month in calendar order. */
function calendarList(years: readonly ArchiveYear[]): Element[] {
  return [...years].reverse().map(({ year, months }) =>
    h('li', [
      h('h3.archive-year', h('a', { href: yearUrl(year) }, `${year}年`)),
      h(
        'ol.archive-months',
        [...months].reverse().map(({ month, dates }) =>
          h('li', [
            h('a.archive-month', { href: monthUrl(month) }, `${Number(month.slice(5))}月`),
            h(
              'ol.archive-days',
              { ariaLabel: `${formatMonth(month)}各期` },
              dates.map((date) => h('li', h('a', { href: issueUrl(date) }, `${Number(date.slice(8))}日`))),
            ),
          ]),
        ),
      ),
    ]),
  )
}

function reportNote(site: SiteContext): ElementContent[] | undefined {
  const { diagnostics } = site.model
  if (diagnostics.length === 0) return undefined
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length
  const notes = diagnostics.filter((d) => d.severity === 'info').length
  const counts = [errors > 0 ? `${errors} 个错误` : '', warnings > 0 ? `${warnings} 条警告` : '', notes > 0 ? `${notes} 条提示` : ''].filter(Boolean).join('、')
  return [h('a', { href: REPORT_URL }, `生成报告：${counts}`)]
}

export function homePage(site: SiteContext): PageSpec {
  const config = site.model.config
  const latest = site.issues[0]
  const months = latest ? recentMonths(latest.date) : []
  const people = recentCounts(site.people, months)
  const topics = recentCounts(site.topics, months)
  const span = months.length > 0 ? `${formatMonth(months[0]!)}至${formatMonth(months[months.length - 1]!)}` : ''
  return {
    path: HOME_URL,
    title: null,
    template: 'home',
    description: siteDescription(config),
    footerNote: reportNote(site),
    slots: {
      heading: config.title,
      lede: config.description ? config.description : KEEP,
      'no-issues': latest ? null : KEEP,
      'latest-section': latest ? KEEP : null,
      'latest-title': latest ? [{ type: 'text', value: '最新一期：' }, h('a', { href: issueUrl(latest.date) }, issueTitle(latest))] : null,
      'latest-meta': latest ? issueSummary(site, latest) : null,
      latest: latest ? issueSections(site, latest, 'h3', { leads: true }) : null,
      'recent-section': people.length + topics.length > 0 ? KEEP : null,
      'recent-intro': `${span}见报次数最多的人物和主题（按提到的报道篇数）。`,
      'recent-people-section': people.length > 0 ? KEEP : null,
      'recent-people': nameCounts(people),
      'recent-topics-section': topics.length > 0 ? KEEP : null,
      'recent-topics': nameCounts(topics),
      'calendar-section': latest ? KEEP : null,
      calendar: calendarList(site.calendar),
    },
  }
}
