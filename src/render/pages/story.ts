// One page per story: column, printed headline lines, byline, dates, paragraphs, the
// continuation notes, tags, and the way back to the issue and the page view.

import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Issue, Story } from '../../types.js'
import type { PageSpec } from '../document.js'
import { formatDate } from '../labels.js'
import type { SiteContext, StoryRef } from '../site-context.js'
import { issueUrl, pageUrl } from '../urls.js'
import { breadcrumbs, homeCrumb, issueCrumb } from './parts.js'

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

/** A link to another page of the same issue when the model has it; plain text otherwise. */
function pageReference(issue: Issue, page: number, words: [string, string]): ElementContent[] {
  const label = `第${page}版`
  const exists = issue.pages.some((p) => p.page.meta.page === page)
  return [
    { type: 'text', value: words[0] },
    exists ? h('a', { href: pageUrl(issue.date, page) }, label) : { type: 'text', value: label },
    { type: 'text', value: words[1] },
  ]
}

function datesNodes(ref: StoryRef): ElementContent[] {
  const { issue, page, story } = ref
  const nodes: ElementContent[] = []
  if (story.date) nodes.push(h('span', `事件日期 ${formatDate(story.date)}`), { type: 'text', value: ' · ' })
  nodes.push(
    { type: 'text', value: '见报 ' },
    h('a', { href: issueUrl(issue.date) }, formatDate(issue.date)),
    { type: 'text', value: ' ' },
    h('a', { href: pageUrl(issue.date, page.page.meta.page) }, `第${page.page.meta.page}版`),
  )
  return nodes
}

function nameNode(name: string, url: (name: string) => string | undefined): ElementContent {
  const href = url(name)
  return href ? h('a', { href }, name) : { type: 'text', value: name }
}

function joined(items: ElementContent[][]): ElementContent[] {
  return items.flatMap((item, i) => (i === 0 ? item : [{ type: 'text', value: '、' }, ...item]))
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

export function storyPage(site: SiteContext, ref: StoryRef): PageSpec {
  const { issue, page, story, url } = ref
  const number = page.page.meta.page
  const [first, last] = story.lines
  return {
    path: url,
    title: story.title,
    template: 'story',
    slots: {
      breadcrumbs: breadcrumbs([
        homeCrumb(),
        issueCrumb(issue.date, issue.paper),
        { text: `第${number}版`, href: pageUrl(issue.date, number) },
      ]),
      column: story.column,
      headline: headlineNodes(story),
      byline: bylineText(story),
      dates: datesNodes(ref),
      'continued-from': story.continuedFrom === null ? null : pageReference(issue, story.continuedFrom, ['上接', '']),
      body: story.paragraphs.map((paragraph) => h('p', paragraph.text)),
      'continued-on': story.continuedOn === null ? null : pageReference(issue, story.continuedOn, ['下转', '']),
      photographers: story.photographers.length > 0 ? `摄影：${story.photographers.join('、')}` : null,
      tags: tagNodes(site, story),
      source: [
        { type: 'text', value: '原文：' },
        h('a', { href: `${pageUrl(issue.date, number)}#L${first}` }, `第${number}版 第${first}–${last}行`),
        { type: 'text', value: `（${page.page.contentPath}）` },
      ],
    },
  }
}
