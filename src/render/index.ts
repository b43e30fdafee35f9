// Renders the whole site from the model: HTML pages, the JSON API, the stylesheet, the search
// script and the search index. Pure apart from reading our own templates and bundling our own
// client script; the caller writes the files.

import type { OutputFile, SiteModel } from '../types.js'
import { bundleSearchClient } from '../search/bundle-client.js'
import { renderSearchFiles, type SearchFilesOptions } from '../search/search-files.js'
import { renderDocument, type PageSpec, type Site } from './document.js'
import { renderApi } from './json-api.js'
import { notFoundPage, searchPage } from './pages/fixed.js'
import { homePage } from './pages/home.js'
import { issuePage } from './pages/issue.js'
import { pageView } from './pages/page-view.js'
import { peoplePages } from './pages/person.js'
import { storyPage } from './pages/story.js'
import { topicPages } from './pages/topic.js'
import { buildSiteContext } from './site-context.js'
import { loadTemplates } from './templates.js'
import { SEARCH_SCRIPT_URL, STYLESHEET_URL } from './urls.js'

export interface RenderOptions {
  /** Folder with the page templates and style.css; defaults to the project's templates/. */
  templateDir?: string
  search?: SearchFilesOptions
}

export function renderSite(model: SiteModel, options: RenderOptions = {}): OutputFile[] {
  const site = buildSiteContext(model)
  const templates = loadTemplates(options.templateDir)
  const pages: PageSpec[] = [homePage(site), searchPage(), notFoundPage(), ...peoplePages(site), ...topicPages(site)]
  site.issues.forEach((issue, index) => {
    pages.push(issuePage(site, index))
    for (const page of issue.pages) pages.push(pageView(issue, page))
  })
  for (const ref of site.stories) pages.push(storyPage(site, ref))

  const document: Site = { title: model.config.title, language: model.config.language || 'zh-CN', templates }
  return [
    ...pages.map((spec) => renderDocument(document, spec)),
    ...renderApi(model),
    { path: STYLESHEET_URL, contents: templates.stylesheet },
    { path: SEARCH_SCRIPT_URL, contents: bundleSearchClient() },
    ...renderSearchFiles(model, options.search),
  ]
}
