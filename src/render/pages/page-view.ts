// One page per printed page: the source lines in order, grouped into the stories they belong
// to (linked) and page furniture (dimmed), each line tagged with the role segmentation gave it.

import type { Element } from 'hast'
import { h } from 'hastscript'
import type { Issue, LineRole, PageLine, SegmentedPage } from '../../types.js'
import type { PageSpec } from '../document.js'
import { formatDate, LINE_KIND_LABEL } from '../labels.js'
import { pageUrl, storyUrl } from '../urls.js'
import { breadcrumbs, homeCrumb, issueCrumb } from './parts.js'

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

function sourceLines(region: Region): Element {
  return h(
    'ol.source-lines',
    region.lines.map(({ line, role }) =>
      h('li', { value: line.line, id: `L${line.line}`, dataKind: role?.kind ?? 'unassigned' }, [
        line.raw,
        role && role.kind !== 'body' ? h('span.line-kind', LINE_KIND_LABEL[role.kind]) : null,
      ]),
    ),
  )
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

export function pageView(issue: Issue, page: SegmentedPage): PageSpec {
  const number = page.page.meta.page
  const title = `${formatDate(issue.date)} 第${number}版`
  const source = page.page.meta.source
  return {
    path: pageUrl(issue.date, number),
    title,
    template: 'page',
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), issueCrumb(issue.date, issue.paper), { text: `第${number}版` }]),
      heading: title,
      meta: `原文：${page.page.contentPath}${source ? `（来源 ${source}）` : ''}`,
      regions: regions(page).map((region) => regionSection(issue, page, region)),
    },
  }
}
