// What every page says about itself in <head>, and the Content-Security-Policy it carries.

import { describe, expect, test } from 'vitest'
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../src/render/csp.js'
import { inlineScriptElement } from '../../src/render/head.js'
import { bundleSearchEarly } from '../../src/search/bundle-client.js'
import { renderSite } from '../../src/render/index.js'
import { peopleModel } from './fixtures/people-model.js'
import { sampleModel } from '../search/fixtures/site-model.js'
import { byTag, elements, fileByPath, isEntryDataBlock, parseHtml } from './helpers/html.js'
import type { Element, Root } from 'hast'

const textOf = (element: Element): string => element.children.map((c) => ('value' in c ? c.value : '')).join('')
/** The scripts with code in them (a JSON data block is not run). */
const inlineScripts = (tree: Root): Element[] => byTag(tree, 'script').filter((s) => s.properties.src === undefined && !isEntryDataBlock(s))

function metaContent(tree: Root, key: 'name' | 'property', value: string): string | undefined {
  const meta = byTag(tree, 'meta').find((m) => m.properties[key] === value)
  return meta === undefined ? undefined : String(meta.properties.content)
}

const model = sampleModel()
const files = [...renderSite(model), ...renderSite(peopleModel())]
const pages = files.filter((f) => f.path.endsWith('.html')).map((f) => ({ path: f.path, tree: parseHtml(f.contents), html: String(f.contents) }))

describe('every page', () => {
  test('carries the policy in a <meta http-equiv> right after the charset, before anything it governs', () => {
    for (const { path, tree } of pages) {
      const head = byTag(tree, 'head')[0]!
      const children = head.children.filter((n): n is Element => n.type === 'element')
      expect(children[0]!.properties.charSet, path).toBe('utf-8')
      const policy = path === 'search.html' ? contentSecurityPolicy([bundleSearchEarly()]) : CONTENT_SECURITY_POLICY
      expect([children[1]!.properties.httpEquiv, children[1]!.properties.content], path).toEqual([['Content-Security-Policy'], policy])
    }
  })

  test('an inline script is allowed by the hash of its exact text, and by nothing else', () => {
    // sha256("a"), base64: an independent value, not computed by the code under test.
    expect(contentSecurityPolicy(['a'])).toBe(
      "default-src 'none'; script-src 'self' 'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'",
    )
    expect(contentSecurityPolicy(['a '])).not.toBe(contentSecurityPolicy(['a']))
    expect(contentSecurityPolicy([])).toBe(CONTENT_SECURITY_POLICY)
  })

  test('no script written into a page can end its element early', () => {
    expect(() => inlineScriptElement('x', 'var s = "</script><script>alert(1)"')).toThrow(/<\/script/u)
    expect(() => inlineScriptElement('x', 'var s = "</SCRIPT >"')).toThrow()
    expect(() => inlineScriptElement('x', '<!-- x')).toThrow()
    expect(textOf(inlineScriptElement('x', 'var a = 1 < 2'))).toBe('var a = 1 < 2')
  })

  test('the policy allows nothing but our own scripts, styles and images, no <base>, and forms only to ourselves', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'",
    )
  })

  test('has no inline script but the search page’s head script, no <style>, no style attribute and no event handler attribute', () => {
    for (const { path, tree } of pages) {
      const inline = inlineScripts(tree)
      expect(inline.map(textOf), path).toEqual(path === 'search.html' ? [bundleSearchEarly()] : [])
      for (const script of byTag(tree, 'script')) {
        if (path === 'search.html' && (isEntryDataBlock(script) || inline.includes(script))) continue
        expect(script.properties.src, path).toBeTypeOf('string')
        expect(script.children, path).toEqual([])
      }
      expect(byTag(tree, 'style'), path).toEqual([])
      const styled = elements(tree, (n) => n.properties.style !== undefined || Object.keys(n.properties).some((k) => /^on[A-Z]/.test(k)))
      expect(styled.map((n) => n.tagName), path).toEqual([])
    }
  })

  test('has a description, Open Graph tags and the feed link', () => {
    for (const { path, tree } of pages) {
      expect(metaContent(tree, 'name', 'description'), path).toMatch(/\S/)
      expect(metaContent(tree, 'property', 'og:title'), path).toBe(byTag(tree, 'title')[0]!.children.map((c) => ('value' in c ? c.value : '')).join(''))
      expect(metaContent(tree, 'property', 'og:site_name'), path).toBeTruthy()
      expect(metaContent(tree, 'property', 'og:locale'), path).toBe('zh_CN')
      expect(metaContent(tree, 'property', 'og:url'), path).toBeUndefined()
      const feed = byTag(tree, 'link').filter((l) => String(l.properties.rel) === 'alternate' && l.properties.type === 'application/atom+xml')
      expect(feed.map((l) => String(l.properties.href).replace(/^(\.\.\/)*/, '')), path).toEqual(['feed.xml'])
    }
  })

  test('a story is an article described by its paper, date and lead', () => {
    const tree = parseHtml(fileByPath(files, '2023/05/02/p1-l8.html').contents)
    expect(metaContent(tree, 'property', 'og:type')).toBe('article')
    expect(metaContent(tree, 'name', 'description')).toBe('示例日报 2023年5月2日 第1版。4月30日，市长王小明来到五金城，调研五金产业发展情况。')
  })

  test('og:url is the absolute address only when the site URL is known', () => {
    const withUrl = renderSite({ ...model, config: { ...model.config, siteUrl: 'https://example.org/paper/' } })
    const tree = parseHtml(fileByPath(withUrl, 'people/王小明.html').contents)
    expect(metaContent(tree, 'property', 'og:url')).toBe('https://example.org/paper/people/%E7%8E%8B%E5%B0%8F%E6%98%8E.html')
  })

  test('the language comes from the site settings', () => {
    const english = renderSite({ ...model, config: { ...model.config, language: 'en' } })
    const tree = parseHtml(fileByPath(english, 'index.html').contents)
    expect(byTag(tree, 'html')[0]!.properties.lang).toBe('en')
    expect(metaContent(tree, 'property', 'og:locale')).toBe('en')
  })
})
