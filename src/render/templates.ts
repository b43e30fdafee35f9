// The templates in templates/: one HTML file per page kind, parsed with rehype-parse and
// cloned for every page (`base.html` is the layout; the others are fragments for its `main`),
// the stylesheet, and the markdown of the pages we write ourselves (api.md). Read afresh on
// every render, so `npm run dev` picks up edits to them.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { contentKey } from '../cache/hash.js'

export const TEMPLATE_NAMES = [
  'base', 'home', 'year', 'month', 'issue', 'page', 'story', 'search', 'list', 'story-list', 'person', 'topic', 'doc', 'report', '404',
] as const

export type TemplateName = (typeof TEMPLATE_NAMES)[number]

/** Pages written in markdown by us (never story text): `templates/<name>.md`. */
export type MarkdownName = 'api'

export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

export interface Templates {
  /** A fresh copy of the template's tree, free to fill and mutate. */
  instance(name: TemplateName): Root
  /** The site stylesheet, `templates/style.css`. */
  stylesheet: string
  markdown(name: MarkdownName): string
  /** Changes whenever any template does. */
  fingerprint: string
}

function parseTemplate(name: TemplateName, text: string): Root {
  const tree = unified()
    .use(rehypeParse, { fragment: name !== 'base' })
    .parse(text)
  // Positions point into the template file, not the page; dropping them keeps clones small.
  visit(tree, (node) => {
    delete node.position
  })
  return tree
}

/**
 * A deep copy of a parsed template. Templates hold only plain objects, arrays and scalars,
 * so a direct copy does what structuredClone does at a fraction of its cost (it runs for
 * every page of the site, twice).
 */
function cloneTree<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length)
    for (let i = 0; i < value.length; i++) items[i] = cloneTree(value[i])
    return items as T
  }
  // for…in rather than Object.entries: no array of pairs per object (plain objects: the same keys, in the same order).
  const record = value as Record<string, unknown>
  const copy: Record<string, unknown> = {}
  for (const key in record) copy[key] = cloneTree(record[key])
  return copy as T
}

export function loadTemplates(dir: string = TEMPLATE_DIR): Templates {
  const texts = TEMPLATE_NAMES.map((name) => [name, readFileSync(`${dir}/${name}.html`, 'utf8')] as const)
  const parsed = new Map(texts.map(([name, text]) => [name, parseTemplate(name, text)]))
  const markdown: Record<MarkdownName, string> = { api: readFileSync(`${dir}/api.md`, 'utf8') }
  const stylesheet = readFileSync(`${dir}/style.css`, 'utf8')
  return {
    instance: (name) => cloneTree(parsed.get(name)!),
    stylesheet,
    markdown: (name) => markdown[name],
    fingerprint: contentKey(...texts.flat(), markdown.api, stylesheet),
  }
}
