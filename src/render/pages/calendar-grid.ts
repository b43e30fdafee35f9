// A month as a calendar table: weeks in rows, Monday first; days with an issue link to it.
// A real table (caption, column headers), so a screen reader can say which weekday a day is.

import type { Element, ElementContent } from 'hast'
import { h } from '../h.js'
import { dayOfMonth, monthWeeks } from '../calendar.js'
import type { SiteContext } from '../site-context.js'
import { issueUrl } from '../urls.js'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'] as const

export interface CalendarGridOptions {
  /** The table's caption: the month's name, linked or not. */
  caption: ElementContent
  /** Say under each linked day how many stories its issue has. */
  counts?: boolean
}

function dayCell(site: SiteContext, date: string, counts: boolean): Element {
  const day = String(dayOfMonth(date))
  const issues = site.issuesOn(date)
  if (issues.length === 0) return h('td', day)
  const stories = issues.reduce((sum, issue) => sum + site.storiesOf(issue).length, 0)
  return h(
    'td.has-issue',
    h('a', { href: issueUrl(date) }, [
      h('span.day', day),
      h('span.visually-hidden', '日'),
      counts ? h('span.day-count', `${stories} 篇`) : null,
    ]),
  )
}

export function calendarGrid(site: SiteContext, month: string, options: CalendarGridOptions): Element {
  return h('table.calendar', [
    h('caption', [options.caption]),
    h('thead', h('tr', WEEKDAYS.map((name) => h('th', { scope: 'col', abbr: `星期${name}` }, name)))),
    h(
      'tbody',
      monthWeeks(month).map((week) =>
        h('tr', week.map((date) => (date === null ? h('td.pad') : dayCell(site, date, options.counts ?? false)))),
      ),
    ),
  ])
}
