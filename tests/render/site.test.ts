import path from 'node:path/posix'
import { describe, expect, test } from 'vitest'
import { renderSite } from '../../src/render/index.js'
import type { OutputFile } from '../../src/types.js'
import { sampleModel } from '../search/fixtures/site-model.js'
import { byTag, elements, fileByPath, hasClass, parseHtml, textOf } from './helpers/html.js'

const files = renderSite(sampleModel())
const htmlFiles = files.filter((f) => f.path.endsWith('.html'))

function linksOf(file: OutputFile): string[] {
  const links: string[] = []
  for (const node of elements(parseHtml(file.contents))) {
    for (const property of ['href', 'src', 'action'] as const) {
      const value = node.properties[property]
      if (typeof value === 'string') links.push(value)
    }
  }
  return links
}

describe('renderSite', () => {
  test('writes the pages the contract lists', () => {
    const paths = files.map((f) => f.path)
    for (const expected of [
      'index.html', 'search.html', '404.html', 'people/index.html', 'topics/index.html',
      '2023/05/02/index.html', '2023/05/02/p1.html', '2023/05/02/p1-l8.html',
      'api/issues.json', 'api/issues/2023-05-02.json', 'assets/style.css', 'assets/search.js', 'search/entry.js',
    ]) expect(paths).toContain(expected)
  })

  test('every internal link is relative, ends in a file name, and points at a file the site has', () => {
    const paths = new Set(files.map((f) => f.path))
    for (const file of htmlFiles) {
      for (const link of linksOf(file)) {
        if (/^(#|data:)/.test(link)) continue
        expect(link, file.path).not.toMatch(/^(\/|[a-z]+:)/i)
        const target = path.normalize(path.join(path.dirname(file.path), link.replace(/[?#].*$/, '')))
        expect(paths.has(target), `${file.path} → ${link}`).toBe(true)
      }
    }
  })

  test('every page is Chinese, has the site title and the search form', () => {
    for (const file of htmlFiles) {
      const tree = parseHtml(file.contents)
      expect(byTag(tree, 'html')[0]!.properties.lang, file.path).toBe('zh-CN')
      expect(textOf(elements(tree, (n) => hasClass(n, 'site-title'))[0]!), file.path).toBe('示例日报数字档案')
      const form = byTag(tree, 'form')[0]!
      expect(String(form.properties.action), file.path).toMatch(/^(\.\.\/)*search\.html$/)
      const input = byTag(form, 'input')[0]!
      expect([input.properties.type, input.properties.name], file.path).toEqual(['search', 'q'])
    }
  })

  test('the same model gives byte-identical files', () => {
    expect(renderSite(sampleModel())).toEqual(files)
  })

  test('the search page has the status line and the results list', () => {
    const tree = parseHtml(fileByPath(files, 'search.html').contents)
    const status = elements(tree, (n) => n.properties.id === 'search-status')[0]!
    expect([status.tagName, status.properties.role]).toEqual(['p', 'status'])
    expect(elements(tree, (n) => n.properties.id === 'results')[0]!.tagName).toBe('ol')
  })

  test('the home page shows the newest issue with its stories, page by page', () => {
    const tree = parseHtml(fileByPath(files, 'index.html').contents)
    const latest = elements(tree, (n) => hasClass(n, 'latest-issue'))[0]!
    expect(textOf(byTag(latest, 'h2')[0]!)).toBe('最新一期：示例日报 2023年5月2日')
    expect(byTag(latest, 'h3').map((h3) => textOf(h3))).toEqual(['第1版', '第2版'])
    expect(elements(latest, (n) => hasClass(n, 'story-list')).flatMap((list) => byTag(list, 'li')).map((li) => textOf(byTag(li, 'a')[0]!))).toEqual([
      '王小明调研五金产业',
      '档案室不存档的做法存在问',
      'COVID-19 疫苗接种点开放',
    ])
  })

  test('the home page calendar lists years and months newest first, and every issue day', () => {
    const tree = parseHtml(fileByPath(files, 'index.html').contents)
    const calendar = elements(tree, (n) => n.properties.id === 'archive-calendar')[0]!
    expect(elements(calendar, (n) => hasClass(n, 'archive-year')).map((n) => textOf(n))).toEqual(['2023年', '2022年'])
    expect(elements(calendar, (n) => hasClass(n, 'archive-month')).map((n) => n.properties.href)).toEqual([
      '2023/05/index.html',
      '2023/04/index.html',
      '2022/12/index.html',
    ])
    expect(elements(calendar, (n) => hasClass(n, 'archive-days')).flatMap((list) => byTag(list, 'a')).map((a) => a.properties.href)).toEqual([
      '2023/05/02/index.html',
      '2023/04/18/index.html',
      '2022/12/30/index.html',
    ])
  })

  test('the story page shows headline lines, byline, both dates and links back', () => {
    const tree = parseHtml(fileByPath(files, '2023/05/02/p1-l8.html').contents)
    const header = elements(tree, (n) => hasClass(n, 'story-header'))[0]!
    expect(textOf(elements(header, (n) => hasClass(n, 'story-column'))[0]!)).toBe('走进五金城')
    expect(textOf(byTag(header, 'h1')[0]!)).toBe('王小明调研五金产业')
    expect(textOf(elements(header, (n) => hasClass(n, 'story-subtitle'))[0]!)).toBe('强调要把创新摆在首位')
    expect(textOf(elements(header, (n) => hasClass(n, 'story-byline'))[0]!)).toBe('记者 陈一凡')
    expect(textOf(elements(header, (n) => hasClass(n, 'story-dates'))[0]!)).toBe('事件日期 2023年4月30日 · 见报 2023年5月2日 第1版')
  })

  test('a derived title says it is derived', () => {
    const tree = parseHtml(fileByPath(files, '2023/05/02/p1-l14.html').contents)
    expect(elements(tree, (n) => hasClass(n, 'derived'))).toHaveLength(1)
  })

  test('the page view groups lines by story and dims furniture', () => {
    const tree = parseHtml(fileByPath(files, '2023/05/02/p1.html').contents)
    const regions = elements(tree, (n) => hasClass(n, 'page-region'))
    expect(regions.map((r) => (hasClass(r, 'page-region--furniture') ? 'furniture' : textOf(byTag(r, 'a')[0]!)))).toEqual([
      'furniture',
      '王小明调研五金产业',
      '档案室不存档的做法存在问',
    ])
    expect(byTag(regions[1]!, 'li').map((li) => [String(li.properties.value), li.properties.dataKind])).toEqual([
      ['6', 'headline'], ['7', 'headline'], ['8', 'body'], ['9', 'body'],
    ])
  })

  test('a tagged person gets a page listing their stories', () => {
    const tree = parseHtml(fileByPath(files, 'people/王小明.html').contents)
    expect(byTag(elements(tree, (n) => hasClass(n, 'dated-story-list'))[0]!, 'a').map((a) => a.properties.href)).toEqual([
      '../2023/05/02/p1-l8.html',
      '../2023/04/18/p1-l6.html',
    ])
  })
})
