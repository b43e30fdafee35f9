// hastscript's `h`, made fast for the way pages are built here: the same elements, property
// for property and in the same key order (tests/render/h.test.ts checks it against hastscript
// for every kind of property and child), but with what hastscript works out again on every
// call — the parsed selector, each property's schema entry — worked out once per selector and
// per property name.
//
// Why: a big archive's pages are tens of millions of elements. In the render threads of a
// full build `h` took about a tenth of the time (its selector parsing, `find` in
// property-information's schema, the per-property dispatch), more than writing the files.
// Anything unusual (a <template>, a value that needs hastscript's number, boolean or
// comma-list parsing, a style object) goes to hastscript itself, so the result is always
// hastscript's.

import type { Element, ElementContent, Properties as HastProperties } from 'hast'
import { h as hastscript, type Child, type Properties } from 'hastscript'
import { find, html, type Info } from 'property-information'
import { parse as parseSpaces } from 'space-separated-tokens'

export type { Child, Properties }

/** A selector as hastscript parses it: the tag name and the properties it sets (id, className). */
const selectors = new Map<string, { tagName: string; properties: HastProperties }>()
/** What a property needs: its hast name, and how a value is turned into a hast value. */
const props = new Map<string, { info: Info; kind: 'plain' | 'spaces' | 'other' }>()

function selectorOf(selector: string): { tagName: string; properties: HastProperties } {
  let parsed = selectors.get(selector)
  if (!parsed) {
    const node = hastscript(selector)
    parsed = { tagName: node.tagName, properties: node.properties }
    selectors.set(selector, parsed)
  }
  return parsed
}

function propOf(key: string): { info: Info; kind: 'plain' | 'spaces' | 'other' } {
  let prop = props.get(key)
  if (!prop) {
    const info = find(html, key)
    // Values of these are parsed by hastscript (numbers, booleans, comma lists); the rest are
    // kept as given, or split at white space.
    const special = info.number || info.boolean || info.overloadedBoolean || info.commaSeparated || info.commaOrSpaceSeparated
    prop = { info, kind: special ? 'other' : info.spaceSeparated ? 'spaces' : 'plain' }
    props.set(key, prop)
  }
  return prop
}

/** hastscript's test: whether the second argument is a child rather than properties. */
function isChild(value: unknown): value is Child {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return true
  const record = value as Record<string, unknown>
  if (typeof record.type !== 'string') return false
  for (const key of Object.keys(record)) {
    const item = record[key]
    if (item && typeof item === 'object') {
      if (!Array.isArray(item)) return true
      for (const entry of item as unknown[]) if (typeof entry !== 'number' && typeof entry !== 'string') return true
    }
  }
  return 'children' in record && Array.isArray(record.children)
}

function addProperty(properties: HastProperties, key: string, value: Properties[string]): void {
  if (value === null || value === undefined) return
  const { info, kind } = propOf(key)
  let result: HastProperties[string]
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return
    result = value
  } else if (typeof value === 'boolean') result = value
  else if (kind === 'other' || (typeof value !== 'string' && !Array.isArray(value))) {
    // hastscript's own parsing, for this property alone.
    result = hastscript('i', { [key]: value }).properties[info.property]
    if (result === undefined) return
  } else if (typeof value === 'string') result = kind === 'spaces' ? parseSpaces(value) : value
  else result = [...value]
  const existing = properties.className
  if (info.property === 'className' && Array.isArray(existing)) result = [...existing, ...(Array.isArray(result) ? result : [result as string | number])]
  properties[info.property] = result
}

function addChild(nodes: ElementContent[], value: Child): void {
  if (value === null || value === undefined) return
  if (typeof value === 'number' || typeof value === 'string') nodes.push({ type: 'text', value: String(value) })
  else if (Array.isArray(value)) for (const child of value) addChild(nodes, child)
  else if (typeof value === 'object' && 'type' in value) {
    if (value.type === 'root') addChild(nodes, value.children as Child)
    else nodes.push(value as ElementContent)
  } else throw new Error(`Expected node, nodes, or string, got \`${String(value)}\``)
}

/** An HTML element, exactly as hastscript's `h(selector, properties, ...children)` makes it. */
export function h(selector: string, properties?: Properties | Child, ...children: Child[]): Element {
  const { tagName, properties: fromSelector } = selectorOf(selector)
  if (tagName === 'template') return hastscript(selector, properties as Properties, ...children)
  const node: Element = { type: 'element', tagName, properties: {}, children: [] }
  // Most selectors are a bare tag name: nothing to copy.
  for (const key in fromSelector) {
    const value = fromSelector[key]
    node.properties[key] = Array.isArray(value) ? [...value] : value
  }
  if (isChild(properties)) addChild(node.children, properties)
  else if (properties) for (const key of Object.keys(properties)) addProperty(node.properties, key, properties[key])
  for (const child of children) addChild(node.children, child)
  return node
}
