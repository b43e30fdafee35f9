// Serialises a page's hast to the very string rehype-stringify (hast-util-to-html, default
// settings) makes of it — tests/render/to-html.test.ts compares the two on every page of a
// built site and on each kind of node, attribute and character — only faster.
//
// Why: serialising was the largest part of rendering a big archive (about half of making an
// issue's or a person's pages). hast-util-to-html joins each element's parts into a new
// string, so every level of a page copies all of its content again, and it looks up each
// attribute's schema entry and escapes its name on every element. Here the page is written
// into one list of strings, joined once; each attribute name is looked up and escaped once
// per name; a text or value with nothing to escape is taken as it is, and anything else is
// escaped by stringify-entities with hast-util-to-html's own options. What pages here seldom
// hold — <svg> (the month charts), <template>, comments, a void element with children — is
// handed, subtree by subtree, to hast-util-to-html itself.
//
// Links are made relative as they are written (`url`, rehype-relative-urls.ts relativeUrls):
// the same values the plugin would have put into the tree, without a walk of every page's
// tree of its own and a unified processor per page, which took a tenth of rendering a big
// archive (tests/render/to-html.test.ts compares with the plugin and rehype-stringify).

import type { Element, Nodes, Properties } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { htmlVoidElements } from 'html-void-elements'
import { find, html } from 'property-information'
import { stringify as commas } from 'comma-separated-tokens'
import { stringify as spaces } from 'space-separated-tokens'
import { stringifyEntities } from 'stringify-entities'
import { URL_PROPERTIES, rewriteUrls } from './rehype-relative-urls.js'

// hast-util-to-html's subsets (lib/handle/element.js `constants`, text.js) for its default
// settings: no parse errors allowed, no dangerous characters, double quotes. The arrays are
// made once, as stringify-entities caches its expression per array.
const TEXT_SUBSET = ['<', '&']
const TEXT_TEST = /[<&]/
const NAME_SUBSET = [...'\0\t\n\f\r "&\'/<=>`']
const VALUE_SUBSET = [...'\0"&\'`']
const VALUE_TEST = /[\0"&'`]/

const VOIDS = new Set(htmlVoidElements)
/** Elements whose text is written as it is. */
const RAW_TEXT = new Set(['script', 'style'])

interface Attribute {
  /** The attribute's name as written, escaped. */
  name: string
  boolean: boolean
  overloadedBoolean: boolean
  commaSeparated: boolean
  /** The attribute's name in the schema, which a value equal to it means "on" for booleans. */
  attribute: string
}
const attributes = new Map<string, Attribute>()

function attributeOf(key: string): Attribute {
  let known = attributes.get(key)
  if (!known) {
    const info = find(html, key)
    known = {
      name: stringifyEntities(info.attribute, { subset: NAME_SUBSET }),
      boolean: info.boolean,
      overloadedBoolean: info.overloadedBoolean,
      commaSeparated: info.commaSeparated,
      attribute: info.attribute,
    }
    attributes.set(key, known)
  }
  return known
}

function escapeText(value: string): string {
  return TEXT_TEST.test(value) ? stringifyEntities(value, { subset: TEXT_SUBSET }) : value
}

function escapeValue(value: string): string {
  return VALUE_TEST.test(value) ? stringifyEntities(value, { subset: VALUE_SUBSET, attribute: true }) : value
}

/** One attribute as hast-util-to-html writes it, or '' when it is left out. */
function attribute(key: string, given: Properties[string]): string {
  const info = attributeOf(key)
  let value = given
  if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true
  else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value)
  if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) return ''
  if (value === true) return info.name
  const text = Array.isArray(value) ? (info.commaSeparated ? commas : spaces)(value, { padLeft: true }) : String(value)
  return `${info.name}="${escapeValue(text)}"`
}

/** A link's value as written (relativeUrls), or null to write links as they are. */
type UrlRewrite = ((value: string) => string) | null

/** The properties whose values `url` rewrites: the plugin's own list. */
const LINK_KEYS: ReadonlySet<string> = new Set(URL_PROPERTIES)

function openingTag(node: Element, url: UrlRewrite): string {
  let tag = `<${node.tagName}`
  const properties = node.properties
  for (const key in properties) {
    let value = properties[key]
    if (url !== null && typeof value === 'string' && LINK_KEYS.has(key)) value = url(value)
    const written = attribute(key, value)
    if (written) tag += ` ${written}`
  }
  return `${tag}>`
}

function write(node: Nodes, parent: Element | null, out: string[], url: UrlRewrite): void {
  switch (node.type) {
    case 'root':
      for (const child of node.children) write(child, null, out, url)
      return
    case 'text':
    // With allowDangerousHtml off (rehype-stringify's default), raw is written as text.
    case 'raw':
      out.push(parent !== null && RAW_TEXT.has(parent.tagName) ? node.value : escapeText(node.value))
      return
    case 'doctype':
      out.push('<!doctype html>')
      return
    case 'element': {
      const name = node.tagName
      const isVoid = VOIDS.has(name.toLowerCase())
      if (name === 'svg' || name === 'template' || (isVoid && node.children.length > 0)) {
        // hast-util-to-html writes this subtree: its links are rewritten in the tree first.
        if (url !== null) rewriteUrls({ type: 'root', children: [node] }, url)
        out.push(toHtml(node))
        return
      }
      out.push(openingTag(node, url))
      if (isVoid) return
      for (const child of node.children) write(child, node, out, url)
      out.push(`</${name}>`)
      return
    }
    default:
      // Comments and anything else: hast-util-to-html's own handling (and errors).
      out.push(toHtml(node))
  }
}

/**
 * `tree` as rehype-stringify with its default settings writes it; with `url`, its links
 * (`href`, `src`, `action`) written as `url` gives them, as if rehype-relative-urls had run first.
 */
export function toHtmlFast(tree: Nodes, url: UrlRewrite = null): string {
  const out: string[] = []
  write(tree, null, out, url)
  return out.join('')
}
