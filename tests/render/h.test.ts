import { h as hastscript, type Child, type Properties } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { h } from '../../src/render/h.js'

// Every call is made twice, by hastscript and by our h; the elements must be equal, and their
// properties in the same key order (the serialiser writes attributes in that order).
function same(selector: string, properties?: Properties | Child, ...children: Child[]): void {
  const theirs = hastscript(selector, properties as Properties, ...children)
  const ours = h(selector, properties, ...children)
  expect(ours).toEqual(theirs)
  expect(Object.keys(ours.properties)).toEqual(Object.keys(theirs.properties))
  expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs))
}

describe('h', () => {
  it('parses selectors as hastscript does, each time afresh', () => {
    for (const selector of ['a', 'LI', 'a.prev', 'span.kind.column', 'div#main.page', 'p#only']) {
      same(selector)
      same(selector, { className: 'extra more' }, 'text')
    }
    // The class list a selector gives is copied, not shared between elements.
    const first = h('span.kind', { className: ['one'] })
    const second = h('span.kind')
    expect(first.properties.className).toEqual(['kind', 'one'])
    expect(second.properties.className).toEqual(['kind'])
    // Renderers may change an element's classes afterwards; the next element is not touched.
    ;(second.properties.className as string[]).push('changed')
    expect(h('span.kind').properties.className).toEqual(['kind'])
  })

  it('turns every kind of property into hastscript’s value', () => {
    const cases: Properties[] = [
      { href: 'a/b.html', title: '标题' },
      { className: 'a  b\tc' },
      { className: ['x', 'y'] },
      { class: 'x y' },
      { rel: ['prev'] },
      { rel: 'prev next' },
      { ariaCurrent: 'page', ariaLabel: '日期' },
      { 'aria-hidden': 'true', 'data-kind': 'body', dataLine: 12 },
      { hidden: true, disabled: false },
      { hidden: '' },
      { hidden: 'hidden' },
      { tabIndex: '3', colSpan: '2', rowSpan: 4 },
      { width: 'x', height: '12' },
      { accept: 'a, b' },
      { download: '' },
      { download: 'file.txt' },
      { style: { color: 'red', 'font-size': '2em' } },
      { href: null, title: undefined, tabIndex: Number.NaN },
      { id: 'x', className: 'later' },
      { itemProp: 'a b' },
      { coords: '1,2,3' },
    ]
    for (const properties of cases) {
      same('a', properties)
      same('a.from-selector#id', properties, 'child')
    }
  })

  it('takes children as hastscript does, the second argument included', () => {
    const text = { type: 'text' as const, value: 't' }
    const element = hastscript('b', 'bold')
    const root = { type: 'root' as const, children: [element, text] }
    same('p', 'text')
    same('p', 42)
    same('p', ['a', null, 1, [text, [element]]] as Child)
    same('p', element, 'tail')
    same('p', root, undefined, null)
    same('p', null, 'x')
    same('p', {}, text, root)
    // A node whose properties look like properties is still a child.
    same('p', { type: 'element', tagName: 'i', properties: {}, children: [] })
  })

  it('leaves <template> to hastscript', () => {
    same('template', { id: 't' }, h('p', 'inside'))
    expect(h('template', h('p')).content).toBeDefined()
  })

  it('rejects what is not a child, like hastscript', () => {
    const bad = { nope: true } as unknown as Child
    expect(() => hastscript('p', {}, bad)).toThrow()
    expect(() => h('p', {}, bad)).toThrow(/Expected node, nodes, or string/)
  })
})
