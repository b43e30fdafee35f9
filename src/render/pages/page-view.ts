// One page per printed page: the source lines as printed, one by one with their line
// numbers, grouped into the stories they belong to (each region linked to its story) and
// page furniture (dimmed); the page's stories listed beside them; links to the other pages
// of the issue and to the issues around it. Each line has the anchor `#L<line>`.

import type { Element } from 'hast'
import { h } from '../h.js'
import type { Issue, LineRole, PageLine, SegmentedPage, Story } from '../../types.js'
import type { PageSpec } from '../document.js'
import { formatDate, LINE_KIND_LABEL } from '../labels.js'
import { pagesInOrder } from '../order.js'
import type { SiteContext } from '../site-context.js'
import { pageUrl, storyUrl } from '../urls.js'
import { breadcrumbs, issueNavLinks, issueTrail, prevNextLinks } from './parts.js'

interface Region {
  story: number | null
  lines: Array<{ line: PageLine; role: LineRole | undefined }>
}

/** Consecutive lines with the same story (or none) form one region. */
function regions(page: SegmentedPage): Region[] {
  const roles = new Map(page.lineRoles.map((role) => [role.line, role]))
  const out: Region[] = []
  for (const line of [...page.lines].sort((a, b) => a.line - b.line)) {
    const role = roles.get(line.line)
    const story = role?.story ?? null
    const last = out[out.length - 1]
    if (last && last.story === story) last.lines.push({ line, role })
    else out.push({ story, lines: [{ line, role }] })
  }
  return out
}

/** `#L12`: the anchor of a source line on its page view. */
export function lineAnchor(line: number): string {
  return `L${line}`
}

function sourceLines(region: Region): Element {
  return h(
    'ol.source-lines',
    region.lines.map(({ line, role }) =>
      h('li', { value: line.line, id: lineAnchor(line.line), dataKind: role?.kind ?? 'unassigned' }, [
        line.raw,
        role && role.kind !== 'body' ? h('span.line-kind', `（${LINE_KIND_LABEL[role.kind]}）`) : null,
      ]),
    ),
  )
}

function lineSpan(story: Story): string {
  const [first, last] = story.lines
  return first === last ? `第${first}行` : `第${first}–${last}行`
}

function regionSection(issue: Issue, page: SegmentedPage, region: Region): Element {
  const story = region.story === null ? undefined : page.stories[region.story]
  if (!story) {
    const kinds = [...new Set(region.lines.map(({ role }) => (role ? LINE_KIND_LABEL[role.kind] : '未归类')))]
    return h('section.page-region.page-region--furniture', [h('h2', `版面杂项：${kinds.join('、')}`), sourceLines(region)])
  }
  return h('section.page-region.page-region--story', [
    h('h2', h('a', { href: storyUrl(issue.date, page.page.meta.page, story.bodyLine) }, story.title)),
    sourceLines(region),
  ])
}

function storyItems(issue: Issue, page: SegmentedPage): Element[] {
  return page.stories.map((story) =>
    h('li', [
      h('a', { href: storyUrl(issue.date, page.page.meta.page, story.bodyLine) }, story.title),
      h('a.line-link', { href: `#${lineAnchor(story.lines[0])}` }, lineSpan(story)),
    ]),
  )
}

export function pageView(site: SiteContext, issue: Issue, page: SegmentedPage): PageSpec {
  const number = page.page.meta.page
  const title = `${formatDate(issue.date)} 第${number}版`
  const source = page.page.meta.source
  const pages = pagesInOrder(issue)
  const at = pages.indexOf(page)
  const pageLink = (other: SegmentedPage | undefined) =>
    other && { href: pageUrl(issue.date, other.page.meta.page), text: `第${other.page.meta.page}版` }
  return {
    path: pageUrl(issue.date, number),
    title,
    template: 'page',
    description: `${issue.paper} ${title}的原文，逐行排列，共 ${page.stories.length} 篇报道。`,
    slots: {
      breadcrumbs: breadcrumbs([...issueTrail(issue), { text: `第${number}版` }]),
      heading: title,
      meta: `${issue.paper}。原文：${page.page.contentPath}${source ? `（来源 ${source}）` : ''}`,
      'stories-section': page.stories.length > 0 ? storyItems(issue, page) : [h('li.empty-note', '本版没有识别出报道。')],
      regions: regions(page).map((region) => regionSection(issue, page, region)),
      'page-nav': prevNextLinks(pageLink(pages[at - 1]), pageLink(pages[at + 1])),
      'issue-nav': issueNavLinks(site.issueNeighbours(issue)),
    },
  }
}
