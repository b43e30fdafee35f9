// Pages whose content is all in their template: the search page and the 404 page.

import type { PageSpec } from '../document.js'
import { breadcrumbs, homeCrumb } from './parts.js'
import { NOT_FOUND_URL, SEARCH_URL } from '../urls.js'

export function searchPage(): PageSpec {
  return {
    path: SEARCH_URL,
    title: '搜索',
    template: 'search',
    description: '在全部报道中搜索：人名、地名、主题和日期，中文不必分词。',
    slots: { breadcrumbs: breadcrumbs([homeCrumb(), { text: '搜索' }]) },
  }
}

export function notFoundPage(): PageSpec {
  return { path: NOT_FOUND_URL, title: '找不到页面', template: '404', slots: {} }
}
