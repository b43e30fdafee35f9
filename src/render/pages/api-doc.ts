// api.html: how to use the archive's data (JSON API, feed, sitemap, search links), written
// by us in templates/api.md.

import { lazyPage, type LazyPages, type PageSpec } from '../document.js'
import { renderMarkdown } from '../markdown.js'
import type { Templates } from '../templates.js'
import { API_DOC_URL } from '../urls.js'
import { breadcrumbs, homeCrumb } from './parts.js'

/**
 * The page, made only when its markdown (or a template or setting, which every page's key
 * holds) changed since the last build: rendering it through remark is ~0.1 s of every rebuild.
 */
export function apiDocPages(templates: Templates): LazyPages {
  return lazyPage(API_DOC_URL, () => apiDocPage(templates), () => ({ page: 'api-doc', markdown: templates.markdown('api') }))
}

function apiDocPage(templates: Templates): PageSpec {
  const page = renderMarkdown(templates.markdown('api'))
  return {
    path: API_DOC_URL,
    title: page.title,
    template: 'doc',
    description: page.summary,
    slots: {
      breadcrumbs: breadcrumbs([homeCrumb(), { text: page.title }]),
      content: page.content,
    },
  }
}
