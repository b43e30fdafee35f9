// Renders one HTML page: the page kind's template filled with its slots, placed into the
// base layout, links made relative, and serialised by rehype-stringify (which does all the
// escaping; nothing here writes HTML by hand).

import type { ElementContent, Root } from 'hast'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { OutputFile } from '../types.js'
import rehypeRelativeUrls from './rehype-relative-urls.js'
import { fillSlots, type Slots } from './slots.js'
import type { TemplateName, Templates } from './templates.js'

export interface Site {
  title: string
  /** BCP 47 tag for `<html lang>`. */
  language: string
  templates: Templates
}

export interface PageSpec {
  /** Output path relative to the site root. */
  path: string
  /** Page title without the site name; null for the home page. */
  title: string | null
  template: TemplateName
  slots: Slots
}

function contentNodes(tree: Root): ElementContent[] {
  return tree.children.filter((node): node is ElementContent => node.type !== 'doctype')
}

function setLanguage(tree: Root, language: string): void {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'html') node.properties.lang = language
  })
}

export function renderDocument(site: Site, spec: PageSpec): OutputFile {
  const content = site.templates.instance(spec.template)
  fillSlots(content, spec.slots)
  const document = site.templates.instance('base')
  fillSlots(document, {
    title: spec.title === null ? site.title : `${spec.title} - ${site.title}`,
    'site-title': site.title,
    main: contentNodes(content),
  })
  setLanguage(document, site.language)
  const processor = unified().use(rehypeRelativeUrls, { from: spec.path }).use(rehypeStringify)
  const html = processor.stringify(processor.runSync(document))
  return { path: spec.path, contents: html.endsWith('\n') ? html : `${html}\n` }
}
