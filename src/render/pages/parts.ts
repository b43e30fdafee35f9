// Small hast builders that several page kinds share: breadcrumbs, story lists, search links.

import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { formatDate, STORY_KIND_LABEL } from '../labels.js'
import type { StoryRef } from '../site-context.js'
import { HOME_URL, issueUrl, SEARCH_URL } from '../urls.js'

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

/** One line per story: its title linked, then what kind of item it is and its column. */
export function storyList(refs: readonly StoryRef[]): Element {
  return h(
    'ol.story-list',
    refs.map(({ story, url }) =>
      h('li', [
        h('a', { href: url }, story.title),
        story.kind === 'report' ? null : h('span.kind', STORY_KIND_LABEL[story.kind]),
        story.column ? h('span.column', story.column) : null,
      ]),
    ),
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
