import type { Element, Nodes, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h, s } from 'hastscript'
import { describe, expect, test } from 'vitest'
import { documentTree } from '../../src/render/document.js'
import { groupSpecs } from '../../src/render/group-job.js'
import { planSite } from '../../src/render/index.js'
import { loadTemplates } from '../../src/render/templates.js'
import rehypeRelativeUrls, { relativeUrls } from '../../src/render/rehype-relative-urls.js'
import { toHtmlFast } from '../../src/render/to-html.js'
import { unified } from 'unified'
import { sampleModel } from '../search/fixtures/site-model.js'

// rehype-stringify is hast-util-to-html with its default settings: every tree must come out
// as the very string it makes.
function same(tree: Nodes): void {
  expect(toHtmlFast(tree)).toBe(toHtml(tree))
}

const NASTY = 'a<b>&amp;"q" \'s\' `t` \0 \t\n\f\r /= é 😀 \u00a0'

describe('toHtmlFast', () => {
  test('escapes text as rehype-stringify does, and leaves script and style text alone', () => {
    same(h('p', NASTY))
    same({ type: 'root', children: [{ type: 'text', value: NASTY }] })
    same(h('div', [h('script', NASTY), h('style', NASTY), h('title', NASTY), h('textarea', NASTY)]))
    same(h('p', ['plain text 中文', h('b', 'x'), 'more']))
    for (const alone of ['<', '&', '>', '"', "'", '`', '\0']) same(h('p', `a${alone}b`))
  })

  test('writes every kind of attribute as rehype-stringify does', () => {
    // Values hast's types do not foresee (a number for a boolean, null) are here on purpose.
    const attributeCases = [
      { href: NASTY, title: '中文', id: 'x' },
      { className: ['a', 'b'], rel: ['prev', 'next'] },
      { className: [] },
      { hidden: true, disabled: false, checked: 'checked', selected: '' },
      { hidden: 'yes', readOnly: 0 },
      { download: true },
      { download: '' },
      { download: 'download' },
      { download: 'file "x".txt' },
      { tabIndex: 3, colSpan: Number.NaN, width: 0 },
      { accept: ['a', 'b'], coords: [1, 2, 3] },
      { dataKind: 'body', dataLine: 12, ariaLabel: NASTY, ariaHidden: 'true' },
      { title: '', alt: '' },
      // One character to escape at a time.
      { title: "it's" },
      { title: 'a`b' },
      { title: 'a\0b' },
      { title: 'say "x"' },
      { title: 'a&b' },
      { 'weird"name': 'v', 'x<y': 'w' },
      { title: null, lang: undefined },
    ] as unknown as Element['properties'][]
    for (const properties of attributeCases) {
      same({ type: 'element', tagName: 'a', properties, children: [{ type: 'text', value: 't' }] })
      same({ type: 'element', tagName: 'img', properties, children: [] })
    }
  })

  test('writes void, svg, template, comment, doctype and raw nodes as rehype-stringify does', () => {
    const root: Root = {
      type: 'root',
      children: [
        { type: 'doctype' },
        h('br'),
        h('img', { src: 'a.png', alt: '' }),
        { type: 'element', tagName: 'br', properties: {}, children: [{ type: 'text', value: 'inside a void' }] },
        { type: 'element', tagName: 'BR', properties: {}, children: [] },
        s('svg', { viewBox: '0 0 10 10', role: 'img' }, [s('rect', { x: 1, width: 2, className: ['bar'] }), s('title', '标题 <'), s('foreignObject', [h('p', 'in html')])]),
        h('template', { id: 't' }, h('p', 'inside')),
        { type: 'comment', value: ' a comment --> with <!-- markers ' },
        { type: 'raw', value: '<b>raw</b>' },
        h('script', { type: 'application/json' }, [{ type: 'raw', value: '{"a":"</b>"}' }]),
      ],
    }
    same(root)
    same(h('div', h('section', h('ul', h('li', h('a', { href: '#x' }, h('span', 'deep')))))))
  })

  test('rejects what rehype-stringify rejects', () => {
    const odd = { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'unknown' }] } as unknown as Nodes
    expect(() => toHtml(odd)).toThrow()
    expect(() => toHtmlFast(odd)).toThrow()
  })

  test('gives the bytes of rehype-stringify for every page of a site', () => {
    const model = sampleModel()
    const site = { config: model.config, templates: loadTemplates() }
    const specs = [...planSite(model).pages].flatMap((group) => (group.job ? groupSpecs(model.config, group.job()) : group.specs()))
    expect(specs.length).toBeGreaterThan(20)
    for (const spec of specs) {
      const tree = documentTree(site, spec)
      expect(toHtmlFast(tree), spec.path).toBe(toHtml(tree))
    }
  })

  // The build writes links relative as it serialises (document.ts): that must be what the
  // plugin gives when it runs over the tree first.
  function sameLinks(tree: Root, from: string): void {
    const reference = toHtml(unified().use(rehypeRelativeUrls, { from }).runSync(structuredClone(tree)))
    expect(toHtmlFast(tree, relativeUrls(from)), from).toBe(reference)
  }

  test('makes links relative as rehype-relative-urls does, inside svg and templates too', () => {
    const links = (prefix: string) => [
      h('a', { href: `${prefix}2022/06/07/p1.html` }, 'page'),
      h('a', { href: '#top' }, 'fragment'),
      h('a', { href: '?q=1' }, 'query'),
      h('a', { href: 'https://example.com/x.html' }, 'absolute'),
      h('a', { href: '//example.com/x.html' }, 'protocol-relative'),
      h('img', { src: 'assets/a.png', alt: '' }),
      h('form', { action: 'search.html' }, h('input', { name: 'q' })),
      h('a', { href: '' }, 'empty'),
      h('a', { title: 'people/x.html' }, 'not a link property'),
    ]
    const tree: Root = {
      type: 'root',
      children: [
        h('nav', links('')),
        s('svg', { viewBox: '0 0 1 1' }, [s('a', { href: 'people/张三.html' }, s('rect', { width: 1 }))]),
        h('template', { id: 't' }, h('a', { href: 'topics/index.html' }, 'in a template')),
        { type: 'element', tagName: 'img', properties: { src: 'assets/b.png' }, children: [{ type: 'text', value: 'void with a child' }] },
      ],
    }
    for (const from of ['index.html', '2022/06/07/p1-l6.html', 'people/张三.html', '2022/06/07/index.html']) sameLinks(tree, from)
  })

  test('gives the bytes of the plugin and rehype-stringify for every page of a site', () => {
    const model = sampleModel()
    const site = { config: model.config, templates: loadTemplates() }
    const specs = [...planSite(model).pages].flatMap((group) => (group.job ? groupSpecs(model.config, group.job()) : group.specs()))
    expect(specs.length).toBeGreaterThan(20)
    let links = 0
    for (const spec of specs) {
      const tree = documentTree(site, spec)
      links += toHtmlFast(tree).split(' href="').length - 1
      sameLinks(tree, spec.path)
    }
    expect(links).toBeGreaterThan(100)
  })
})
