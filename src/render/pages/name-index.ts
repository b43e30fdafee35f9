// people/index.html and topics/index.html: every name the stories carry, most stories first
// (ties by name, in code unit order), each with its story count and latest story.

import type { Element } from 'hast'
import { h } from 'hastscript'
import type { PageSpec } from '../document.js'
import { formatDate } from '../labels.js'
import type { NameEntry } from '../site-context.js'
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

export function nameIndexPage(kind: NameIndexKind, entries: readonly NameEntry[]): PageSpec {
  return {
    path: kind.url,
    title: kind.heading,
    template: 'list',
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: kind.heading }]),
      heading: kind.heading,
      intro: entries.length === 0 ? kind.empty : kind.intro(entries.length),
      items: entries.length === 0 ? null : entries.map(entryItem),
    },
  }
}
