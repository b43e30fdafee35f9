// Renderers write every link relative to the output root ("2022/06/07/p1.html"); this plugin
// rewrites them relative to the page being rendered, so the site works from file:// and
// under any sub-path. Fragments, queries and links with a scheme are left alone.

import type { Element, Root } from 'hast'
import type { Plugin } from 'unified'
import { relativeHref } from './urls.js'

export interface Options {
  /** The page's own path, relative to the output root. */
  from: string
}

/** The properties holding a link. */
export const URL_PROPERTIES = ['href', 'src', 'action'] as const
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i

function isSitePath(value: string): boolean {
  return value !== '' && !value.startsWith('#') && !value.startsWith('?') && !value.startsWith('//') && !HAS_SCHEME.test(value)
}

/**
 * Calls `fn` for every element below `node`. This runs over every node of every page of the
 * site (a fifth of a big build's rendering time went to unist-util-visit's per-node
 * bookkeeping of ancestors, which this walk does not need), so it is a plain recursion.
 */
function eachElement(node: Root | Element, fn: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    fn(child)
    eachElement(child, fn)
    // <template> keeps its children apart, as hast does.
    if (child.content) eachElement(child.content, fn)
  }
}

// A link depends on the page's folder alone, and the pages of a folder (an issue's, the
// people's) are rendered one after another and link the same places many times (their
// people, their issue, the site's navigation): the links made for the last folder are kept.
const LINKS_KEPT = 50_000
let linksFolder: string | null = null
let links = new Map<string, string>()

function linksFrom(page: string): Map<string, string> {
  const folder = page.slice(0, page.lastIndexOf('/') + 1)
  if (folder !== linksFolder || links.size > LINKS_KEPT) {
    linksFolder = folder
    links = new Map()
  }
  return links
}

/**
 * What the plugin does to one link property's value on the page at `from`: a site path made
 * relative, anything else as it is. The serialiser (to-html.ts) calls this as it writes each
 * link, so a page needs no walk of its own for its links.
 */
export function relativeUrls(from: string): (value: string) => string {
  const done = linksFrom(from)
  return (value) => {
    if (!isSitePath(value)) return value
    let relative = done.get(value)
    if (relative === undefined) done.set(value, (relative = relativeHref(from, value)))
    return relative
  }
}

/** Rewrites the link properties of every element below `tree` with `rewrite` (relativeUrls). */
export function rewriteUrls(tree: Root | Element, rewrite: (value: string) => string): void {
  eachElement(tree, (node) => {
    for (const property of URL_PROPERTIES) {
      const value = node.properties[property]
      if (typeof value === 'string') node.properties[property] = rewrite(value)
    }
  })
}

const rehypeRelativeUrls: Plugin<[Options], Root> = function (options) {
  return (tree) => rewriteUrls(tree, relativeUrls(options.from))
}

export default rehypeRelativeUrls
