// One page per story: column, printed headline lines, byline, dates, paragraphs, the
// continuation notes (linked to the continuing story where it can be found), tags, the way
// to the story's lines on the page view, a citation with the permalink, and the stories and
// issues around it.

import type { Element, ElementContent } from 'hast'
import { h } from '../h.js'
import type { Issue, Story } from '../../types.js'
import { citation } from '../cite.js'
import type { PageSpec } from '../document.js'
import { clipText, formatDate } from '../labels.js'
import type { SiteContext, StoryRef } from '../site-context.js'
import { absoluteUrl, issueUrl, pageUrl, storyUrl } from '../urls.js'
import { lineAnchor } from './page-view.js'
import { breadcrumbs, issueNavLinks, issueTrail, prevNextLinks, storyLead } from './parts.js'

/** Printed lines before the main title are kickers, lines after it subtitles. A derived title is said to be one. */
function headlineNodes(story: Story): ElementContent[] {
  const titleAt = story.titleDerived ? -1 : story.headline.indexOf(story.title)
  if (titleAt === -1) {
    return [
      ...story.headline.map((line) => h('p.story-kicker', line)),
      h('h1', story.titleDerived ? [story.title, ' ', h('span.derived', '（标题据正文拟）')] : story.title),
    ]
  }
  return story.headline.map((line, i) =>
    i === titleAt ? h('h1', line) : h(i < titleAt ? 'p.story-kicker' : 'p.story-subtitle', line),
  )
}

function bylineText(story: Story): string | null {
  if (story.byline.length === 0) return null
  return story.byline.map((entry) => (entry.role ? `${entry.role} ${entry.name}` : entry.name)).join('　')
}

function text(value: string): ElementContent {
  return { type: 'text', value }
}

function time(date: string): Element {
  return h('time', { dateTime: date }, formatDate(date))
}

/**
 * `下转第2版` / `上接第1版`: the page linked when the issue has it, and the story there that
 * carries the other half (the one whose own note points back at this page) when there is one.
 */
function continuation(issue: Issue, from: number, to: number, direction: 'on' | 'from'): ElementContent[] {
  const label = `第${to}版`
  const target = issue.pages.find((p) => p.page.meta.page === to)
  const words = direction === 'on' ? '下转' : '上接'
  if (!target) return [text(`${words}${label}（本档案没有收录该版）`)]
  const other = target.stories.find((s) => (direction === 'on' ? s.continuedFrom : s.continuedOn) === from)
  return [
    text(words),
    h('a', { href: pageUrl(issue.date, to) }, label),
    ...(other ? [text('：'), h('a', { href: storyUrl(issue.date, to, other.bodyLine) }, other.title)] : []),
  ]
}

function datesNodes(ref: StoryRef): ElementContent[] {
  const { issue, page, story } = ref
  const nodes: ElementContent[] = []
  if (story.date) nodes.push(h('span', [text('事件日期 '), time(story.date)]), text(' · '))
  nodes.push(
    text('见报 '),
    h('a', { href: issueUrl(issue.date) }, time(issue.date)),
    text(' '),
    h('a', { href: pageUrl(issue.date, page.page.meta.page) }, `第${page.page.meta.page}版`),
  )
  return nodes
}

function nameNode(name: string, url: (name: string) => string | undefined): ElementContent {
  const href = url(name)
  return href ? h('a', { href }, name) : text(name)
}

function joined(items: ElementContent[][]): ElementContent[] {
  return items.flatMap((item, i) => (i === 0 ? item : [text('、'), ...item]))
}

/** Each person once, linked, followed by the titles printed before their name in this story. */
function peopleNodes(site: SiteContext, story: Story): ElementContent[] {
  const roles = new Map<string, string[]>()
  for (const person of story.people) {
    const list = roles.get(person.name) ?? []
    for (const role of person.roles) if (!list.includes(role)) list.push(role)
    roles.set(person.name, list)
  }
  return joined(
    [...roles].map(([name, printed]) => [
      nameNode(name, site.personUrl),
      ...(printed.length > 0 ? [h('span.person-roles', `（${printed.join('；')}）`)] : []),
    ]),
  )
}

function tagNodes(site: SiteContext, story: Story): Element[] | null {
  const rows: Element[] = []
  if (story.people.length > 0) rows.push(h('dt', '人物'), h('dd.story-people', peopleNodes(site, story)))
  if (story.organizations.length > 0) rows.push(h('dt', '机构'), h('dd', story.organizations.join('、')))
  if (story.topics.length > 0) {
    rows.push(h('dt', '主题'), h('dd.story-topics', joined(story.topics.map((topic) => [nameNode(topic, site.topicUrl)]))))
  }
  return rows.length > 0 ? rows : null
}

/** The citation, then the permalink: the absolute address as its text when the site's address is known. */
function citeNodes(site: SiteContext, ref: StoryRef): ElementContent[] {
  const { issue, page, story, url } = ref
  const siteUrl = site.model.config.siteUrl
  return [
    h('span.cite-label', '引用：'),
    h('cite', citation({ story, paper: issue.paper, issueDate: issue.date, page: page.page.meta.page })),
    text(' '),
    h('a.permalink', { href: url }, siteUrl ? absoluteUrl(siteUrl, url) : url),
  ]
}

function storyLink(ref: StoryRef | undefined, word: string) {
  return ref && { href: ref.url, text: `${word}：${clipText(ref.story.title, 24)}` }
}

export function storyPage(site: SiteContext, ref: StoryRef): PageSpec {
  const { issue, page, story, url } = ref
  const number = page.page.meta.page
  const [first, last] = story.lines
  const neighbours = site.storyNeighbours(ref)
  return {
    path: url,
    title: story.title,
    template: 'story',
    type: 'article',
    description: `${issue.paper} ${formatDate(issue.date)} 第${number}版。${storyLead(ref)}`,
    slots: {
      breadcrumbs: breadcrumbs([...issueTrail(issue), { text: `第${number}版`, href: pageUrl(issue.date, number) }]),
      column: story.column,
      headline: headlineNodes(story),
      byline: bylineText(story),
      dates: datesNodes(ref),
      'continued-from': story.continuedFrom === null ? null : continuation(issue, number, story.continuedFrom, 'from'),
      body: story.paragraphs.map((paragraph) => h('p', paragraph.text)),
      'continued-on': story.continuedOn === null ? null : continuation(issue, number, story.continuedOn, 'on'),
      photographers: story.photographers.length > 0 ? `摄影：${story.photographers.join('、')}` : null,
      tags: tagNodes(site, story),
      source: [
        text(`原文：第${number}版 第${first}–${last}行（${page.page.contentPath}） `),
        h('a.view-on-page', { href: `${pageUrl(issue.date, number)}#${lineAnchor(first)}` }, '在版面中查看'),
      ],
      cite: citeNodes(site, ref),
      'story-nav': prevNextLinks(storyLink(neighbours.previous, '上一篇'), storyLink(neighbours.next, '下一篇')),
      'issue-nav': issueNavLinks(site.issueNeighbours(issue)),
    },
  }
}
