// Renders one HTML page: the page kind's template filled with its slots, placed into the
// base layout with the head metadata, links made relative, and serialised as rehype-stringify
// serialises it (to-html.ts: the same bytes, faster; stringify-entities does the escaping).

import type { Element, ElementContent, Root, RootContent } from 'hast'
import { EXIT, visit } from 'unist-util-visit'
import type { OutputFile, SiteConfig } from '../types.js'
import { cspElement, metaElements, siteDescription, type PageMeta } from './head.js'
import { relativeUrls } from './rehype-relative-urls.js'
import { fillSlots, type Slots } from './slots.js'
import { toHtmlFast } from './to-html.js'
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
  /** This page's own elements in <head>, after its metadata and before the stylesheet (the search page's scripts). */
  head?: Element[]
}

/**
 * Pages whose paths are known before they are made: their trees are made when asked for and
 * let go once written. The month, topic and name-index pages together hold a tree per listed
 * story (hundreds of megabytes at 60,000 stories), so the site never holds them all at once.
 */
export interface LazyPages {
  paths: string[]
  specs(): PageSpec[]
  /**
   * Everything the pages are made from besides the templates and the site settings, as plain
   * data that stands for each issue by its hash (group-job.ts issueKey): a rebuild keeps the
   * pages without making them when it is unchanged, rather than making each page's spec to
   * key it (page-key.ts), which for the month, topic and name-index pages of a decade is tens
   * of megabytes of trees.
   */
  inputs: () => unknown
}

/** One page as LazyPages. */
export function lazyPage(path: string, spec: () => PageSpec, inputs: () => unknown): LazyPages {
  return { paths: [path], specs: () => [spec()], inputs }
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

function setHead(document: Root, config: SiteConfig, spec: PageSpec, page: PageMeta): void {
  const head = findElement(document, (node) => node.tagName === 'head')
  insertAfter(head, isElement('meta', (node) => node.properties.charSet !== undefined), [cspElement(spec.head)])
  insertAfter(head, isElement('title'), [...metaElements(config, page), ...(spec.head ?? [])])
  findElement(document, (node) => node.tagName === 'html').properties.lang = config.language || 'zh-CN'
}

function pageTitle(config: SiteConfig, spec: PageSpec): string {
  return spec.title === null ? config.title : `${spec.title} - ${config.title}`
}

function pageMeta(config: SiteConfig, spec: PageSpec, title: string): PageMeta {
  return { title, description: spec.description ?? siteDescription(config), type: spec.type ?? 'website', path: spec.path }
}

/** The page as one tree: the layout, its slots filled, the head completed. */
export function documentTree(site: Site, spec: PageSpec): Root {
  const { config, templates } = site
  const content = templates.instance(spec.template)
  fillSlots(content, spec.slots)
  const document = templates.instance('base')
  const title = pageTitle(config, spec)
  fillSlots(document, {
    title,
    'site-title': config.title,
    main: contentNodes(content),
    'footer-note': spec.footerNote ?? null,
  })
  setHead(document, config, spec, pageMeta(config, spec, title))
  return document
}

/** Serialises `tree` with links made relative to the page at `from` (as rehype-relative-urls makes them, while writing: to-html.ts). */
function stringify(tree: Root, from: string): string {
  return toHtmlFast(tree, relativeUrls(from))
}

// The layout around a page's own content — head, header, footer — is the same HTML for every
// page in one folder (links are made relative to the folder), and serialising it was about a
// third of rendering a page. So it is serialised once per folder, with markers where the
// page's title, head metadata and main content go, and each page serialises only those.
// hast-util-to-html writes an element the same way wherever it stands (no optional tags are
// omitted), so the bytes are those of serialising the whole tree (tests/render/frame.test.ts).
const MARK = '\uE000'
type Frame = [string, string, string, string] | null
const frames = new WeakMap<Templates, Map<string, Frame>>()
/** Folders whose frame is kept: a worker renders one issue's folder, or the people folder, at a time. */
const FRAMES_KEPT = 32

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1)
}

function makeFrame(site: Site, folder: string): Frame {
  const { config, templates } = site
  const document = templates.instance('base')
  const marker = (): ElementContent => ({ type: 'text', value: MARK })
  fillSlots(document, { title: MARK, 'site-title': config.title, main: [marker()], 'footer-note': null })
  const head = findElement(document, (node) => node.tagName === 'head')
  insertAfter(head, isElement('meta', (node) => node.properties.charSet !== undefined), [cspElement()])
  const at = head.children.findIndex(isElement('title'))
  if (at === -1) return null
  head.children.splice(at + 1, 0, { type: 'text', value: MARK })
  findElement(document, (node) => node.tagName === 'html').properties.lang = config.language || 'zh-CN'
  const parts = stringify(document, `${folder}page.html`).split(MARK)
  // Anything else holding the marker (a template or setting using that private-use character) renders the whole tree.
  return parts.length === 4 ? (parts as [string, string, string, string]) : null
}

function frameFor(site: Site, folder: string): Frame {
  let kept = frames.get(site.templates)
  if (!kept) frames.set(site.templates, (kept = new Map()))
  const key = `${folder}\u0000${JSON.stringify(site.config)}`
  let frame = kept.get(key)
  if (frame === undefined) {
    if (kept.size >= FRAMES_KEPT) kept.clear()
    kept.set(key, (frame = makeFrame(site, folder)))
  }
  return frame
}

export function renderDocument(site: Site, spec: PageSpec): OutputFile {
  const { config, templates } = site
  // The home page's footer note and the search page's scripts change the layout itself: those
  // pages are rendered whole, as is any page whose frame cannot be made.
  const frame = spec.footerNote || spec.head ? null : frameFor(site, folderOf(spec.path))
  let html: string
  if (frame) {
    const content = templates.instance(spec.template)
    fillSlots(content, spec.slots)
    const title = pageTitle(config, spec)
    const metas: ElementContent[] = metaElements(config, pageMeta(config, spec, title)).flatMap((node): ElementContent[] => [{ type: 'text', value: '\n' }, node])
    html =
      frame[0] +
      stringify({ type: 'root', children: [{ type: 'text', value: title }] }, spec.path) +
      frame[1] +
      stringify({ type: 'root', children: metas }, spec.path) +
      frame[2] +
      stringify({ type: 'root', children: contentNodes(content) }, spec.path) +
      frame[3]
  } else {
    html = stringify(documentTree(site, spec), spec.path)
  }
  return { path: spec.path, contents: html.endsWith('\n') ? html : `${html}\n` }
}

/** The page rendered as one tree, never from a frame: what renderDocument's frames must equal. */
export function renderWholeDocument(site: Site, spec: PageSpec): string {
  const html = stringify(documentTree(site, spec), spec.path)
  return html.endsWith('\n') ? html : `${html}\n`
}
