// people/index.html and topics/index.html: every name the stories carry, most stories first
// (ties by name, in code unit order), each with its story count and latest story.

import type { Element, ElementContent } from 'hast'
import { h } from '../h.js'
import { lazyPage, type LazyPages } from '../document.js'
import { formatDate } from '../labels.js'
import type { NameEntry } from '../site-context.js'
import { compareText } from '../order.js'
import { nameSlug } from '../urls.js'
import { breadcrumbs, homeCrumb } from './parts.js'

export interface NameIndexKind {
  url: string
  heading: string
  /** Said when the archive has no such names at all. */
  empty: string
  intro: (count: number) => string
}

function entryItem(entry: NameEntry): Element {
  // Every entry has at least one story: it exists because a story names it.
  const latest = entry.stories[0]!
  return h('li', [
    h('a', { href: entry.url }, entry.name),
    h('span.count', `${entry.stories.length} 篇`),
    h('span.latest', ['最近：', h('a', { href: latest.url }, latest.story.title), `（${formatDate(latest.issue.date)}）`]),
  ])
}

/** All an index shows of an entry (entryItem): a change to any of it changes the page's key. */
function entryItemInputs(entry: NameEntry): unknown[] {
  const latest = entry.stories[0]!
  return [entry.name, entry.url, entry.stories.length, latest.url, latest.story.title, latest.issue.date]
}

/** Names on the index page; beyond this, the index lists the most mentioned and the rest go on a page per first character. */
export const INDEX_LIMIT = 500

/** `people/index.html` → `people/by/王.html`. */
function initialUrl(kind: NameIndexKind, initial: string): string {
  return kind.url.replace(/index\.html$/u, `by/${nameSlug(initial)}.html`)
}

/** Entries by their first character (a person's surname, mostly), in code unit order; entries keep their order. */
function byInitial(entries: readonly NameEntry[]): [string, NameEntry[]][] {
  const groups = new Map<string, NameEntry[]>()
  for (const entry of entries) {
    const initial = [...entry.name][0] ?? ''
    const list = groups.get(initial)
    if (list) list.push(entry)
    else groups.set(initial, [entry])
  }
  return [...groups].sort((a, b) => compareText(a[0], b[0]))
}

/** What initialLinks shows of the groups. */
const initialCounts = (groups: [string, NameEntry[]][]): [string, number][] => groups.map(([initial, list]) => [initial, list.length])

/**
 * The links to the pages by first character: on the index with how many names each holds, on
 * those pages the characters alone — a name new to the archive changes one count, and printed
 * on every page by first character it rewrote all of them (74 for each day's issue in a
 * decade's archive) where one or two pages changed.
 */
function initialLinks(kind: NameIndexKind, groups: [string, NameEntry[]][], current?: string): ElementContent[] {
  const label = (initial: string, list: NameEntry[]): string => (current === undefined ? `${initial}（${list.length}）` : initial)
  return [
    { type: 'text', value: '按首字：' },
    ...groups.map(([initial, list]) => (initial === current ? h('strong', label(initial, list)) : h('a', { href: initialUrl(kind, initial) }, label(initial, list)))),
  ]
}

/**
 * The index of every name, and when there are more than INDEX_LIMIT, one page per first
 * character, so no page grows with the archive: a decade of a county paper names tens of
 * thousands of people.
 */
export function nameIndexPages(kind: NameIndexKind, entries: readonly NameEntry[]): LazyPages[] {
  const long = entries.length > INDEX_LIMIT
  const groups = long ? byInitial(entries) : []
  const index = lazyPage(kind.url, () => ({
    path: kind.url,
    title: kind.heading,
    template: 'list',
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: kind.heading }]),
      heading: kind.heading,
      intro: entries.length === 0 ? kind.empty : kind.intro(entries.length) + (long ? `这里列出最常见的 ${INDEX_LIMIT} 个，其余按首字分页。` : ''),
      initials: long ? initialLinks(kind, groups) : null,
      items: entries.length === 0 ? null : entries.slice(0, INDEX_LIMIT).map(entryItem),
    },
  }), () => ({ count: entries.length, initials: initialCounts(groups), items: entries.slice(0, INDEX_LIMIT).map(entryItemInputs) }))
  return [
    index,
    ...groups.map(([initial, list]) =>
      lazyPage(initialUrl(kind, initial), () => ({
        path: initialUrl(kind, initial),
        title: `${kind.heading} · ${initial}`,
        template: 'list',
        slots: {
          breadcrumbs: breadcrumbs([homeCrumb(), { text: kind.heading, href: kind.url }, { text: initial }]),
          heading: `${kind.heading} · ${initial}`,
          intro: `首字为“${initial}”的 ${list.length} 个，按报道篇数排列。`,
          initials: initialLinks(kind, groups, initial),
          items: list.map(entryItem),
        },
      }), () => ({ initial, initials: groups.map(([other]) => other), items: list.map(entryItemInputs) })),
    ),
  ]
}
