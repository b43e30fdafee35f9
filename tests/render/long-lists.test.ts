// A person or topic with more stories than one page should hold: the newest on its page,
// all of them on one page per year.
import { describe, expect, test } from 'vitest'
import { LIST_LIMIT } from '../../src/render/pages/long-list.js'
import { INDEX_LIMIT } from '../../src/render/pages/name-index.js'
import { planSite, renderSite } from '../../src/render/index.js'
import { crowdNames, makeIssue, makeModel, makePage, makeStory, visitsModel } from '../search/fixtures/site-model.js'
import { byTag, elements, fileByPath, hasClass, parseHtml, textOf } from './helpers/html.js'

// 130 issues over three years, each with one story naming the same official on the same topic.
const DAYS = 130
const model = visitsModel(DAYS)
const dates = model.issues.map((issue) => issue.date)
const files = renderSite(model)
const paths = files.map((f) => f.path)
const page = (path: string) => parseHtml(fileByPath(files, path).contents)
const listed = (path: string) => byTag(elements(page(path), (n) => hasClass(n, 'dated-story-list'))[0]!, 'li').map((li) => textOf(byTag(li, 'a')[0]!))
const years = [...new Set(dates.map((d) => d.slice(0, 4)))]

describe.each([
  ['person', 'people/周明远'],
  ['topic', 'topics/五金产业'],
])('a %s with many stories', (_kind, base) => {
  test(`its page lists the newest ${LIST_LIMIT} and links every year`, () => {
    const items = listed(`${base}.html`)
    expect(items).toHaveLength(LIST_LIMIT)
    expect(items[0]).toBe(`第${DAYS}次调研`)
    const links = byTag(elements(page(`${base}.html`), (n) => hasClass(n, 'year-links'))[0]!, 'a')
    expect(links.map((a) => a.properties.href)).toEqual([...years].reverse().map((year) => `${base.split('/')[1]}/${year}.html`))
  })

  test('the year pages hold every story once, newest first', () => {
    const all = years.flatMap((year) => listed(`${base}/${year}.html`))
    expect(all.sort()).toEqual(dates.map((_, i) => `第${i + 1}次调研`).sort())
    const first = listed(`${base}/${years[0]}.html`)
    expect(Number(first[0]!.match(/\d+/)![0])).toBeGreaterThan(Number(first.at(-1)!.match(/\d+/)![0]))
  })
})

test('a short list stays on one page, with no year pages', () => {
  const short = renderSite(makeModel(model.issues.slice(0, 5)))
  expect(short.some((f) => f.path.startsWith('people/周明远/'))).toBe(false)
  expect(elements(parseHtml(fileByPath(short, 'people/周明远.html').contents), (n) => hasClass(n, 'year-links'))).toHaveLength(0)
  expect(paths.filter((p) => p.startsWith('people/周明远/'))).toHaveLength(years.length)
})

test('a people index with more names than one page should hold lists the most mentioned and pages by first character', () => {
  const names = crowdNames(INDEX_LIMIT + 20)
  const date = '2020-05-06'
  const crowd = renderSite(
    makeModel([
      makeIssue(date, [
        makePage(date, 1, [
          makeStory(date, 1, { title: '表彰大会', body: ['表彰名单。'], people: names.map((name) => ({ name, roles: [] })) }),
          makeStory(date, 1, { title: '座谈会', body: ['座谈。'], bodyLine: 9, people: [{ name: names.at(-1)!, roles: [] }] }),
        ]),
      ]),
    ]),
  )
  const tree = parseHtml(fileByPath(crowd, 'people/index.html').contents)
  const listedNames = byTag(elements(tree, (n) => hasClass(n, 'entry-list'))[0]!, 'li').map((li) => textOf(byTag(li, 'a')[0]!))
  expect(listedNames).toHaveLength(INDEX_LIMIT)
  // Most mentioned first: the one name in two stories.
  expect(listedNames[0]).toBe(names.at(-1))
  const initials = byTag(elements(tree, (n) => hasClass(n, 'year-links'))[0]!, 'a').map((a) => a.properties.href)
  // 20 names past the first 500 start a sixth initial.
  expect(initials).toEqual(['by/刘.html', 'by/张.html', 'by/李.html', 'by/王.html', 'by/赵.html', 'by/陈.html'].sort((a, b) => (a < b ? -1 : 1)))
  // Every name is on the page of its first character.
  const onInitialPages = initials.flatMap((href) =>
    byTag(elements(parseHtml(fileByPath(crowd, `people/${String(href)}`).contents), (n) => hasClass(n, 'entry-list'))[0]!, 'li').map((li) => textOf(byTag(li, 'a')[0]!)),
  )
  expect(onInitialPages.sort()).toEqual([...names].sort())
})

test('every planned page group names the pages it makes, and the long lists are made only when asked for', () => {
  // The site writer lists every group's paths first and makes each group's pages when it
  // writes them: a group that named other paths than it makes would break the build, and
  // one made while planning would sit in memory for the whole build.
  const groups = [...planSite(model).pages]
  const lazy = groups.filter((group) => !group.job && group.paths.some((path) => /^(topics|people)\/|^\d{4}\//.test(path)))
  // Year and month pages, the people and topic indexes, the topic with its three years.
  expect(lazy.length).toBeGreaterThan(years.length + 2)
  for (const group of groups) expect(group.specs().map((spec) => spec.path)).toEqual(group.paths)
  // Made afresh on each call: the group holds no tree between planning and writing.
  for (const group of lazy) expect(group.specs()[0]).not.toBe(group.specs()[0])
})
