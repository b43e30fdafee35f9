// The reader's pages beyond the story text: date pages, neighbours, the page view's story
// list, the story's citation and continuation links, the build report and the API page.

import { describe, expect, test } from 'vitest'
import { renderSite } from '../../src/render/index.js'
import type { Diagnostic, SiteModel } from '../../src/types.js'
import { makeIssue, makeModel, makePage, makeStory, sampleModel } from '../search/fixtures/site-model.js'
import { byTag, elements, fileByPath, hasClass, parseHtml, textOf } from './helpers/html.js'
import type { Element, Root } from 'hast'

function page(files: ReturnType<typeof renderSite>, path: string): Root {
  return parseHtml(fileByPath(files, path).contents)
}

function byClass(tree: Root | Element, name: string): Element[] {
  return elements(tree, (n) => hasClass(n, name))
}

function navLinks(tree: Root, label: string): Array<[string, string]> {
  const nav = elements(tree, (n) => n.tagName === 'nav' && n.properties.ariaLabel === label)[0]
  return nav ? byTag(nav, 'a').map((a) => [String(a.properties.href), textOf(a)]) : []
}

describe('date pages', () => {
  const files = renderSite(sampleModel())

  test('a page per year and per month that has issues', () => {
    const paths = files.map((f) => f.path)
    expect(paths.filter((p) => /^\d{4}\/index\.html$/.test(p)).sort()).toEqual(['2022/index.html', '2023/index.html'])
    expect(paths.filter((p) => /^\d{4}\/\d{2}\/index\.html$/.test(p)).sort()).toEqual([
      '2022/12/index.html',
      '2023/04/index.html',
      '2023/05/index.html',
    ])
  })

  test('the month calendar links each issue day with its story count, on the right weekday', () => {
    const tree = page(files, '2023/05/index.html')
    const table = byClass(tree, 'calendar')[0]!
    const rows = byTag(byTag(table, 'tbody')[0]!, 'tr')
    // 2023-05-01 is a Monday: the first row starts with day 1.
    expect(textOf(byTag(rows[0]!, 'td')[0]!)).toBe('1')
    const linked = byClass(table, 'has-issue')
    expect(linked).toHaveLength(1)
    expect(byTag(linked[0]!, 'a')[0]!.properties.href).toBe('02/index.html')
    expect(textOf(linked[0]!)).toBe('2日3 篇')
    expect(byTag(table, 'th').map((th) => th.properties.abbr)).toEqual(['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'])
  })

  test('the month page lists its issues with their stories and links to the months around it', () => {
    const tree = page(files, '2023/04/index.html')
    expect(byClass(tree, 'month-issue').map((s) => textOf(byTag(s, 'h2')[0]!))).toEqual(['示例日报 2023年4月18日'])
    expect(navLinks(tree, '前后月份')).toEqual([
      ['../../2022/12/index.html', '← 2022年12月'],
      ['../05/index.html', '2023年5月 →'],
    ])
  })

  test('the year page has a calendar per month with issues, captioned with a link to the month', () => {
    const tree = page(files, '2023/index.html')
    expect(byTag(tree, 'caption').map((c) => [textOf(c), byTag(c, 'a')[0]!.properties.href])).toEqual([
      ['2023年4月', '04/index.html'],
      ['2023年5月', '05/index.html'],
    ])
    expect(navLinks(tree, '前后年份')).toEqual([['../2022/index.html', '← 2022年']])
  })

  test('issue pages link to the older and newer issue, and sit under their year and month', () => {
    const tree = page(files, '2023/04/18/index.html')
    expect(navLinks(tree, '前后各期')).toEqual([
      ['../../../2022/12/30/index.html', '← 上一期 2022年12月30日'],
      ['../../05/02/index.html', '下一期 2023年5月2日 →'],
    ])
    expect(navLinks(tree, '位置').map(([, text]) => text)).toEqual(['首页', '2023年', '4月'])
  })
})

describe('page view', () => {
  const files = renderSite(sampleModel())
  const tree = page(files, '2023/05/02/p1.html')

  test('lists the page stories beside the lines, each linked to its story and to its first line', () => {
    const aside = byTag(tree, 'aside')[0]!
    expect(byTag(aside, 'li').map((li) => byTag(li, 'a').map((a) => a.properties.href))).toEqual([
      ['p1-l8.html', '#L6'],
      ['p1-l14.html', '#L14'],
    ])
  })

  test('every source line has its anchor and its number', () => {
    const lines = elements(tree, (n) => n.tagName === 'li' && typeof n.properties.id === 'string' && n.properties.id.startsWith('L'))
    expect(lines.map((li) => [li.properties.id, li.properties.value])).toEqual(
      lines.map((li) => [`L${String(li.properties.value)}`, li.properties.value]),
    )
    expect(lines.length).toBeGreaterThan(4)
  })

  test('links to the other pages of the issue and to the issues around it', () => {
    expect(navLinks(tree, '本期其他版面')).toEqual([['p2.html', '第2版 →']])
    expect(navLinks(tree, '前后各期')).toEqual([['../../04/18/index.html', '← 上一期 2023年4月18日']])
  })
})

function continuedModel(siteUrl: string | null = null): SiteModel {
  const date = '2024-02-01'
  const a = makeStory(date, 1, { bodyLine: 5, headline: ['大桥开工'], title: '大桥开工', titleDerived: false, body: ['二月一日，大桥开工。'], continuedOn: 2, byline: [{ name: '王明', role: '记者' }] })
  const c = makeStory(date, 1, { bodyLine: 9, headline: ['水厂扩建'], title: '水厂扩建', titleDerived: false, body: ['水厂扩建工程启动。'], continuedOn: 7 })
  const b = makeStory(date, 2, { bodyLine: 3, body: ['工程预计明年完工。'], continuedFrom: 1 })
  const model = makeModel([makeIssue(date, [makePage(date, 1, [a, c]), makePage(date, 2, [b])])])
  return { ...model, config: { ...model.config, siteUrl } }
}

describe('story page', () => {
  const files = renderSite(continuedModel())

  test('下转 links to the page and to the story there that continues it', () => {
    const tree = page(files, '2024/02/01/p1-l5.html')
    const note = byClass(tree, 'story-continued')[0]!
    expect(textOf(note)).toBe('下转第2版：工程预计明年完工。')
    expect(byTag(note, 'a').map((a) => a.properties.href)).toEqual(['p2.html', 'p2-l3.html'])
  })

  test('上接 links back the same way', () => {
    const note = byClass(page(files, '2024/02/01/p2-l3.html'), 'story-continued')[0]!
    expect(byTag(note, 'a').map((a) => a.properties.href)).toEqual(['p1.html', 'p1-l5.html'])
  })

  test('a continuation onto a page the archive lacks is said in words, not linked', () => {
    const note = byClass(page(files, '2024/02/01/p1-l9.html'), 'story-continued')[0]!
    expect(byTag(note, 'a')).toEqual([])
    expect(textOf(note)).toContain('下转第7版')
  })

  test('previous and next story follow reading order', () => {
    expect(navLinks(page(files, '2024/02/01/p1-l9.html'), '前后报道')).toEqual([
      ['p1-l5.html', '← 上一篇：大桥开工'],
      ['p2-l3.html', '下一篇：工程预计明年完工。 →'],
    ])
  })

  test('"view on page" goes to the story\'s first line on the page view', () => {
    const link = byClass(page(files, '2024/02/01/p1-l5.html'), 'view-on-page')[0]!
    expect(link.properties.href).toBe('p1.html#L4')
  })

  test('the cite line names author, title, paper, date and page, and links the story itself', () => {
    const cite = byClass(page(files, '2024/02/01/p1-l5.html'), 'story-cite')[0]!
    expect(textOf(byTag(cite, 'cite')[0]!)).toBe('王明. 大桥开工[N]. 示例日报, 2024-02-01(1).')
    const permalink = byClass(cite, 'permalink')[0]!
    expect([permalink.properties.href, textOf(permalink)]).toEqual(['p1-l5.html', '2024/02/01/p1-l5.html'])
  })

  test('with a site URL the permalink shows the absolute address but links relatively', () => {
    const withUrl = renderSite(continuedModel('https://example.org/paper'))
    const permalink = byClass(page(withUrl, '2024/02/01/p1-l5.html'), 'permalink')[0]!
    expect([permalink.properties.href, textOf(permalink)]).toEqual(['p1-l5.html', 'https://example.org/paper/2024/02/01/p1-l5.html'])
  })
})

describe('build report', () => {
  const diagnostics: Diagnostic[] = [
    { path: '2023/2023-05-02/page-01.txt', line: 6, column: 1, severity: 'warning', message: 'Unexpected <b>thing</b>', rule: 'segment:headline-unattached' },
    { path: '2023/2023-05-02/page-01.txt', line: 99, column: 3, severity: 'warning', message: 'Another', rule: 'tag:name-unconfirmed' },
    { path: '2024/2024-01-01/page-01.txt', line: 1, column: 1, severity: 'error', message: 'Broken front matter', rule: 'ingest:front-matter' },
  ]

  test('without diagnostics it says there were no problems, and the home page does not link it', () => {
    const files = renderSite(sampleModel())
    expect(textOf(byClass(page(files, 'report.html'), 'lede')[0]!)).toContain('没有发现任何问题')
    expect(byTag(page(files, 'index.html'), 'a').filter((a) => String(a.properties.href).includes('report.html'))).toEqual([])
  })

  test('groups diagnostics by file, links built lines to the page view, and is linked from the home footer', () => {
    const files = renderSite({ ...sampleModel(), diagnostics })
    const tree = page(files, 'report.html')
    const sections = byClass(tree, 'report-file')
    expect(sections.map((s) => textOf(byTag(s, 'h2')[0]!))).toEqual(['2023/2023-05-02/page-01.txt', '2024/2024-01-01/page-01.txt'])
    const rows = byTag(byTag(sections[0]!, 'tbody')[0]!, 'tr')
    expect(rows.map((tr) => byTag(tr, 'td').map((td) => textOf(td)))).toEqual([
      ['6:1', '警告', 'Unexpected <b>thing</b>', 'segment:headline-unattached'],
      ['99:3', '警告', 'Another', 'tag:name-unconfirmed'],
    ])
    // Line 6 is on the built page; line 99 is not.
    expect(byTag(rows[0]!, 'a')[0]!.properties.href).toBe('2023/05/02/p1.html#L6')
    expect(byTag(rows[1]!, 'a')).toEqual([])
    expect(textOf(byClass(tree, 'lede')[0]!)).toContain('1 个错误、2 条警告')
    const footer = byClass(page(files, 'index.html'), 'footer-note')[0]!
    expect(byTag(footer, 'a').map((a) => [a.properties.href, textOf(a)])).toEqual([['report.html', '生成报告：1 个错误、2 条警告']])
    expect(byClass(page(files, 'search.html'), 'footer-note')).toEqual([])
  })
})

describe('api.html', () => {
  const files = renderSite(sampleModel())
  const tree = page(files, 'api.html')

  test('is our markdown as HTML: headings, lists, code and relative links', () => {
    expect(textOf(byTag(tree, 'h1')[0]!)).toBe('数据接口')
    expect(byTag(tree, 'h2').length).toBeGreaterThan(2)
    expect(byTag(tree, 'code').map((c) => textOf(c))).toContain('api/issues.json')
    const hrefs = byTag(byClass(tree, 'prose')[0]!, 'a').map((a) => a.properties.href)
    expect(hrefs).toContain('api/issues.json')
    expect(hrefs).toContain('feed.xml')
  })

  test('is linked from every page footer, as is the feed', () => {
    for (const file of files.filter((f) => f.path.endsWith('.html'))) {
      const footer = byClass(parseHtml(file.contents), 'footer-links')[0]!
      expect(byTag(footer, 'a').map((a) => String(a.properties.href).replace(/^(\.\.\/)*/, '')), file.path).toEqual(['feed.xml', 'api.html'])
    }
  })
})
