// Reading rendered pages back as trees, so tests assert on structure rather than on strings.

import type { Element, Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { SEARCH_ENTRY_ELEMENT_ID } from '../../../src/search/format.js'
import type { OutputFile } from '../../../src/types.js'

export function parseHtml(contents: OutputFile['contents']): Root {
  return unified().use(rehypeParse).parse(String(contents))
}

export function elements(tree: Root | Element, test: (element: Element) => boolean = () => true): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node)
  })
  return found
}

export function byTag(tree: Root | Element, tagName: string): Element[] {
  return elements(tree, (node) => node.tagName === tagName)
}

export function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className
  return Array.isArray(value) && value.includes(name)
}

export function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((child) => textOf(child)).join('')
  return ''
}

export function fileByPath(files: readonly OutputFile[], path: string): OutputFile {
  const file = files.find((f) => f.path === path)
  if (!file) throw new Error(`No output file ${path}`)
  return file
}

/**
 * Whether `script` is the search page's copy of the index's entry: a JSON data block, which
 * browsers never run (render/pages/fixed.ts), holding JSON and no `<` at all.
 */
export function isEntryDataBlock(script: Element): boolean {
  if (script.properties.type !== 'application/json' || script.properties.id !== SEARCH_ENTRY_ELEMENT_ID || script.properties.src !== undefined) return false
  const text = textOf(script)
  try {
    JSON.parse(text)
  } catch {
    return false
  }
  return !text.includes('<')
}
