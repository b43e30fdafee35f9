// api.html: how to use the archive's data (JSON API, feed, sitemap, search links), written
// by us in templates/api.md.

import type { PageSpec } from '../document.js'
import { renderMarkdown } from '../markdown.js'
import type { Templates } from '../templates.js'
import { API_DOC_URL } from '../urls.js'
import { breadcrumbs, homeCrumb } from './parts.js'

export function apiDocPage(templates: Templates): PageSpec {
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
