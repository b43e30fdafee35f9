// report.html: every warning and error of the build (SiteModel.diagnostics), one table per
// content file, each place linked to that line of the page view when the page was built.
// With nothing to report it says so plainly.

import type { Element, ElementContent } from 'hast'
import { h } from '../h.js'
import type { Diagnostic, SiteModel } from '../../types.js'
import type { PageSpec } from '../document.js'
import { groupBy } from '../group-by.js'
import { pagesInOrder } from '../order.js'
import { pageUrl, REPORT_URL } from '../urls.js'
import { lineAnchor } from './page-view.js'
import { breadcrumbs, homeCrumb } from './parts.js'

const SEVERITY_LABEL: Record<Diagnostic['severity'], string> = { error: '错误', warning: '警告', info: '提示' }

/**
 * Content path → the page view of that file and the lines it shows, for the pages of `paths`
 * that were built (only those: reading a page's lines may decode them, segment/packed-lines.ts).
 */
function builtPages(model: SiteModel, paths: ReadonlySet<string>): Map<string, { url: string; lines: Set<number> }> {
  const pages = new Map<string, { url: string; lines: Set<number> }>()
  for (const issue of model.issues) {
    for (const page of pagesInOrder(issue)) {
      if (!paths.has(page.page.contentPath)) continue
      pages.set(page.page.contentPath, {
        url: pageUrl(issue.date, page.page.meta.page),
        lines: new Set(page.lines.map((line) => line.line)),
      })
    }
  }
  return pages
}

function place(d: Diagnostic, page: { url: string; lines: Set<number> } | undefined): ElementContent {
  const label = `${d.line}:${d.column}`
  return page?.lines.has(d.line) ? h('a', { href: `${page.url}#${lineAnchor(d.line)}` }, label) : { type: 'text', value: label }
}

function fileSection(path: string, diagnostics: readonly Diagnostic[], page: { url: string; lines: Set<number> } | undefined): Element {
  return h('section.report-file', [
    h('h2', h('code', path)),
    page ? h('p.section-note', ['本文件已生成', h('a', { href: page.url }, '版面页'), '；行号链接到版面上的那一行。']) : h('p.section-note', '本文件没有生成页面。'),
    h('div.table-scroll', [
      h('table.report-table', [
        h('caption.visually-hidden', `${path} 的问题`),
        h('thead', h('tr', ['行:列', '级别', '说明', '规则'].map((label) => h('th', { scope: 'col' }, label)))),
        h(
          'tbody',
          diagnostics.map((d) =>
            h(`tr.severity-${d.severity}`, [
              h('td.report-place', [place(d, page)]),
              h('td.report-severity', SEVERITY_LABEL[d.severity]),
              h('td.report-message', d.message),
              h('td.report-rule', h('code', d.rule)),
            ]),
          ),
        ),
      ]),
    ]),
  ])
}

function summary(diagnostics: readonly Diagnostic[], files: number): string {
  if (diagnostics.length === 0) return '这次生成没有发现任何问题：所有内容文件都顺利读入和切分，没有错误，也没有警告。'
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length
  const notes = diagnostics.filter((d) => d.severity === 'info').length
  const counts = `这次生成共有 ${errors} 个错误、${warnings} 条警告${notes ? `、${notes} 条提示（机器没有把握的切分，建议核对）` : ''}，涉及 ${files} 个文件。`
  const errorNote = errors > 0 ? '有错误的文件没有生成页面；其余页面照常生成（生成时用了 --keep-going）。' : ''
  return `${counts}${errorNote}警告不影响生成，但可能说明某篇报道切分或归类有误，值得对照原文检查。`
}

export function reportPage(model: SiteModel): PageSpec {
  const groups = groupBy(model.diagnostics, (d) => d.path)
  const pages = builtPages(model, new Set(groups.keys()))
  return {
    path: REPORT_URL,
    title: '生成报告',
    template: 'report',
    description: summary(model.diagnostics, groups.size),
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: '生成报告' }]),
      summary: summary(model.diagnostics, groups.size),
      files: groups.size === 0 ? null : [...groups].map(([path, list]) => fileSection(path, list, pages.get(path))),
    },
  }
}
