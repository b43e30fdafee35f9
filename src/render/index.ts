// Renders the whole site from the model: HTML pages, the feed, sitemap and robots.txt, the
// JSON API, the stylesheet, the search script and the search index. Pure apart from reading
// our own templates and bundling our own client script; the caller writes the files.

import type { OutputFile, SiteModel } from '../types.js'
import { bundleSearchClient, bundleStoryHighlight } from '../search/bundle-client.js'
import { renderSearchFiles, type SearchFilesOptions } from '../search/search-files.js'
import { renderDocument, type PageSpec } from './document.js'
import { renderFeed } from './feed.js'
import { renderApi } from './json-api.js'
import { apiDocPage } from './pages/api-doc.js'
import { datePages } from './pages/dates.js'
import { notFoundPage, searchPage } from './pages/fixed.js'
import { homePage } from './pages/home.js'
import { issuePage } from './pages/issue.js'
import { pageView } from './pages/page-view.js'
import { peoplePages } from './pages/person.js'
import { reportPage } from './pages/report.js'
import { storyPage } from './pages/story.js'
import { topicPages } from './pages/topic.js'
import { buildSiteContext } from './site-context.js'
import { renderRobots, renderSitemap } from './sitemap.js'
import { loadTemplates } from './templates.js'
import { FEED_URL, NOT_FOUND_URL, REPORT_URL, ROBOTS_URL, SEARCH_SCRIPT_URL, SEARCH_URL, SITEMAP_URL, STORY_HIGHLIGHT_SCRIPT_URL, STYLESHEET_URL } from './urls.js'

export interface RenderOptions {
  /** Folder with the page templates, style.css and api.md; defaults to the project's templates/. */
  templateDir?: string
  search?: SearchFilesOptions
}

/** Pages a sitemap leaves out: they hold nothing to find (search, 404) or are for editors (the build report). */
const NOT_IN_SITEMAP = new Set([SEARCH_URL, NOT_FOUND_URL, REPORT_URL])

export function renderSite(model: SiteModel, options: RenderOptions = {}): OutputFile[] {
  const site = buildSiteContext(model)
  const templates = loadTemplates(options.templateDir)
  const pages: PageSpec[] = [
    homePage(site),
    searchPage(),
    notFoundPage(),
    apiDocPage(templates),
    reportPage(model),
    ...datePages(site),
    ...peoplePages(site),
    ...topicPages(site),
  ]
  for (const issue of site.issues) {
    pages.push(issuePage(site, issue))
    for (const page of issue.pages) pages.push(pageView(site, issue, page))
  }
  for (const ref of site.stories) pages.push(storyPage(site, ref))

  const { siteUrl } = model.config
  const sitemapPaths = pages.map((page) => page.path).filter((path) => !NOT_IN_SITEMAP.has(path))
  return [
    ...pages.map((spec) => renderDocument({ config: model.config, templates }, spec)),
    { path: FEED_URL, contents: renderFeed(site) },
    ...(siteUrl ? [{ path: SITEMAP_URL, contents: renderSitemap(siteUrl, sitemapPaths) }] : []),
    { path: ROBOTS_URL, contents: renderRobots(siteUrl) },
    ...renderApi(model),
    { path: STYLESHEET_URL, contents: templates.stylesheet },
    { path: SEARCH_SCRIPT_URL, contents: bundleSearchClient() },
    { path: STORY_HIGHLIGHT_SCRIPT_URL, contents: bundleStoryHighlight() },
    ...renderSearchFiles(model, options.search),
  ]
}
