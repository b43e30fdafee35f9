// Small hast builders that several page kinds share: breadcrumbs, previous/next links, story
// lists, search links.

import type { Element, ElementContent } from 'hast'
import { h } from '../h.js'
import type { Issue } from '../../types.js'
import { clipText, formatDate, formatMonth, STORY_KIND_LABEL } from '../labels.js'
import type { StoryRef } from '../site-context.js'
import { HOME_URL, issueUrl, monthUrl, SEARCH_URL, yearUrl } from '../urls.js'
import { leadText } from '../../segment/packed-paragraphs.js'

export interface Crumb {
  text: string
  /** Root-relative; omitted for the current page. */
  href?: string
}

export function breadcrumbs(crumbs: Crumb[]): ElementContent[] {
  return crumbs.map((crumb) =>
    crumb.href === undefined ? h('span', { ariaCurrent: 'page' }, crumb.text) : h('a', { href: crumb.href }, crumb.text),
  )
}

export function homeCrumb(): Crumb {
  return { text: '首页', href: HOME_URL }
}

export function issueCrumb(date: string, paper: string): Crumb {
  return { text: `${paper} ${formatDate(date)}`, href: issueUrl(date) }
}

export function yearCrumb(year: string): Crumb {
  return { text: `${year}年`, href: yearUrl(year) }
}

/** Home › year › month, for pages under a date. */
export function dateTrail(date: string): Crumb[] {
  const month = date.slice(0, 7)
  return [homeCrumb(), yearCrumb(date.slice(0, 4)), { text: `${Number(month.slice(5))}月`, href: monthUrl(month) }]
}

/** Home › year › month › issue, for the pages of an issue. */
export function issueTrail(issue: Issue): Crumb[] {
  return [...dateTrail(issue.date), issueCrumb(issue.date, issue.paper)]
}

export interface NavLink {
  href: string
  text: string
}

/**
 * Links to the item before and after this one (`rel=prev`/`next`), or null when there is
 * neither, so the template's <nav> is left out.
 */
export function prevNextLinks(previous: NavLink | undefined, next: NavLink | undefined): Element[] | null {
  const links: Element[] = []
  if (previous) links.push(h('a.prev', { href: previous.href, rel: ['prev'] }, `← ${previous.text}`))
  if (next) links.push(h('a.next', { href: next.href, rel: ['next'] }, `${next.text} →`))
  return links.length > 0 ? links : null
}

/** `上一期` / `下一期` links for an issue's neighbours. */
export function issueNavLinks(neighbours: { previous: Issue | undefined; next: Issue | undefined }): Element[] | null {
  const link = (issue: Issue | undefined, word: string): NavLink | undefined =>
    issue && { href: issueUrl(issue.date), text: `${word} ${formatDate(issue.date)}` }
  return prevNextLinks(link(neighbours.previous, '上一期'), link(neighbours.next, '下一期'))
}

/** `2022-06` → `2022年6月`, linked to the month's page. */
export function monthLink(month: string): Element {
  return h('a', { href: monthUrl(month) }, formatMonth(month))
}

/** The opening words of a story, for lists that show what a story is about. */
export const LEAD_LENGTH = 60

export function storyLead(ref: StoryRef): string {
  return clipText(leadText(ref.story), LEAD_LENGTH)
}

/** One line per story: its title linked, then what kind of item it is and its column; with `leads`, its opening words below. */
export function storyList(refs: readonly StoryRef[], options: { leads?: boolean } = {}): Element {
  return h(
    options.leads ? 'ol.story-list.story-list--leads' : 'ol.story-list',
    refs.map((ref) => {
      const { story, url } = ref
      const lead = options.leads ? storyLead(ref) : ''
      return h('li', [
        h('a', { href: url }, story.title),
        story.kind === 'report' ? null : h('span.kind', STORY_KIND_LABEL[story.kind]),
        story.column ? h('span.column', story.column) : null,
        lead ? h('p.story-lead', lead) : null,
      ])
    }),
  )
}

/**
 * List items for stories in the order given, each with its title linked and its issue date;
 * `extra` adds nodes after the date (a person's titles in that story, say).
 */
export function datedStoryItems(refs: readonly StoryRef[], extra: (ref: StoryRef) => ElementContent[] = () => []): Element[] {
  return refs.map((ref) =>
    h('li', [h('a', { href: ref.url }, ref.story.title), h('span.story-date', formatDate(ref.issue.date)), ...extra(ref)]),
  )
}

/** A link to the search page with `key:name` filled in; names with spaces are quoted, as the query syntax wants. */
export function searchFilterLink(key: 'person' | 'topic', name: string, text: string): Element {
  const value = /\s/u.test(name) ? `"${name}"` : name
  return h('a', { href: `${SEARCH_URL}?q=${encodeURIComponent(`${key}:${value}`)}` }, text)
}

/** `最早见于 …，最近见于 …` for stories listed newest first (one date when they share it). */
export function seenBetween(refs: readonly StoryRef[]): string {
  const newest = refs[0]
  const oldest = refs[refs.length - 1]
  if (!newest || !oldest) return '没有报道'
  if (newest.issue.date === oldest.issue.date) return `见于 ${formatDate(newest.issue.date)}`
  return `最早见于 ${formatDate(oldest.issue.date)}，最近见于 ${formatDate(newest.issue.date)}`
}
