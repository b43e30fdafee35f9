import type { Element } from 'hast'
import { describe, expect, test } from 'vitest'
import { renderSite } from '../../src/render/index.js'
import { makeIssue, makeModel, makePage, makeStory } from '../search/fixtures/site-model.js'
import { D1, peopleModel } from './fixtures/people-model.js'
import { byTag, elements, fileByPath, hasClass, parseHtml, textOf } from './helpers/html.js'

const files = renderSite(peopleModel())
const page = (path: string) => parseHtml(fileByPath(files, path).contents)
const byClass = (tree: ReturnType<typeof page> | Element, name: string) => elements(tree, (n) => hasClass(n, name))
const rows = (table: Element) => byTag(byTag(table, 'tbody')[0]!, 'tr').map((tr) => tr.children.filter((c) => c.type === 'element').map((c) => textOf(c)))

describe('people index', () => {
  const tree = page('people/index.html')
  const items = byTag(byClass(tree, 'entry-list')[0]!, 'li')

  test('lists everyone by number of stories, ties by name in code unit order', () => {
    // 林 (U+6797) sorts before 郑 (U+90D1); both have two stories.
    expect(items.map((li) => textOf(byTag(li, 'a')[0]!))).toEqual(['周明远', '林晓岚', '郑大川', '何书宁'])
  })

  test('each entry links to the person page and gives the story count and the latest story', () => {
    const first = items[0]!
    expect(byTag(first, 'a').map((a) => a.properties.href)).toEqual(['周明远.html', '../2020/01/08/p1-l4.html'])
    expect(textOf(byClass(first, 'count')[0]!)).toBe('3 篇')
    expect(textOf(byClass(first, 'latest')[0]!)).toBe('最近：新桥通车（2020年1月8日）')
  })
})

describe('person page', () => {
  const tree = page('people/周明远.html')

  test('the role timeline splits printed roles at 、 and gives each title its first and last issue date', () => {
    expect(rows(byClass(tree, 'role-timeline')[0]!)).toEqual([
      ['县委副书记', '2019年3月5日', '2019年11月20日', '2'],
      ['代县长', '2019年3月5日', '2019年3月5日', '1'],
      ['县长', '2019年11月20日', '2020年1月8日', '2'],
    ])
  })

  test('the first and last dates of a title link to those stories', () => {
    const row = byTag(byTag(byClass(tree, 'role-timeline')[0]!, 'tbody')[0]!, 'tr')[2]!
    expect(byTag(row, 'a').map((a) => a.properties.href)).toEqual(['../2019/11/20/p1-l5.html', '../2020/01/08/p1-l4.html'])
  })

  test('stories are listed newest first with their date and the titles printed in each', () => {
    const list = byClass(tree, 'dated-story-list')[0]!
    expect(byTag(list, 'li').map((li) => textOf(li))).toEqual([
      '新桥通车2020年1月8日县长',
      '全县交通建设推进会召开2019年11月20日县委副书记、县长',
      '周明远调研春耕备耕2019年3月5日县委副书记、代县长',
    ])
  })

  test('the people most often in the same stories are counted and linked', () => {
    const items = byTag(byClass(tree, 'co-mentions')[0]!, 'li')
    expect(items.map((li) => [textOf(byTag(li, 'a')[0]!), byTag(li, 'a')[0]!.properties.href, textOf(byClass(li, 'count')[0]!)])).toEqual([
      ['林晓岚', '林晓岚.html', '同见 2 篇'],
      ['何书宁', '何书宁.html', '同见 1 篇'],
      ['郑大川', '郑大川.html', '同见 1 篇'],
    ])
  })

  test('registry aliases are named', () => {
    expect(textOf(byClass(tree, 'aliases')[0]!)).toBe('又作：周明元')
  })

  test('a person who appears alone has no co-mention section', () => {
    const story = makeStory(D1, 1, { bodyLine: 4, body: ['宋青禾独自完成了巡河。'], people: [{ name: '宋青禾', roles: [] }] })
    const alone = renderSite(makeModel([makeIssue(D1, [makePage(D1, 1, [story])])]))
    const tree = parseHtml(fileByPath(alone, 'people/宋青禾.html').contents)
    expect(byClass(tree, 'co-mentions')).toEqual([])
    expect(byTag(tree, 'h2').map((h2) => textOf(h2))).not.toContain('常在同一篇报道中出现的人物')
  })

  test('a person never printed with a title says so instead of an empty table', () => {
    const single = page('people/何书宁.html')
    expect(byClass(single, 'role-timeline')).toEqual([])
    expect(textOf(byClass(single, 'entity-section')[0]!)).toContain('没有在这个名字前印出职务')
  })

  test('links to the search page filtered by the person', () => {
    const link = byTag(byClass(tree, 'search-link')[0]!, 'a')[0]!
    expect(link.properties.href).toBe(`../search.html?q=${encodeURIComponent('person:周明远')}`)
  })
})

describe('mentions-per-month chart', () => {
  const tree = page('people/周明远.html')
  const svg = byTag(tree, 'svg')[0]!

  test('is one image named with the numbers in words', () => {
    const label = '每月报道篇数，2019年3月至2020年1月，共 3 篇：2019年3月 1 篇，2019年11月 1 篇，2020年1月 1 篇；其余月份没有。'
    expect(svg.properties.role).toBe('img')
    expect(svg.properties.ariaLabel).toBe(label)
    expect(textOf(svg.children.find((c): c is Element => c.type === 'element' && c.tagName === 'title')!)).toBe(label)
  })

  test('draws one bar per month with stories', () => {
    expect(byClass(svg, 'chart-bar').map((bar) => textOf(bar))).toEqual(['2019年3月：1 篇', '2019年11月：1 篇', '2020年1月：1 篇'])
  })

  test('the numbers are also in a visually hidden table, one row per month of the span', () => {
    const table = byTag(tree, 'table').find((t) => hasClass(t, 'visually-hidden'))!
    const months = rows(table)
    expect(months).toHaveLength(11)
    expect(months[0]).toEqual(['2019年3月', '1'])
    expect(months[1]).toEqual(['2019年4月', '0'])
    expect(months[10]).toEqual(['2020年1月', '1'])
  })

  test('a name whose stories all fall in one month has no chart section: one bar would say no more than the intro', () => {
    const one = page('people/何书宁.html')
    expect(textOf(byClass(one, 'lede')[0]!)).toMatch(/^1 篇报道提到何书宁，见于 /)
    expect(byTag(one, 'svg')).toHaveLength(0)
    expect(byTag(one, 'h2').map((h2) => textOf(h2))).not.toContain('每月报道篇数')
    expect(byTag(tree, 'h2').map((h2) => textOf(h2))).toContain('每月报道篇数')
  })

})

describe('topic pages', () => {
  test('the index lists topics by number of stories with their latest story', () => {
    const items = byTag(byClass(page('topics/index.html'), 'entry-list')[0]!, 'li')
    // Both topics have two stories; 乡 (U+4E61) sorts before 交 (U+4EA4).
    expect(items.map((li) => textOf(byTag(li, 'a')[0]!))).toEqual(['乡村振兴', '交通建设'])
    expect(textOf(byClass(items[1]!, 'latest')[0]!)).toBe('最近：新桥通车（2020年1月8日）')
  })

  test('a topic page lists its stories newest first and charts them per month', () => {
    const tree = page('topics/乡村振兴.html')
    expect(byTag(byClass(tree, 'dated-story-list')[0]!, 'a').map((a) => a.properties.href)).toEqual([
      '../2019/11/20/p1-l5.html',
      '../2019/03/05/p1-l6.html',
    ])
    expect(byTag(tree, 'svg')[0]!.properties.role).toBe('img')
  })
})

describe('story page tags', () => {
  const tree = page('2019/03/05/p1-l6.html')
  const tags = byClass(tree, 'story-tags')[0]!

  test('each person links to their page with the printed roles next to the name', () => {
    const people = byClass(tags, 'story-people')[0]!
    expect(byTag(people, 'a').map((a) => [textOf(a), a.properties.href])).toEqual([
      ['周明远', '../../../people/周明远.html'],
      ['林晓岚', '../../../people/林晓岚.html'],
    ])
    expect(textOf(people)).toBe('周明远（县委副书记、代县长）、林晓岚（副县长）')
  })

  test('each topic links to its page', () => {
    const topics = byClass(tags, 'story-topics')[0]!
    expect(byTag(topics, 'a').map((a) => [textOf(a), a.properties.href])).toEqual([['乡村振兴', '../../../topics/乡村振兴.html']])
  })

  test('organizations are plain text', () => {
    const dd = byTag(tags, 'dd').find((node) => textOf(node) === '县农业农村局')!
    expect(byTag(dd, 'a')).toEqual([])
  })
})

describe('an archive without tagged people or topics', () => {
  const empty = renderSite(makeModel([]))

  test('says so plainly, without promising a feature that exists', () => {
    for (const path of ['people/index.html', 'topics/index.html']) {
      const tree = parseHtml(fileByPath(empty, path).contents)
      const lede = textOf(byClass(tree, 'lede')[0]!)
      expect(lede, path).toMatch(/还没有/)
      expect(lede, path).not.toMatch(/尚未|功能/)
      expect(byClass(tree, 'entry-list'), path).toEqual([])
    }
  })
})

test('the same tagged model gives byte-identical files', () => {
  expect(renderSite(peopleModel())).toEqual(files)
})
