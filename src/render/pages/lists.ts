// people/ and topics/: an index of every name the stories carry, and one page per name
// listing its stories. Until tagging fills people and topics, the indexes say so plainly.

import { h } from 'hastscript'
import type { PageSpec } from '../document.js'
import type { NameEntry, SiteContext } from '../site-context.js'
import { PEOPLE_URL, TOPICS_URL } from '../urls.js'
import { breadcrumbs, homeCrumb } from './parts.js'

interface ListKind {
  url: string
  heading: string
  empty: string
  intro: (count: number) => string
  entryIntro: (entry: NameEntry) => string
}

const PEOPLE: ListKind = {
  url: PEOPLE_URL,
  heading: '人物',
  empty: '还没有人物数据：从报道中识别人名的功能尚未完成，完成后这里会列出报道提到的人物。',
  intro: (count) => `报道中提到的 ${count} 位人物，按报道篇数排列。`,
  entryIntro: (entry) => `提到${entry.name}的 ${entry.stories.length} 篇报道，新的在前。`,
}

const TOPICS: ListKind = {
  url: TOPICS_URL,
  heading: '主题',
  empty: '还没有主题数据：给报道归类的功能尚未完成，完成后这里会列出各个主题。',
  intro: (count) => `报道归入的 ${count} 个主题，按报道篇数排列。`,
  entryIntro: (entry) => `归入“${entry.name}”的 ${entry.stories.length} 篇报道，新的在前。`,
}

function indexPage(kind: ListKind, entries: readonly NameEntry[]): PageSpec {
  return {
    path: kind.url,
    title: kind.heading,
    template: 'list',
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: kind.heading }]),
      heading: kind.heading,
      intro: entries.length === 0 ? kind.empty : kind.intro(entries.length),
      items:
        entries.length === 0
          ? null
          : entries.map((entry) => h('li', [h('a', { href: entry.url }, entry.name), h('span.count', `${entry.stories.length} 篇`)])),
    },
  }
}

function entryPage(kind: ListKind, entry: NameEntry): PageSpec {
  return {
    path: entry.url,
    title: entry.name,
    template: 'list',
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: kind.heading, href: kind.url }, { text: entry.name }]),
      heading: entry.name,
      intro: kind.entryIntro(entry),
      items: entry.stories.map((ref) =>
        h('li', [h('a', { href: ref.url }, ref.story.title), h('span.count', ref.story.date ?? ref.issue.date)]),
      ),
    },
  }
}

export function peoplePages(site: SiteContext): PageSpec[] {
  return [indexPage(PEOPLE, site.people), ...site.people.map((entry) => entryPage(PEOPLE, entry))]
}

export function topicPages(site: SiteContext): PageSpec[] {
  return [indexPage(TOPICS, site.topics), ...site.topics.map((entry) => entryPage(TOPICS, entry))]
}
