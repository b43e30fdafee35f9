// What the dev server changes in the pages it serves (the files on disk stay as built): the
// reload script, as an external file the policy's script-src 'self' allows, and
// `connect-src 'self'` added to the page's Content-Security-Policy so the script may open its
// event stream. Nothing else of the policy is loosened. Parsed and serialised as a tree.

import type { Element, Root } from 'hast'
import { h } from '../render/h.js'
import rehypeParse from 'rehype-parse'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export const RELOAD_SCRIPT_PATH = '/__dev/reload.js'
export const EVENTS_PATH = '/__dev/events'

function isPolicy(node: Element): boolean {
  const equiv = node.properties.httpEquiv
  return node.tagName === 'meta' && Array.isArray(equiv) && equiv.join(' ').toLowerCase() === 'content-security-policy'
}

function addReload(build: number) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (isPolicy(node) && typeof node.properties.content === 'string') node.properties.content += "; connect-src 'self'"
      if (node.tagName === 'head') node.children.push(h('script', { src: RELOAD_SCRIPT_PATH, dataDevBuild: String(build), defer: true }))
    })
  }
}

export function injectReload(html: string, build: number): string {
  return unified().use(rehypeParse).use(() => addReload(build)).use(rehypeStringify).processSync(html).toString()
}
