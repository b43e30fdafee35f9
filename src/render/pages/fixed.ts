// Pages whose content is all in their template: the search page and the 404 page.

import { h } from '../h.js'
import { SEARCH_EARLY_ELEMENT_ID, SEARCH_ENTRY_ELEMENT_ID, type SearchEntry } from '../../search/format.js'
import { toScriptLiteral } from '../../search/script-file.js'
import type { PageSpec } from '../document.js'
import { breadcrumbs, homeCrumb } from './parts.js'
import { NOT_FOUND_URL, SEARCH_SCRIPT_URL, SEARCH_URL } from '../urls.js'
import { inlineScriptElement } from '../head.js'
import { bundleSearchEarly } from '../../search/bundle-client.js'

/**
 * The search page's scripts come in <head>, before the stylesheet. The main script is deferred
 * until the page is parsed, asked for first and at high priority (a deferred script is
 * otherwise held back while the head is read), and blocks rendering: the first frame shows
 * the results rather than an empty list laid out again when they come (on a cold page laying
 * out Chinese text is the largest cost after the script itself). The index's entry comes in
 * the page itself, as a JSON block (not run, so the page's policy allows it), and the early
 * script (client/early.ts) reads it at once: a named word's first page is asked for while the
 * page is still being read, with no entry.js to wait for and, standing before the stylesheet,
 * without waiting for that either; the word's file is then usually in before the main script
 * runs, which draws the results as it starts. The early script is written into the page (1.3
 * kB, allowed by its hash in the page's policy, head.ts): as a file of its own it stopped the
 * parser for a request, which put the word's files a round trip later (with 40 ms a response,
 * the first result ~80 ms later).
 */
export function searchPage(entry: SearchEntry): PageSpec {
  return {
    path: SEARCH_URL,
    title: '搜索',
    template: 'search',
    description: '在全部报道中搜索：人名、地名、主题和日期，中文不必分词。',
    slots: { breadcrumbs: breadcrumbs([homeCrumb(), { text: '搜索' }]) },
    head: [
      h('script', { src: SEARCH_SCRIPT_URL, defer: true, fetchpriority: 'high', blocking: 'render' }),
      // `<` escaped, so no text of the entry can end the element.
      h('script', { type: 'application/json', id: SEARCH_ENTRY_ELEMENT_ID }, toScriptLiteral(entry)),
      inlineScriptElement(SEARCH_EARLY_ELEMENT_ID, bundleSearchEarly()),
    ],
  }
}

export function notFoundPage(): PageSpec {
  return { path: NOT_FOUND_URL, title: '找不到页面', template: '404', slots: {} }
}
