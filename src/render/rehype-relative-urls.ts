// Renderers write every link relative to the output root ("2022/06/07/p1.html"); this plugin
// rewrites them relative to the page being rendered, so the site works from file:// and
// under any sub-path. Fragments, queries and links with a scheme are left alone.

import type { Root } from 'hast'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'
import { relativeHref } from './urls.js'

export interface Options {
  /** The page's own path, relative to the output root. */
  from: string
}

const URL_PROPERTIES = ['href', 'src', 'action'] as const
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i

function isSitePath(value: string): boolean {
  return value !== '' && !value.startsWith('#') && !value.startsWith('?') && !value.startsWith('//') && !HAS_SCHEME.test(value)
}

const rehypeRelativeUrls: Plugin<[Options], Root> = function (options) {
  return (tree) => {
    visit(tree, 'element', (node) => {
      for (const property of URL_PROPERTIES) {
        const value = node.properties[property]
        if (typeof value === 'string' && isSitePath(value)) node.properties[property] = relativeHref(options.from, value)
      }
    })
  }
}

export default rehypeRelativeUrls
