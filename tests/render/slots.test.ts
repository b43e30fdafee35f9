import type { Root } from 'hast'
import { h } from 'hastscript'
import rehypeParse from 'rehype-parse'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { describe, expect, test } from 'vitest'
import { fillSlots, KEEP } from '../../src/render/slots.js'

function fragment(html: string): Root {
  return unified().use(rehypeParse, { fragment: true }).parse(html)
}

function html(tree: Root): string {
  return unified().use(rehypeStringify).stringify(tree)
}

describe('fillSlots', () => {
  test('a slot gets the nodes it is given as children', () => {
    const tree = fragment('<p data-slot="lead">old</p>')
    fillSlots(tree, { lead: [h('b', 'new')] })
    expect(html(tree)).toBe('<p><b>new</b></p>')
  })

  test('text given to a slot is escaped by the serializer', () => {
    const tree = fragment('<p data-slot="lead"></p>')
    fillSlots(tree, { lead: '<b>&' })
    expect(html(tree)).toBe('<p>&#x3C;b>&#x26;</p>')
  })

  test('a slot given null removes its element, with its indentation', () => {
    const tree = fragment('<div>\n  <p data-slot="gone">x</p>\n  <p>kept</p></div>')
    fillSlots(tree, { gone: null })
    expect(html(tree)).toBe('<div>\n  <p>kept</p></div>')
  })

  test('KEEP leaves the template wording and fills slots inside it', () => {
    const tree = fragment('<section data-slot="box"><h2>标题</h2><ul data-slot="items"></ul></section>')
    fillSlots(tree, { box: KEEP, items: [h('li', '一')] })
    expect(html(tree)).toBe('<section><h2>标题</h2><ul><li>一</li></ul></section>')
  })

  test('slots inside a removed element need no value of their own to be used', () => {
    const tree = fragment('<section data-slot="box"><ul data-slot="items"></ul></section>')
    expect(() => fillSlots(tree, { box: null, items: [] })).not.toThrow()
  })

  test('a slot the renderer forgot is an error', () => {
    expect(() => fillSlots(fragment('<p data-slot="lead"></p>'), {})).toThrow('Template slot "lead" was not filled')
  })

  test('a value for a slot the template lacks is an error', () => {
    expect(() => fillSlots(fragment('<p></p>'), { lead: 'x' })).toThrow('the template has no such slot')
  })
})
