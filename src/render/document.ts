// Renders one HTML page: the page kind's template filled with its slots, placed into the
// base layout with the head metadata, links made relative, and serialised by rehype-stringify
// (which does all the escaping; nothing here writes HTML by hand).

import type { Element, ElementContent, Root, RootContent } from 'hast'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { EXIT, visit } from 'unist-util-visit'
import type { OutputFile, SiteConfig } from '../types.js'
import { cspElement, metaElements, siteDescription, type PageMeta } from './head.js'
import rehypeRelativeUrls from './rehype-relative-urls.js'
import { fillSlots, type Slots } from './slots.js'
import type { TemplateName, Templates } from './templates.js'

export interface Site {
  config: SiteConfig
  templates: Templates
}

export interface PageSpec {
  /** Output path relative to the site root. */
  path: string
  /** Page title without the site name; null for the home page. */
  title: string | null
  template: TemplateName
  slots: Slots
  /** For the description and Open Graph tags; the site's description when omitted. */
  description?: string
  /** Open Graph type; `website` when omitted. */
  type?: PageMeta['type']
  /** Said in this page's footer only (the home page's link to the build report). */
  footerNote?: ElementContent[]
}

function contentNodes(tree: Root): ElementContent[] {
  return tree.children.filter((node): node is ElementContent => node.type !== 'doctype')
}

function findElement(tree: Root, test: (node: Element) => boolean): Element {
  let found: Element | undefined
  // The layout's <html> and <head> come first: stop there rather than walk the whole page.
  visit(tree, 'element', (node) => {
    if (!test(node)) return undefined
    found = node
    return EXIT
  })
  if (!found) throw new Error('Unexpected base template, expected <head> with <meta charset> and <title>')
  return found
}

/** Inserts `nodes` after the first child of `parent` that passes `test`, one per line. */
function insertAfter(parent: Element, test: (node: RootContent) => boolean, nodes: Element[]): void {
  const at = parent.children.findIndex(test)
  if (at === -1) throw new Error('Unexpected base template, expected <head> with <meta charset> and <title>')
  parent.children.splice(at + 1, 0, ...nodes.flatMap((node): ElementContent[] => [{ type: 'text', value: '\n' }, node]))
}

function isElement(name: string, test: (node: Element) => boolean = () => true) {
  return (node: RootContent): boolean => node.type === 'element' && node.tagName === name && test(node)
}

function setHead(document: Root, config: SiteConfig, page: PageMeta): void {
  const head = findElement(document, (node) => node.tagName === 'head')
  insertAfter(head, isElement('meta', (node) => node.properties.charSet !== undefined), [cspElement()])
  insertAfter(head, isElement('title'), metaElements(config, page))
  findElement(document, (node) => node.tagName === 'html').properties.lang = config.language || 'zh-CN'
}

export function renderDocument(site: Site, spec: PageSpec): OutputFile {
  const { config, templates } = site
  const content = templates.instance(spec.template)
  fillSlots(content, spec.slots)
  const document = templates.instance('base')
  const title = spec.title === null ? config.title : `${spec.title} - ${config.title}`
  fillSlots(document, {
    title,
    'site-title': config.title,
    main: contentNodes(content),
    'footer-note': spec.footerNote ?? null,
  })
  setHead(document, config, {
    title,
    description: spec.description ?? siteDescription(config),
    type: spec.type ?? 'website',
    path: spec.path,
  })
  const processor = unified().use(rehypeRelativeUrls, { from: spec.path }).use(rehypeStringify)
  const html = processor.stringify(processor.runSync(document))
  return { path: spec.path, contents: html.endsWith('\n') ? html : `${html}\n` }
}
