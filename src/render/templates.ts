// The HTML templates in templates/: one file per page kind, parsed once with rehype-parse and
// cloned for every page. `base.html` is the layout; the others are fragments for its `main`.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export type TemplateName = 'base' | 'home' | 'issue' | 'page' | 'story' | 'search' | 'list' | 'person' | 'topic' | '404'

export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

export interface Templates {
  /** A fresh copy of the template's tree, free to fill and mutate. */
  instance(name: TemplateName): Root
  /** The site stylesheet, `templates/style.css`. */
  stylesheet: string
}

function parseTemplate(dir: string, name: TemplateName): Root {
  const text = readFileSync(`${dir}/${name}.html`, 'utf8')
  const tree = unified()
    .use(rehypeParse, { fragment: name !== 'base' })
    .parse(text)
  // Positions point into the template file, not the page; dropping them keeps clones small.
  visit(tree, (node) => {
    delete node.position
  })
  return tree
}

const cache = new Map<string, Templates>()

export function loadTemplates(dir: string = TEMPLATE_DIR): Templates {
  let templates = cache.get(dir)
  if (!templates) {
    const names: TemplateName[] = ['base', 'home', 'issue', 'page', 'story', 'search', 'list', 'person', 'topic', '404']
    const parsed = new Map(names.map((name) => [name, parseTemplate(dir, name)]))
    templates = {
      instance: (name) => structuredClone(parsed.get(name)!),
      stylesheet: readFileSync(`${dir}/style.css`, 'utf8'),
    }
    cache.set(dir, templates)
  }
  return templates
}
