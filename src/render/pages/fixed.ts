// Pages whose content is all in their template: the search page and the 404 page.

import { h } from 'hastscript'
import { SEARCH_DIR, SEARCH_ENTRY_FILE } from '../../search/format.js'
import type { PageSpec } from '../document.js'
import { breadcrumbs, homeCrumb } from './parts.js'
import { NOT_FOUND_URL, SEARCH_EARLY_SCRIPT_URL, SEARCH_SCRIPT_URL, SEARCH_URL } from '../urls.js'

/**
 * The search page's scripts, at the end of <head>, so the browser asks for all of them, and
 * the stylesheet before them, as soon as it reads the page. The main script is deferred until
 * the page is parsed, asked for at high priority (a deferred script is otherwise held back
 * while the head is read), and blocks rendering: the first frame then shows the results
 * instead of an empty list that is laid out again when they come (on a cold page the first
 * layout of Chinese text is the largest cost after the script itself). entry.js (the index's
 * small table) and early.ts's script then run at once, so a named word's first page is asked
 * for straight away (early-files.ts); the early script is preloaded, or it would be asked for
 * only once entry.js has run.
 */
function searchScripts() {
  return [
    h('script', { src: SEARCH_SCRIPT_URL, defer: true, fetchpriority: 'high', blocking: 'render' }),
    h('link', { rel: 'preload', href: SEARCH_EARLY_SCRIPT_URL, as: 'script' }),
    h('script', { src: `${SEARCH_DIR}/${SEARCH_ENTRY_FILE}`, dataSearchEntry: true }),
    h('script', { src: SEARCH_EARLY_SCRIPT_URL }),
  ]
}

export function searchPage(): PageSpec {
  return {
    path: SEARCH_URL,
    title: '搜索',
    template: 'search',
    description: '在全部报道中搜索：人名、地名、主题和日期，中文不必分词。',
    slots: { breadcrumbs: breadcrumbs([homeCrumb(), { text: '搜索' }]) },
    head: searchScripts(),
  }
}

export function notFoundPage(): PageSpec {
  return { path: NOT_FOUND_URL, title: '找不到页面', template: '404', slots: {} }
}
