// The <head> elements that describe a page to browsers, search engines and link previews:
// the Content-Security-Policy, the description and Open Graph tags. Built as hast and put in
// place by renderDocument; the serializer escapes every value.

import type { Element } from 'hast'
import { h } from './h.js'
import type { SiteConfig } from '../types.js'
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './csp.js'
import { absoluteUrl } from './urls.js'

export interface PageMeta {
  /** The whole <title> text. */
  title: string
  description: string
  /** Open Graph type: a story is an article, everything else part of the website. */
  type: 'website' | 'article'
  /** Page path relative to the output root. */
  path: string
}

/** `zh-CN` → `zh_CN`, the form Open Graph wants. */
export function ogLocale(language: string): string {
  return language.replace('-', '_')
}

/** What a page without a description of its own says about itself. */
export function siteDescription(config: SiteConfig): string {
  return config.description || `${config.title}：按日期浏览报纸各期的报道，按人物和主题查找，全文搜索。`
}

/**
 * Goes first in <head>, right after the charset, so it covers everything the page loads; a
 * page's own inline scripts (`head`, from its PageSpec) are allowed by their hashes.
 */
export function cspElement(head: readonly Element[] = []): Element {
  const scripts = head.filter(isInlineScript).map((script) => script.children.map((child) => (child.type === 'text' ? child.value : '')).join(''))
  return h('meta', { httpEquiv: 'Content-Security-Policy', content: scripts.length ? contentSecurityPolicy(scripts) : CONTENT_SECURITY_POLICY })
}

/** A script written into the page, named by `id`: our own bundled code, never text from content. */
export function inlineScriptElement(id: string, code: string): Element {
  // The serializer writes a script's text as it is: nothing in it may end the element early.
  if (/<\/script|<!--/iu.test(code)) throw new Error('An inline script may not hold "</script" or "<!--"')
  return h('script', { id }, code)
}

/** A script element with code in it (a JSON data block is not run, so it needs no allowing). */
function isInlineScript(element: Element): boolean {
  const type = element.properties.type
  return element.tagName === 'script' && element.properties.src === undefined && (type === undefined || type === 'module' || /javascript/iu.test(String(type)))
}

/** Description and Open Graph tags; `og:url` only when the site's absolute address is known. */
export function metaElements(config: SiteConfig, page: PageMeta): Element[] {
  const property = (name: string, content: string) => h('meta', { property: name, content })
  return [
    h('meta', { name: 'description', content: page.description }),
    property('og:type', page.type),
    property('og:title', page.title),
    property('og:description', page.description),
    property('og:site_name', config.title),
    property('og:locale', ogLocale(config.language)),
    ...(config.siteUrl ? [property('og:url', absoluteUrl(config.siteUrl, page.path))] : []),
  ]
}
