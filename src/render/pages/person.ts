// people/: the index of everyone the stories name, and one page per person with the titles
// printed before their name over time, stories per month, their stories, and the people
// they most often appear with.

import type { Element, ElementContent } from 'hast'
import { h } from '../h.js'
import { coMentions } from '../co-occurrence.js'
import type { LazyPages, PageSpec } from '../document.js'
import { formatDate } from '../labels.js'
import { monthCounts } from '../month-counts.js'
import { roleTimeline, type RoleSpan } from '../role-timeline.js'
import type { PersonMention, Story } from '../../types.js'
import type { NameEntry, SiteContext, StoryRef } from '../site-context.js'
import { PEOPLE_URL } from '../urls.js'
import { monthChartSlots } from './month-chart.js'
import { nameIndexPages, type NameIndexKind } from './name-index.js'
import { KEEP } from '../slots.js'
import { listSlots, yearListPages, yearListPaths } from './long-list.js'
import { breadcrumbs, homeCrumb, searchFilterLink, seenBetween } from './parts.js'

const PEOPLE: NameIndexKind = {
  url: PEOPLE_URL,
  heading: '人物',
  empty: '这个档案的报道里还没有识别出人物。',
  intro: (count) => `报道中提到的 ${count} 位人物，按提到他们的报道篇数排列。`,
}

/** The role strings a story printed before the name (a name can be mentioned more than once). */
export function rolesIn(ref: StoryRef, name: string): string[] {
  return [...new Set(ref.story.people.filter((p) => p.name === name).flatMap((p) => p.roles))]
}

function dateLink(date: string, ref: StoryRef): Element {
  return h('a', { href: ref.url }, formatDate(date))
}

function roleTable(spans: readonly RoleSpan<StoryRef>[]): ElementContent {
  if (spans.length === 0) return h('p.empty-note', '报道没有在这个名字前印出职务。')
  return h('table.role-timeline', [
    h('caption.visually-hidden', '职务，按首次见报日期排列'),
    h(
      'thead',
      h('tr', ['职务', '首次见报', '最近见报', '篇数'].map((label) => h('th', { scope: 'col' }, label))),
    ),
    h(
      'tbody',
      spans.map((span) =>
        h('tr', [
          h('th', { scope: 'row' }, span.title),
          h('td', dateLink(span.first, span.firstSource)),
          h('td', dateLink(span.last, span.lastSource)),
          h('td.number', String(span.count)),
        ]),
      ),
    ),
  ])
}

function rolesNote(ref: StoryRef, name: string): ElementContent[] {
  const roles = rolesIn(ref, name)
  return roles.length === 0 ? [] : [h('span.person-roles', roles.join('；'))]
}

/**
 * Everything a person's pages are made from, as plain data: they are rendered from it alone
 * (personGroupPages), on a worker thread in a big build (render-pool.ts), and when it is
 * unchanged a rebuild keeps the pages without building them.
 */
export interface PersonGroupInputs {
  name: string
  url: string
  aliases: string[]
  /**
   * Newest first: url, title, issue date, the names of the people the story names, and this
   * person's roles in it — what the pages read of the story's people. Names and the one
   * person's roles rather than every person's record: a leader's few thousand stories name
   * many people each, and these inputs are copied to a render thread (at 60,000 stories the
   * person jobs were 105 MB to copy, 70 MB so).
   */
  stories: [string, string, string, string[], string[]][]
  /** Page of each person named beside them (undefined: no page). */
  urls: [string, string | undefined][]
}

export function aliasesOf(site: SiteContext, name: string): string[] {
  const aliases = site.model.people.filter((person) => person.name === name).flatMap((person) => person.aliases)
  return [...new Set(aliases)].filter((alias) => alias !== name)
}

/** The page (or none) of each person named beside them in their stories, in order of first mention. */
function namedBesideUrls(site: SiteContext, entry: NameEntry): [string, string | undefined][] {
  const others = new Set<string>()
  for (const ref of entry.stories) for (const person of ref.story.people) others.add(person.name)
  return [...others].map((name) => [name, site.personUrl(name)])
}

export function personGroupInputs(site: SiteContext, entry: NameEntry): PersonGroupInputs {
  return {
    name: entry.name,
    url: entry.url,
    aliases: aliasesOf(site, entry.name),
    stories: entry.stories.map((ref) => [ref.url, ref.story.title, ref.issue.date, ref.story.people.map((p) => p.name), rolesIn(ref, entry.name)]),
    urls: namedBesideUrls(site, entry),
  }
}

function coMentionItems(entry: NameEntry, personUrl: (name: string) => string | undefined): Element[] {
  const others = coMentions(
    entry.name,
    entry.stories.map((ref) => ref.story.people.map((p) => p.name)),
  )
  return others.map((other) => {
    const href = personUrl(other.name)
    return h('li', [href ? h('a', { href }, other.name) : other.name, h('span.count', `同见 ${other.count} 篇`)])
  })
}

function personPage(inputs: PersonGroupInputs, entry: NameEntry): PageSpec {
  const { name, stories } = entry
  const timeline = roleTimeline(
    stories.map((ref) => ({ date: ref.issue.date, roles: rolesIn(ref, name), source: ref })),
  )
  const urls = new Map(inputs.urls)
  const related = coMentionItems(entry, (other) => urls.get(other))
  return {
    path: entry.url,
    title: name,
    template: 'person',
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: PEOPLE.heading, href: PEOPLE.url }, { text: name }]),
      heading: name,
      intro: `${stories.length} 篇报道提到${name}，${seenBetween(stories)}。`,
      aliases: inputs.aliases.length === 0 ? null : `又作：${inputs.aliases.join('、')}`,
      roles: roleTable(timeline),
      ...monthChartSlots(monthCounts(stories.map((ref) => ref.issue.date))),
      ...listSlots(entry, (ref) => rolesNote(ref, name)),
      'related-section': related.length > 0 ? KEEP : null,
      related,
      search: [searchFilterLink('person', name, `在搜索中按“${name}”筛选`)],
    },
  }
}

/** The person's page, then one page per year of their stories when there are many: from the inputs alone. */
export function personGroupPages(inputs: PersonGroupInputs): PageSpec[] {
  // Stories as the page code reads them; only what the inputs hold is filled in.
  const stories = inputs.stories.map(
    ([url, title, date, names, roles]): StoryRef => ({
      issue: { date, paper: '', pages: [] },
      page: undefined as unknown as StoryRef['page'], // never read by these pages; reading anything of it throws
      // The pages read the people's names and this person's roles (rolesIn) alone.
      story: { title, people: names.map((other): PersonMention => ({ name: other, roles: other === inputs.name ? roles : [] })) } as Story,
      url,
    }),
  )
  const entry: NameEntry = { name: inputs.name, url: inputs.url, stories }
  return [personPage(inputs, entry), ...yearListPages(entry, { text: PEOPLE.heading, href: PEOPLE.url }, (ref) => rolesNote(ref, entry.name))]
}

/** The paths of personGroupPages, without building them. */
export function personPagePaths(entry: NameEntry): string[] {
  return [entry.url, ...yearListPaths(entry)]
}

/** The index of everyone the stories name (in pages by first character when they are many). */
export function peopleIndexPages(site: SiteContext): LazyPages[] {
  return nameIndexPages(PEOPLE, site.people)
}
