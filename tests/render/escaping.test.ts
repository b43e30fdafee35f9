import { describe, expect, test } from 'vitest'
import { renderDocument } from '../../src/render/document.js'
import { renderSite } from '../../src/render/index.js'
import { searchPage } from '../../src/render/pages/fixed.js'
import { loadTemplates } from '../../src/render/templates.js'
import { SEARCH_FORMAT_VERSION, type SearchEntry } from '../../src/search/format.js'
import { bundleSearchEarly } from '../../src/search/bundle-client.js'
import { pageUrl, storyUrl } from '../../src/render/urls.js'
import { makeIssue, makeModel, makePage, makeStory } from '../search/fixtures/site-model.js'
import { byTag, elements, fileByPath, hasClass, isEntryDataBlock, parseHtml, textOf } from './helpers/html.js'

// OCR text that would turn into markup if it were ever parsed as HTML or markdown.

/**
 * The page source without its double-quoted attribute values. Inside those, only `"` and `&`
 * mean anything to a parser (and the serializer escapes both), so `<` stays as written there
 * (`<meta content="…">` repeats page text); everywhere else it must be escaped.
 */
function outsideAttributeValues(html: string): string {
  return html.replace(/="[^"]*"/g, '=""')
}
const HOSTILE = ['<script>alert(1)</script>', '*重要*通知', '# x', '1. 第一条', '[链接](http://example.com)', 'a & b']

function hostileSite() {
  const story = makeStory('2023-01-05', 1, {
    bodyLine: 4,
    headline: ['<b>标题</b> *星*'],
    title: '<b>标题</b> *星*',
    titleDerived: false,
    body: HOSTILE,
  })
  return renderSite(makeModel([makeIssue('2023-01-05', [makePage('2023-01-05', 1, [story])])]))
}

describe('story text is text', () => {
  const files = hostileSite()
  const storyTree = parseHtml(fileByPath(files, storyUrl('2023-01-05', 1, 4)).contents)

  test('each paragraph reads back exactly as written', () => {
    const body = elements(storyTree, (node) => hasClass(node, 'story-body'))[0]!
    expect(byTag(body, 'p').map((p) => textOf(p))).toEqual(HOSTILE)
  })

  test('no markup comes out of the text: no script, emphasis, heading, list or link', () => {
    const body = elements(storyTree, (node) => hasClass(node, 'story-body'))[0]!
    expect(elements(body, (node) => node !== body && node.tagName !== 'p')).toEqual([])
  })

  test("the only scripts anywhere are external files, and the search page's data block (not run) and its own head script", () => {
    let blocks = 0
    let early = 0
    for (const file of files.filter((f) => f.path.endsWith('.html'))) {
      for (const script of byTag(parseHtml(file.contents), 'script')) {
        if (file.path === 'search.html' && isEntryDataBlock(script)) blocks++
        else if (file.path === 'search.html' && script.properties.id === 'search-early' && textOf(script) === bundleSearchEarly()) early++
        else expect(script.properties.src, file.path).toBeTypeOf('string')
      }
    }
    expect([blocks, early]).toEqual([1, 1])
  })

  test('the serializer escapes the angle brackets in the page source', () => {
    const html = String(fileByPath(files, storyUrl('2023-01-05', 1, 4)).contents)
    expect(outsideAttributeValues(html)).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>')
  })

  test('text repeated in attribute values (description, Open Graph) reads back as the same text', () => {
    const title = elements(storyTree, (n) => n.tagName === 'meta' && n.properties.property === 'og:title')[0]!
    expect(title.properties.content).toBe('<b>标题</b> *星* - 示例日报数字档案')
  })

  test('a headline with markup characters is the h1 text', () => {
    expect(byTag(storyTree, 'h1').map((h1) => textOf(h1))).toEqual(['<b>标题</b> *星*'])
  })

  test('the page view shows the raw lines as text', () => {
    const tree = parseHtml(fileByPath(files, pageUrl('2023-01-05', 1)).contents)
    const lines = byTag(tree, 'li').filter((li) => li.properties.dataKind === 'body')
    expect(lines.map((li) => textOf(li))).toEqual(HOSTILE)
  })

  test('the title element holds the headline as text', () => {
    expect(textOf(byTag(storyTree, 'title')[0]!)).toBe('<b>标题</b> *星* - 示例日报数字档案')
  })
})

describe('tag text is text', () => {
  const date = '2023-02-14'
  const story = makeStory(date, 1, {
    bodyLine: 4,
    body: ['某人出席活动。'],
    people: [{ name: '<i>某</i>', roles: ['<b>县长</b>、a & b'] }],
    topics: ['<script>x</script>'],
    organizations: ['<u>某局</u>'],
  })
  const files = renderSite(makeModel([makeIssue(date, [makePage(date, 1, [story])])]))
  const html = files.filter((f) => f.path.endsWith('.html')).map((f) => String(f.contents))

  test('names, printed roles, topics and organizations never become elements', () => {
    for (const page of html) expect(outsideAttributeValues(page)).not.toMatch(/<(i|b|u|script)>/)
    for (const page of html) expect(elements(parseHtml(page), (n) => ['i', 'b', 'u'].includes(n.tagName))).toEqual([])
  })

  test('the printed role reads back as written on the story page', () => {
    const tree = parseHtml(fileByPath(files, storyUrl(date, 1, 4)).contents)
    expect(textOf(elements(tree, (n) => hasClass(n, 'story-people'))[0]!)).toBe('<i>某</i>（<b>县长</b>、a & b）')
  })

  test('on the person page, the role timeline has each title as text', () => {
    const person = files.find((f) => f.path.startsWith('people/') && f.path !== 'people/index.html')!
    const table = elements(parseHtml(person.contents), (n) => hasClass(n, 'role-timeline'))[0]!
    expect(byTag(table, 'tbody').flatMap((body) => byTag(body, 'th')).map((th) => textOf(th))).toEqual(['<b>县长</b>', 'a & b'])
  })
})

describe("the search page's copy of the index's entry", () => {
  test('holds any text as data: a word that closes the element stays inside it and reads back', () => {
    const hostile = '</script><script>alert(1)</script>'
    const entry: SearchEntry = {
      format: SEARCH_FORMAT_VERSION,
      tokenizer: 1,
      docCount: 1,
      fields: ['title', 'body'],
      averageFieldLengths: [3, 17.5],
      fieldBoosts: [2, 1],
      tiers: [{ from: 0, shardDirs: [{ from: '<!--', to: hostile, file: 'terms/dir-0-0-0.js' }], wordShards: [null, null] }],
      cardFolderSize: 1000,
      words: [hostile, '\u2028王小明'],
      wordTops: [null, null],
    }
    const site = { config: makeModel([]).config, templates: loadTemplates() }
    const tree = parseHtml(renderDocument(site, searchPage(entry)).contents)
    const scripts = byTag(tree, 'script')
    expect(scripts.map((script) => script.properties.src ?? script.properties.id)).toEqual(['assets/search.js', 'search-entry', 'search-early'])
    expect(isEntryDataBlock(scripts[1]!)).toBe(true)
    expect(JSON.parse(textOf(scripts[1]!))).toEqual(entry)
  })
})
